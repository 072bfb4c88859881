import type { TrailActor } from './interaction.events.js';
import { type Em, one, rows, pgArray } from '../../db/sql.js';
import { normalizeSkills } from '../users/user.rules.js';
import type { Context } from '../../shared/context.js';
import type { Deps } from '../../shared/deps.js';
import { badInput, conflict, forbidden, notFound } from '../../shared/errors.js';
import { Admission } from '../campaigns/admission.rules.js';
import { TrayKind } from '../trays/tray.enums.js';
import { type TrayForChat, trayForChat } from '../trays/tray-for-chat.js';
import { InteractionEventType, InteractionResult, Phase } from './interaction.enums.js';
import { locationOf, recordEvent, SYSTEM_ACTOR } from './interaction.events.js';
import { changed, type Committed, committed, messagesPosted } from '../domain-events/domain-event.js';
import { mayClose, mayHandOff, mayHandOffAs, mayTake } from './interaction.rules.js';
import { closeOnView, type CloseUnless, closeWithin, loadClosable } from './close.service.js';
import { type InteractionView, QUEUED_NOW } from './interaction.view.js';
import { canSee, couldHaveTaken } from './visibility.rules.js';
import { ContactState } from '../contacts/contact.enums.js';
import { moveContact } from '../contacts/contact.service.js';
import { scopeOf } from '../auth/viewer.js';
import { actorOf, enforce, loadView, requireVisible, stateOf, trailActor, visibleOrNotFound } from './interaction.access.js';
import { textFor } from './system-messages.js';
import { assignWithin } from './assignment.service.js';
import { admissionWithin, type CampaignRow, refuseWithin } from './admission.service.js';
import { transaction } from '../../db/transaction.js';

export interface HandOffInput {
  interactionId: string;
  trayId?: string | null;
  /** Skills the customer needs: the chat waits in the campaign's general tray (or the tray given) for an agent who has them. */
  skills?: string[] | null;
  botAnswers?: { key: string; value: string }[] | null;
}

/** A bot hands the chat it served to a tray or to agents with some skills, with the answers it collected. */
export async function handOff(ctx: Context, input: HandOffInput): Promise<Committed<InteractionView>> {
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
  const botAnswers = answers.map((a) => ({ key: a.key.trim(), value: a.value }));
  const refusal = await transaction(ctx.em, async (tx) => {
    const campaign = (await one<CampaignRow>(tx, 'select * from campaigns where id = ?', [view.campaign.id]))!;
    const admission = await admissionWithin(tx, campaign);
    const moved = await rows(
      tx,
      `update interactions set phase = 'WAITING', tray_id = ?, ${QUEUED_NOW}, updated_at = now(), bot_answers = ?::jsonb,
              expertise = coalesce(?::text[], expertise)
        where id = ? and phase = 'BOT' returning id`,
      [tray.id, JSON.stringify(botAnswers), skills ? pgArray(skills) : null, view.id],
    );
    if (moved.length === 0) throw conflict('The interaction is no longer with the bot');
    await moveContact(tx, view.contact.id, ContactState.TRAY);
    // The answers themselves, for a feed or hook that routes on them; `answers` stays their number.
    await recordEvent(tx, view.id, InteractionEventType.HANDED_OFF, trailActor(ctx.viewer), { trayId: tray.id, answers: botAnswers.length, botAnswers, ...(skills ? { skills } : {}) });
    // Out of hours or with the queue full, the bot's hand-off ends the chat with the campaign's text.
    return admission === Admission.OPEN ? [] : refuseWithin(tx, view.id, admission);
  });
  const next = (await loadView(ctx.em, view.id))!;
  return committed(next, [...messagesPosted(refusal), ...changed(next, view)]);
}

/** An agent takes a waiting chat. The conditional UPDATE makes exactly one of concurrent takers win. */
export async function takeInteraction(ctx: Context, id: string): Promise<Committed<InteractionView>> {
  const { viewer } = ctx;
  if (viewer.kind !== 'USER') throw forbidden('Only people take interactions');
  const view = await loadView(ctx.em, id);
  const who = ctx.onlooker();
  if (!view) throw notFound('Interaction');
  if (!canSee(who, locationOf(view))) {
    throw couldHaveTaken(who, locationOf(view)) ? conflict('Someone else took this interaction') : notFound('Interaction');
  }
  const messages = await transaction(ctx.em, async (tx) => {
    // Taken where it was seen: a chat transferred meanwhile is not taken from its new tray.
    const outcome = await assignWithin(tx, view.id, viewer.userId, trailActor(viewer), await textFor(tx, view.id, 'agentGreeting'), view.tray?.id ?? null);
    if (!outcome.assigned) {
      enforce(mayTake(stateOf(view), outcome.active, outcome.max));
      throw conflict('Someone else took this interaction');
    }
    return outcome.greeting ? [outcome.greeting] : [];
  });
  const next = (await loadView(ctx.em, view.id))!;
  return committed(next, [...messagesPosted(messages), ...changed(next, view)]);
}

/** Closes an interaction; a chat that was handed on between operators ends ESCALATED rather than SUCCESS. */
export async function closeInteraction(ctx: Context, id: string, result: InteractionResult): Promise<Committed<InteractionView>> {
  // One statement reads, one closes, while nothing moves the chat in between; a chat that keeps
  // moving, or whose call must end with it, is decided again under its lock.
  for (let attempt = 0; attempt < 2; attempt++) {
    const closable = await loadClosable(ctx.em, id);
    const view = visibleOrNotFound(ctx, closable?.view ?? null);
    enforce(mayClose(actorOf(ctx.viewer), stateOf(view), result));
    if (!closable || closable.hasCall) break;
    const closed = await closeOnView(ctx.em, trailActor(ctx.viewer), closable, result);
    if (closed) return committed(closed.view, [...messagesPosted(closed.said ? [closed.said] : []), ...changed(closed.view, view)]);
  }
  const view = await requireVisible(ctx, id);
  enforce(mayClose(actorOf(ctx.viewer), stateOf(view), result));
  return closeCommitted(ctx.em, view, result, trailActor(ctx.viewer));
}

/** Parley itself closes a chat (no answer in time, nobody available), if `unless` does not hold under the row's lock. */
export async function closeAsSystem(deps: Deps, id: string, result: InteractionResult, unless?: CloseUnless): Promise<Committed<InteractionView | null>> {
  const em = deps.orm.em.fork();
  const view = await loadView(em, id);
  if (!view || view.phase === Phase.CLOSED) return committed(null);
  return closeCommitted(em, view, result, SYSTEM_ACTOR, unless);
}

async function closeCommitted(em: Em, view: InteractionView, result: InteractionResult, actor: TrailActor, unless?: CloseUnless): Promise<Committed<InteractionView>> {
  const closing = await transaction(em, (tx) => closeWithin(tx, actor, view.id, result, 'closing', {}, unless));
  const next = (await loadView(em, view.id))!;
  return committed(next, [...messagesPosted(closing ? [closing] : []), ...changed(next, view)]);
}
