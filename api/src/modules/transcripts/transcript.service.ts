import { one } from '../../db/sql.js';
import type { Context } from '../../shared/context.js';
import { badInput, forbidden } from '../../shared/errors.js';
import { InteractionEventType } from '../interactions/interaction.enums.js';
import { recordEvent } from '../interactions/interaction.events.js';
import { requireVisible, trailActor } from '../interactions/interaction.access.js';
import { listMessages } from '../messages/message.service.js';
import { isEmail, normalizeEmail } from '../users/user.rules.js';
import { renderTranscript, transcriptLanguage } from './transcript.rules.js';
import { filesOfMessages } from '../files/file.service.js';

/** Attachment links in a transcript work for a week. */
const LINK_SECONDS = 7 * 86_400;

/** A conversation can be long; the e-mail carries up to this many messages. */
const MAX_MESSAGES = 5000;

/**
 * E-mails the conversation as the customer saw it (internal messages stay out), in the contact's
 * language, to the contact's address or to one the sender types. The trail records who sent it where.
 */
export async function sendTranscript(ctx: Context, interactionId: string, to: string | null | undefined): Promise<{ to: string }> {
  if (ctx.viewer.kind !== 'USER') throw forbidden('Only people send transcripts');
  const view = await requireVisible(ctx, interactionId);
  const recipient = to?.trim() ? normalizeEmail(to) : view.contact.email;
  if (!recipient) throw badInput('The contact has no e-mail address; type one', 'to');
  if (!isEmail(recipient)) throw badInput('Enter a valid e-mail address', 'to');
  const campaign = (await one<{ time_zone: string; default_language: string }>(ctx.em, 'select time_zone, default_language from campaigns where id = ?', [view.campaign.id]))!;
  const messages = await listMessages(ctx.em, view.id, 0, MAX_MESSAGES, false);
  const files = await filesOfMessages(
    ctx.em,
    messages.filter((m) => m.attachmentIds.length).map((m) => m.id),
  );
  const base = ctx.deps.config.PUBLIC_URL ?? `http://localhost:${ctx.deps.config.PORT}`;
  const link = (fileId: string) => `${base.replace(/\/$/, '')}${ctx.deps.files.url(fileId, LINK_SECONDS)}`;
  const transcript = renderTranscript({
    protocol: view.protocol,
    campaignName: view.campaign.name,
    timeZone: campaign.time_zone,
    language: transcriptLanguage(view.language ?? view.contact.language, campaign.default_language),
    lines: messages.map((m) => ({ authorKind: m.author.kind, authorName: m.author.name, body: m.body, at: new Date(m.createdAt), attachmentUrls: (files.get(m.id) ?? []).map((f) => link(f.id)) })),
  });
  await ctx.deps.mailer.send({ to: recipient, subject: transcript.subject, text: transcript.text, html: transcript.html });
  await recordEvent(ctx.em, view.id, InteractionEventType.TRANSCRIPT_SENT, trailActor(ctx.viewer), { to: recipient, language: transcript.language });
  return { to: recipient };
}
