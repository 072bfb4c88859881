import { isUniqueViolation } from '../../db/sql.js';
import type { Context } from '../../shared/context.js';
import { badInput, conflict } from '../../shared/errors.js';
import { type Committed, committed, messagesPosted } from '../domain-events/domain-event.js';
import { attachWithin } from '../files/file.service.js';
import { actorOf, authorOf, enforce, loadView, mayView, requireVisible, stateOf } from '../interactions/interaction.access.js';
import { authorFor } from '../interactions/interaction.rules.js';
import type { InteractionView } from '../interactions/interaction.view.js';
import { AuthorKind, Visibility } from './message.enums.js';
import { customerWriting, type Appended, appendMessage, type DecidedOn, findByClientId, type NewMessage, sameSend } from './message.service.js';
import type { MessageView } from './message.view.js';
import { transaction } from '../../db/transaction.js';

export interface PostInput {
  interactionId: string;
  body: string;
  clientMessageId?: string | null;
  attachmentIds?: string[] | null;
  internal?: boolean | null;
}

export const MAX_MESSAGE_LENGTH = 10_000;

interface Attempt {
  view: InteractionView;
  kind: AuthorKind;
  appended: Appended | null;
}

/** Posts a message; a retry with the same client id returns the message already stored. */
export async function postMessage(ctx: Context, input: PostInput): Promise<Committed<MessageView>> {
  const body = input.body.trim();
  const attachmentIds = input.attachmentIds ?? [];
  if (!body && attachmentIds.length === 0) throw badInput('A message needs text or an attachment', 'body');
  if (body.length > MAX_MESSAGE_LENGTH) throw badInput(`A message holds at most ${MAX_MESSAGE_LENGTH} characters`, 'body');
  if (attachmentIds.length > ctx.deps.config.UPLOAD_MAX_PER_MESSAGE) throw badInput(`A message carries at most ${ctx.deps.config.UPLOAD_MAX_PER_MESSAGE} attachments`, 'attachmentIds');
  const clientMessageId = input.clientMessageId?.trim() || null;
  if (clientMessageId && clientMessageId.length > 100) throw badInput('clientMessageId holds at most 100 characters', 'clientMessageId');

  const internal = input.internal ?? false;
  const message = { body, clientMessageId, visibility: internal ? Visibility.INTERNAL : Visibility.PUBLIC, attachmentIds };
  const decide = (view: InteractionView) => authorFor(actorOf(ctx.viewer), stateOf(view), internal);

  // On the view kept from this chat's last send, if it lets this caller write: the append then
  // happens only if nothing a rule reads changed since. Otherwise, or if it did change, on a fresh one.
  const onKept = async (view: InteractionView): Promise<Attempt | null> => {
    const decision = mayView(ctx, view) ? decide(view) : null;
    if (!decision?.ok) return null;
    const appended = await appendAs(ctx, view, decision.value, message, { revision: view.revision, contactState: view.contact.state, status: view.status });
    return appended && { view, kind: decision.value, appended };
  };
  const kept = ctx.deps.keptViews.get(input.interactionId);
  let attempt = kept && (await onKept(kept));
  if (!attempt) {
    ctx.deps.keptViews.forget(input.interactionId);
    const view = await requireVisible(ctx, input.interactionId);
    const kind = enforce(decide(view));
    attempt = { view, kind, appended: await appendAs(ctx, view, kind, message, null) };
  }
  const { view, kind, appended } = attempt;
  if (!appended) {
    const existing = clientMessageId ? await findByClientId(ctx.em, view.id, authorOf(ctx.viewer, kind).key, clientMessageId) : null;
    if (!existing) throw conflict('The interaction is closed');
    const same = sameSend(existing, message);
    // A client retries when it got no answer: the first attempt may have stored the message and its
    // process died before publishing it. Subscribers skip a sequence they already have.
    return committed(same, messagesPosted([same]));
  }
  const sent = appended.message;
  const events = messagesPosted([sent]);
  if (kind === AuthorKind.CONTACT) events.push({ kind: 'CONTACT_WROTE', contactId: view.contact.id });
  if (kind === AuthorKind.AGENT) events.push({ kind: 'AGENT_ANSWERED', interactionId: view.id, sequence: sent.sequence, timeoutSeconds: appended.noAnswerTimeoutSeconds });
  if (appended.statusChanged) {
    const now = (await loadView(ctx.em, view.id))!;
    events.push({ kind: 'INTERACTION_CHANGED', interaction: now, previous: view });
    ctx.deps.keptViews.settle(now, now.revision, true);
  } else {
    // The fresh path is not guarded: the chat may have changed between its read and the append.
    ctx.deps.keptViews.settle(view, appended.revision, view !== kept);
  }
  return committed(sent, events);
}

/**
 * Appends as `kind`, the files with the message; null when nothing was appended (closed, this
 * client id already used, or `atRevision` no longer the chat's).
 */
async function appendAs(ctx: Context, view: InteractionView, kind: AuthorKind, message: NewMessage, atRevision: DecidedOn | null): Promise<Appended | null> {
  const author = authorOf(ctx.viewer, kind);
  const writer = customerWriting(view.contact.id, ctx.deps.config.CONTACT_EXPIRY_SECONDS);
  try {
    return message.attachmentIds.length === 0
      ? await appendMessage(ctx.em, view.id, author, message, writer, atRevision)
      : // The message and its files go together: an attachment that is not the author's sends nothing.
        await transaction(ctx.em, async (tx) => {
          const sent = await appendMessage(tx, view.id, author, message, writer, atRevision);
          if (sent) await attachWithin(tx, message.attachmentIds, author.key, view.id, sent.message.id);
          return sent;
        });
  } catch (err) {
    // Two sends with one client id raced past the existence check; the loser's statement failed whole.
    if (!(message.clientMessageId && isUniqueViolation(err))) throw err;
    return null;
  }
}
