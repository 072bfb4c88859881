import { describe, expect, it } from 'vitest';
import { Language } from '../../campaigns/campaign.enums.js';
import { renderTranscript, transcriptLanguage } from '../transcript.rules.js';

const lines = [
  { authorKind: 'CONTACT' as const, authorName: 'Ana', body: 'Olá <b>!</b>', at: new Date('2026-05-04T13:05:00Z'), attachmentUrls: [] },
  { authorKind: 'AGENT' as const, authorName: 'Bruno', body: 'Bom dia', at: new Date('2026-05-04T13:06:00Z'), attachmentUrls: ['https://parley.example/files/1'] },
];

describe('transcripts', () => {
  it('are written in the contact’s language, else the campaign’s, else English', () => {
    expect(transcriptLanguage('pt-BR', 'es')).toBe(Language.pt);
    expect(transcriptLanguage('fr', 'es')).toBe(Language.es);
    expect(transcriptLanguage(null, null)).toBe(Language.en);
  });

  it('give each message its local time, its author and its attachment links, escaping HTML', () => {
    const t = renderTranscript({ protocol: 'DEM-260504-100001', campaignName: 'Loja', timeZone: 'America/Sao_Paulo', language: Language.pt, lines });
    expect(t.subject).toBe('A sua conversa com Loja (DEM-260504-100001)');
    expect(t.text).toContain('10:05');
    expect(t.text).toContain('Você: Olá <b>!</b>');
    expect(t.text).toContain('Bruno: Bom dia');
    expect(t.text).toContain('Anexo: https://parley.example/files/1');
    expect(t.html).toContain('Olá &lt;b&gt;!&lt;/b&gt;');
    expect(t.html).not.toContain('<b>!</b>');
  });
});
