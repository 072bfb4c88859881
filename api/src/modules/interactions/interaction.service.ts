import type { TrailActor } from './interaction.events.js';
import { type Em, one, rows, isUniqueViolation, pgArray } from '../../db/sql.js';
import { normalizeSkills } from '../users/user.rules.js';
import { attachWithin } from '../files/file.service.js';
import type { Context } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { badInput, conflict, forbidden, notFound } from '../../shared/errors.js';
import { Admission } from '../campaigns/admission.rules.js';
import { AuthorKind, Visibility } from '../messages/message.enums.js';
import { appendMessage, findByClientId, sameSend } from '../messages/message.service.js';
import type { MessageView } from '../messages/message.view.js';
import { TrayKind } from '../trays/tray.enums.js';
import { type TrayForChat, trayForChat } from '../trays/tray-for-chat.js';
import { InteractionEventType, InteractionResult, Phase } from './interaction.enums.js';
import { locationOf, publishChange, publishMessages, recordEvent, SYSTEM_ACTOR } from './interaction.events.js';
import { authorFor, mayClose, mayHandOff, mayHandOffAs, mayTake } from './interaction.rules.js';
import { type CloseUnless, closeWithin } from './close.service.js';
import { type InteractionView } from './interaction.view.js';
import { canSee, couldHaveTaken } from './visibility.rules.js';
import { refreshAgent } from '../agents/agent.service.js';
import { settle } from './after-commit.js';
import { ContactState } from '../contacts/contact.enums.js';
import { moveContact } from '../contacts/contact.service.js';
import { routeSoon } from '../routing/routing.service.js';
import { scheduleExpiry } from '../contacts/contact-expiry.job.js';
import { scheduleNoAnswer } from './no-answer.job.js';
import { scopeOf } from '../auth/viewer.js';
import { actorOf, authorOf, enforce, loadView, requireVisible, stateOf, trailActor } from './interaction.access.js';
import { textFor } from './system-messages.js';
import { assignWithin } from './assignment.service.js';
import { admissionWithin, type CampaignRow, refuseWithin } from './admission.service.js';

export interface PostInput {
  interactionId: string;
  body: string;
  clientMessageId?: string | null;
  attachmentIds?: string[] | null;
  internal?: boolean | null;
}

export const MAX_MESSAGE_LENGTH = 10_000;

/** Posts a message; a retry with the same client id returns the message already stored. */
export async function postMessage(ctx: Context, input: PostInput): Promise<MessageView> {
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
    await publishMessages(ctx.deps, [same]);
    return same;
  }
  await publishMessages(ctx.deps, [appended.message]);
  if (kind === AuthorKind.CONTACT) await scheduleExpiry(ctx.deps, view.contact.id);
  if (kind === AuthorKind.AGENT) await scheduleNoAnswer(ctx.deps, view.id, appended.message.sequence, view.campaign.noAnswerTimeoutSeconds);
  if (appended.statusChanged) await publishChange(ctx.deps, (await loadView(ctx.em, view.id))!, view);
  return appended.message;
}

export interface HandOffInput {
  interactionId: string;
  trayId?: string | null;
  /** Skills the customer needs: the chat waits in the campaign's general tray (or the tray given) for an agent who has them. */
  skills?: string[] | null;
  botAnswers?: { key: string; value: string }[] | null;
}

