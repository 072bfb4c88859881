import { describe, expect, it } from 'vitest';
import { Language } from '../campaign.enums.js';
import { cleanReply, mayEmail, mayHandle, mayHandleOffline, OfflineHandling, renderOfflineReply } from '../offline-message.rules.js';

describe('who reads and handles offline messages', () => {
  it('is every person, and a key only with SUPERVISE or ADMIN', () => {
    expect(mayHandleOffline({ kind: 'USER' }).ok).toBe(true);
    expect(mayHandleOffline({ kind: 'KEY', supervise: true, admin: false }).ok).toBe(true);
    expect(mayHandleOffline({ kind: 'KEY', supervise: false, admin: true }).ok).toBe(true);
    expect(mayHandleOffline({ kind: 'KEY', supervise: false, admin: false })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('handling once', () => {
  it('allows the first hand and tells the second who was first and how', () => {
    expect(mayHandle(null).ok).toBe(true);
    expect(mayHandle({ how: OfflineHandling.EMAIL, byName: 'Ana' })).toEqual({ ok: false, code: 'CONFLICT', reason: 'This offline message was already answered by e-mail by Ana' });
    expect(mayHandle({ how: OfflineHandling.CONVERSATION, byName: null })).toMatchObject({ code: 'CONFLICT', reason: 'This offline message was already turned into a conversation' });
  });
});

describe('the e-mail reply', () => {
  it('is 1 to 5000 characters, trimmed, to an address the customer left', () => {
    expect(cleanReply('  Hola  ')).toEqual({ ok: true, value: 'Hola' });
    expect(cleanReply('   ')).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(cleanReply('x'.repeat(5001))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(mayEmail(null)).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(mayEmail('a@b.example')).toEqual({ ok: true, value: 'a@b.example' });
  });

  it("is written in the customer's language, quotes their message and escapes HTML", () => {
    const mail = renderOfflineReply({ language: Language.pt, campaignName: 'Vendas', customerName: 'Rui', reply: 'Abrimos às 9h <b>', original: 'Abrem amanhã?\nObrigado' });
    expect(mail.subject).toBe('Re: a sua mensagem para Vendas');
    expect(mail.text).toBe('Olá Rui,\n\nAbrimos às 9h <b>\n\nVocê escreveu:\n> Abrem amanhã?\n> Obrigado\n\nVendas');
    expect(mail.html).toContain('Abrimos às 9h &lt;b&gt;');
    expect(mail.html).toContain('Abrem amanhã?<br>Obrigado');
    expect(renderOfflineReply({ language: Language.en, campaignName: 'Sales', customerName: null, reply: 'Hi', original: 'Hello' }).text.startsWith('Hello,\n')).toBe(true);
  });
});
