import { isUniqueViolation } from '../../db/sql.js';
import type { Context } from '../../shared/context.js';
import { badInput, conflict } from '../../shared/errors.js';
import { type Committed, committed, messagesPosted } from '../domain-events/domain-event.js';
import { attachWithin } from '../files/file.service.js';
import { actorOf, authorOf, enforce, loadView, requireVisible, stateOf } from '../interactions/interaction.access.js';
import { authorFor } from '../interactions/interaction.rules.js';
import { AuthorKind, Visibility } from './message.enums.js';
import { appendMessage, findByClientId, sameSend } from './message.service.js';
import type { MessageView } from './message.view.js';

export interface PostInput {
  interactionId: string;
  body: string;
  clientMessageId?: string | null;
  attachmentIds?: string[] | null;
  internal?: boolean | null;
}

export const MAX_MESSAGE_LENGTH = 10_000;

/** Posts a message; a retry with the same client id returns the message already stored. */
export async function postMessage(ctx: Context, input: PostInput): Promise<Committed<MessageView>> {
  const body = input.body.trim();
  const attachmentIds = input.attachmentIds ?? [];
  if (!body && attachmentIds.length === 0) throw badInput('A message needs text or an attachment', 'body');
  if (body.length > MAX_MESSAGE_LENGTH) throw badInput(`A message holds at most ${MAX_MESSAGE_LENGTH} characters`, 'body');
  if (attachmentIds.length > ctx.deps.config.UPLOAD_MAX_PER_MESSAGE) throw badInput(`A message carries at most ${ctx.deps.config.UPLOAD_MAX_PER_MESSAGE} attachments`, 'attachmentIds');
  const clientMessageId = input.clientMessageId?.trim() || null;
  if (clientMessageId && clientMessageId.length > 100) throw badInput('clientMessageId holds at most 100 characters', 'clientMessageId');

  const view = await requireVisible(ctx, input.interactionId);
  const internal = input.internal ?? false;
  const kind = enforce(authorFor(actorOf(ctx.viewer), stateOf(view), internal));
  const author = authorOf(ctx.viewer, kind);
  const message = { body, clientMessageId, visibility: internal ? Visibility.INTERNAL : Visibility.PUBLIC, attachmentIds };

  let appended: Awaited<ReturnType<typeof appendMessage>>;
  try {
    appended =
      attachmentIds.length === 0
        ? await appendMessage(ctx.em, view.id, author, message, view.contact.id)
        : // The message and its files go together: an attachment that is not the author's sends nothing.
          await ctx.em.transactional(async (tx) => {
            const sent = await appendMessage(tx, view.id, author, message, view.contact.id);
            if (sent) await attachWithin(tx, attachmentIds, author.key, view.id, sent.message.id);
            return sent;
          });
  } catch (err) {
    // Two sends with one client id raced past the existence check; the loser's statement failed whole.
    if (!(clientMessageId && isUniqueViolation(err))) throw err;
    appended = null;
  }
  if (!appended) {
    const existing = clientMessageId ? await findByClientId(ctx.em, view.id, author.key, clientMessageId) : null;
    if (!existing) throw conflict('The interaction is closed');
    const same = sameSend(existing, message);
    // A client retries when it got no answer: the first attempt may have stored the message and its
    // process died before publishing it. Subscribers skip a sequence they already have.
    return committed(same, messagesPosted([same]));
  }
  const sent = appended.message;
  const events = messagesPosted([sent]);
  if (kind === AuthorKind.CONTACT) events.push({ kind: 'CONTACT_WROTE', contactId: view.contact.id });
  if (kind === AuthorKind.AGENT) events.push({ kind: 'AGENT_ANSWERED', interactionId: view.id, sequence: sent.sequence, timeoutSeconds: view.campaign.noAnswerTimeoutSeconds });
  if (appended.statusChanged) events.push({ kind: 'INTERACTION_CHANGED', interaction: (await loadView(ctx.em, view.id))!, previous: view });
  return committed(sent, events);
}
