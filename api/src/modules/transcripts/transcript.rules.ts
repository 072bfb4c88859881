import { DateTime } from 'luxon';
import { Language } from '../campaigns/campaign.enums.js';
import { normalizeLanguage } from '../campaigns/campaign.rules.js';

const TEXTS: Record<Language, { subject: (protocol: string, campaign: string) => string; intro: string; you: string; system: string; bot: string; attachment: string }> = {
  [Language.en]: {
    subject: (p, c) => `Your conversation with ${c} (${p})`,
    intro: 'Here is the transcript of your conversation.',
    you: 'You',
    system: 'Message',
    bot: 'Assistant',
    attachment: 'Attachment',
  },
  [Language.es]: {
    subject: (p, c) => `Tu conversación con ${c} (${p})`,
    intro: 'Esta es la transcripción de tu conversación.',
    you: 'Tú',
    system: 'Mensaje',
    bot: 'Asistente',
    attachment: 'Adjunto',
  },
  [Language.pt]: {
    subject: (p, c) => `A sua conversa com ${c} (${p})`,
    intro: 'Esta é a transcrição da sua conversa.',
    you: 'Você',
    system: 'Mensagem',
    bot: 'Assistente',
    attachment: 'Anexo',
  },
};

export interface TranscriptLine {
  authorKind: 'CONTACT' | 'AGENT' | 'BOT' | 'SYSTEM' | 'SUPERVISOR';
  authorName: string | null;
  body: string;
  at: Date;
  attachmentUrls: string[];
}

export interface Transcript {
  subject: string;
  text: string;
  html: string;
  language: Language;
}

/** The language a transcript is written in: the contact's, else the campaign's default, else English. */
export function transcriptLanguage(contactLanguage: string | null, campaignDefault: string | null): Language {
  return normalizeLanguage(contactLanguage) ?? normalizeLanguage(campaignDefault) ?? Language.en;
}

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A conversation as an e-mail, in the customer's language, with each message's local time (the
 * campaign's time zone), author and attachment links. Only what the customer could see goes in.
 */
export function renderTranscript(input: { protocol: string; campaignName: string; timeZone: string; language: Language; lines: TranscriptLine[] }): Transcript {
  const t = TEXTS[input.language];
  const who = (l: TranscriptLine) =>
    l.authorKind === 'CONTACT' ? t.you : l.authorKind === 'BOT' ? (l.authorName ?? t.bot) : l.authorKind === 'SYSTEM' ? (l.authorName ?? t.system) : (l.authorName ?? input.campaignName);
  const when = (d: Date) => DateTime.fromJSDate(d, { zone: input.timeZone }).setLocale(input.language).toLocaleString(DateTime.DATETIME_SHORT);
  const text = [
    t.intro,
    '',
    ...input.lines.flatMap((l) => [`[${when(l.at)}] ${who(l)}: ${l.body}`, ...l.attachmentUrls.map((u) => `  ${t.attachment}: ${u}`)]),
    '',
    `${input.campaignName} · ${input.protocol}`,
  ].join('\n');
  const html = [
    `<p>${escapeHtml(t.intro)}</p>`,
    '<table cellpadding="4">',
    ...input.lines.map(
      (l) =>
        `<tr><td style="color:#666;white-space:nowrap;vertical-align:top">${escapeHtml(when(l.at))}</td><td style="vertical-align:top"><strong>${escapeHtml(who(l))}</strong></td><td>${escapeHtml(l.body).replace(/\n/g, '<br>')}${l.attachmentUrls
          .map((u) => `<br><a href="${escapeHtml(u)}">${escapeHtml(t.attachment)}</a>`)
          .join('')}</td></tr>`,
    ),
    '</table>',
    `<p style="color:#666">${escapeHtml(input.campaignName)} · ${escapeHtml(input.protocol)}</p>`,
  ].join('\n');
  return { subject: t.subject(input.protocol, input.campaignName), text, html, language: input.language };
}
