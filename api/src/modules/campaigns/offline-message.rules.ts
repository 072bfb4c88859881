import { Language } from './campaign.enums.js';
import { escapeHtml } from '../transcripts/transcript.rules.js';
import { allow, type Decision, deny } from '../interactions/interaction.rules.js';

/** How an offline message was handled: answered by e-mail, or turned into a conversation. */
export enum OfflineHandling {
  EMAIL = 'EMAIL',
  CONVERSATION = 'CONVERSATION',
}

export const MAX_REPLY_LENGTH = 5000;

/** Who asks to read or handle offline messages, as these rules need it. */
export type OfflineCaller = { kind: 'USER' } | { kind: 'KEY'; supervise: boolean; admin: boolean };

/**
 * Every person reads and handles the offline messages of the campaigns they reach (where is decided
 * by the scope, see offline-message.sql.ts); a key only when it acts as a supervisor or administrator,
 * since the messages carry customers' addresses, which a READ or BOT key never sees.
 */
export function mayHandleOffline(caller: OfflineCaller): Decision {
  if (caller.kind === 'USER' || caller.supervise || caller.admin) return allow(true);
  return deny('FORBIDDEN', 'Only people and keys with SUPERVISE or ADMIN read offline messages');
}

/** A message is handled once: whoever comes second learns who was first and how. */
export function mayHandle(handled: { how: OfflineHandling; byName: string | null } | null): Decision {
  if (!handled) return allow(true);
  const how = handled.how === OfflineHandling.EMAIL ? 'answered by e-mail' : 'turned into a conversation';
  return deny('CONFLICT', `This offline message was already ${how}${handled.byName ? ` by ${handled.byName}` : ''}`);
}

/** The reply as typed, trimmed: 1 to MAX_REPLY_LENGTH characters. */
export function cleanReply(body: string): Decision<string> {
  const text = body.trim();
  if (!text || text.length > MAX_REPLY_LENGTH) return deny('BAD_USER_INPUT', `The reply is 1 to ${MAX_REPLY_LENGTH} characters`);
  return allow(text);
}

/** Whether a conversation can reach the customer again: it needs an address to write to. */
export function mayEmail(email: string | null): Decision<string> {
  return email ? allow(email) : deny('BAD_USER_INPUT', 'The customer left no e-mail address; turn the message into a conversation or call them');
}

const TEXTS: Record<Language, { subject: (campaign: string) => string; greeting: (name: string | null) => string; quoted: string }> = {
  [Language.en]: { subject: (c) => `Re: your message to ${c}`, greeting: (n) => (n ? `Hello ${n},` : 'Hello,'), quoted: 'You wrote:' },
  [Language.es]: { subject: (c) => `Re: tu mensaje a ${c}`, greeting: (n) => (n ? `Hola ${n}:` : 'Hola:'), quoted: 'Escribiste:' },
  [Language.pt]: { subject: (c) => `Re: a sua mensagem para ${c}`, greeting: (n) => (n ? `Olá ${n},` : 'Olá,'), quoted: 'Você escreveu:' },
};

/** The answer as an e-mail in the customer's language, quoting what they left so they know what it answers. */
export function renderOfflineReply(input: { language: Language; campaignName: string; customerName: string | null; reply: string; original: string }): {
  subject: string;
  text: string;
  html: string;
} {
  const t = TEXTS[input.language];
  const quote = input.original.split('\n').map((line) => `> ${line}`);
  const text = [t.greeting(input.customerName), '', input.reply, '', t.quoted, ...quote, '', input.campaignName].join('\n');
  const paragraph = (s: string) => escapeHtml(s).replace(/\n/g, '<br>');
  const html = [
    `<p>${paragraph(t.greeting(input.customerName))}</p>`,
    `<p>${paragraph(input.reply)}</p>`,
    `<p style="color:#666">${escapeHtml(t.quoted)}</p>`,
    `<blockquote style="color:#666;border-left:3px solid #ccc;margin:0;padding-left:8px">${paragraph(input.original)}</blockquote>`,
    `<p style="color:#666">${escapeHtml(input.campaignName)}</p>`,
  ].join('\n');
  return { subject: t.subject(input.campaignName), text, html };
}