/** A bot hands the chat it served to a tray or to agents with some skills, with the answers it collected. */
export async function handOff(ctx: Context, input: HandOffInput): Promise<InteractionView> {
  enforce(mayHandOffAs(actorOf(ctx.viewer)));
  const answers = input.botAnswers ?? [];
  if (answers.length > 100) throw badInput('At most 100 bot answers', 'botAnswers');
  for (const a of answers) {
    if (!a.key.trim() || a.key.length > 100 || a.value.length > 2000) throw badInput('Each answer needs a key (up to 100 characters) and a value (up to 2000)', 'botAnswers');
  }
  const skills = input.skills == null ? null : normalizeSkills(input.skills);
  if (!input.trayId && !skills?.length) throw badInput('Hand off to a tray, to some skills, or both', 'trayId');
  const view = await requireVisible(ctx, input.interactionId);
  const tray = input.trayId
    ? await trayForChat(ctx.em, scopeOf(ctx.viewer), view.campaign.id, input.trayId)
    : await one<TrayForChat>(ctx.em, "select id, kind, true as holds from trays where campaign_id = ? and kind = 'GENERAL'", [view.campaign.id]);
  if (!tray) throw notFound('Tray');
  enforce(mayHandOff(stateOf(view), tray.holds, tray.kind === TrayKind.GENERAL || tray.kind === TrayKind.CUSTOM || tray.kind === TrayKind.PERSONAL));
  const refusal = await ctx.em.transactional(async (tx) => {
    const campaign = (await one<CampaignRow>(tx, 'select * from campaigns where id = ?', [view.campaign.id]))!;
    const admission = await admissionWithin(tx, campaign);
    const moved = await rows(
      tx,
      `update interactions set phase = 'WAITING', tray_id = ?, queued_at = now(), updated_at = now(), bot_answers = ?::jsonb,
              expertise = coalesce(?::text[], expertise)
        where id = ? and phase = 'BOT' returning id`,
      [tray.id, JSON.stringify(answers.map((a) => ({ key: a.key.trim(), value: a.value }))), skills ? pgArray(skills) : null, view.id],
    );
    if (moved.length === 0) throw conflict('The interaction is no longer with the bot');
    await moveContact(tx, view.contact.id, ContactState.TRAY);
    await recordEvent(tx, view.id, InteractionEventType.HANDED_OFF, trailActor(ctx.viewer), { trayId: tray.id, answers: answers.length, ...(skills ? { skills } : {}) });
    // Out of hours or with the queue full, the bot's hand-off ends the chat with the campaign's text.
    return admission === Admission.OPEN ? [] : refuseWithin(tx, view.id, admission);
  });
  const next = (await loadView(ctx.em, view.id))!;
  await publishMessages(ctx.deps, refusal);
  await publishChange(ctx.deps, next, view);
  if (next.phase === Phase.WAITING) await routeSoon(ctx.deps, next.campaign.id);
  return next;
}

/** An agent takes a waiting chat. The conditional UPDATE makes exactly one of concurrent takers win. */
export async function takeInteraction(ctx: Context, id: string): Promise<InteractionView> {
  const { viewer } = ctx;
  if (viewer.kind !== 'USER') throw forbidden('Only people take interactions');
  const view = await loadView(ctx.em, id);
  const who = ctx.onlooker();
  if (!view) throw notFound('Interaction');
  if (!canSee(who, locationOf(view))) {
    throw couldHaveTaken(who, locationOf(view)) ? conflict('Someone else took this interaction') : notFound('Interaction');
  }
  const messages = await ctx.em.transactional(async (tx) => {
    // Taken where it was seen: a chat transferred meanwhile is not taken from its new tray.
    const outcome = await assignWithin(tx, view.id, viewer.userId, trailActor(viewer), await textFor(tx, view.id, 'agentGreeting'), view.tray?.id ?? null);
    if (!outcome.assigned) {
      enforce(mayTake(stateOf(view), outcome.active, outcome.max));
      throw conflict('Someone else took this interaction');
    }
    return outcome.greeting ? [outcome.greeting] : [];
  });
  const next = (await loadView(ctx.em, view.id))!;
  await publishChange(ctx.deps, next, view);
  await publishMessages(ctx.deps, messages);
  await refreshAgent(ctx.deps, viewer.userId);
  return next;
}


/** Closes an interaction; a chat that was handed on between operators ends ESCALATED rather than SUCCESS. */
export async function closeInteraction(ctx: Context, id: string, result: InteractionResult): Promise<InteractionView> {
  const view = await requireVisible(ctx, id);
  enforce(mayClose(actorOf(ctx.viewer), stateOf(view), result));
  return closeAndAnnounce(ctx.deps, ctx.em, view, result, trailActor(ctx.viewer));
}

/** Parley itself closes a chat (no answer in time, nobody available), if `unless` does not hold under the row's lock. */
export async function closeAsSystem(deps: Deps, id: string, result: InteractionResult, unless?: CloseUnless): Promise<InteractionView | null> {
  const em = deps.orm.em.fork();
  const view = await loadView(em, id);
  if (!view || view.phase === Phase.CLOSED) return null;
  return closeAndAnnounce(deps, em, view, result, SYSTEM_ACTOR, unless);
}

async function closeAndAnnounce(
  deps: Deps,
  em: Em,
  view: InteractionView,
  result: InteractionResult,
  actor: TrailActor,
  unless?: CloseUnless,
): Promise<InteractionView> {
  const closing = await em.transactional((tx) => closeWithin(tx, actor, view.id, result, 'closing', {}, unless));
  const next = (await loadView(em, view.id))!;
  await publishMessages(deps, closing ? [closing] : []);
  await publishChange(deps, next, view);
  await settle(deps, [view], [next]);
  return next;
}
