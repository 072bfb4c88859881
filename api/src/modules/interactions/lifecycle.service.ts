import type { TrailActor } from './interaction.events.js';
import { type Scope, teamSql } from '../auth/scope.rules.js';
import { trayScopeSql } from '../campaigns/security-group.service.js';
import { scopeOf } from '../auth/viewer.js';
import { type Em, one, rows, pgArray } from '../../db/sql.js';
import type { Context } from '../../shared/context.js';
import { badInput, conflict, notFound } from '../../shared/errors.js';
import { appendMessage, SYSTEM_AUTHOR } from '../messages/message.service.js';
import { Visibility } from '../messages/message.enums.js';
import type { MessageView } from '../messages/message.view.js';
import { TrayKind } from '../trays/tray.enums.js';
import { holdsCampaignSql, trayForChat } from '../trays/tray-for-chat.js';
import { InteractionEventType, type InteractionResult, InteractionStatus, Phase } from './interaction.enums.js';
import { Role } from '../users/user.enums.js';
import { recordEvent } from './interaction.events.js';
import { changed, type Committed, committed, messagesPosted } from '../domain-events/domain-event.js';
import { bulkIds, cleanLabels, mayActInBulk, mayActOnHeld, mayAnnotate, mayClose, mayJoin, mayLeave, mayTransfer, transferTarget } from './interaction.rules.js';
import { actorOf, enforce, loadViews, requireVisible, stateOf, trailActor } from './interaction.access.js';
import { type InteractionView, QUEUED_NOW } from './interaction.view.js';
import { systemTextFor } from './system-texts.js';
import { closeWithin } from './close.service.js';
import { endCallsWithin, hasOpenCallSql } from '../calls/call.sql.js';
import { endSessionsOf } from '../auth/auth.service.js';
import { ContactState } from '../contacts/contact.enums.js';
import { moveContact } from '../contacts/contact.service.js';
import { INTERACTION_VIEW_SQL, toInteractionView } from './interaction.view.js';
import { transaction } from '../../db/transaction.js';

/** Runs `change` in one transaction, and answers the new state with what the commit caused. */
async function applyChange(ctx: Context, before: InteractionView, change: (tx: Em) => Promise<MessageView[] | void>): Promise<Committed<InteractionView>> {
  const messages = (await transaction(ctx.em, change)) ?? [];
  const { value, events } = await changesOf(ctx, [before], messages);
  return committed(value[0]!, events);
}

/** The agent gives a chat back to the tray it came from, where it waits again. */
export async function returnToTray(ctx: Context, id: string): Promise<Committed<InteractionView>> {
  const view = await requireVisible(ctx, id);
  enforce(mayActOnHeld(actorOf(ctx.viewer), stateOf(view)));
  return applyChange(ctx, view, (tx) => returnWithin(tx, view, trailActor(ctx.viewer)));
}

/** A held chat waits again in the tray it came from, inside the caller's transaction. */
async function returnWithin(tx: Em, view: InteractionView, actor: TrailActor, detail: Record<string, unknown> = {}): Promise<void> {
  const moved = await rows<{ has_call: boolean }>(
    tx,
    `update interactions i set phase = 'WAITING', agent_id = null, status = 'IN_PROGRESS', ${QUEUED_NOW}, updated_at = now()
      where id = ? and phase = 'IN_SERVICE' returning ${hasOpenCallSql('i')} as has_call`,
    [view.id],
  );
  if (moved.length === 0) return;
  if (moved[0]!.has_call) await endCallsWithin(tx, view.id);
  await moveContact(tx, view.contact.id, ContactState.TRAY);
  await recordEvent(tx, view.id, InteractionEventType.RETURNED, actor, { trayId: view.tray?.id ?? null, ...detail });
}

export interface TransferTo {
  trayId?: string | null;
  agentId?: string | null;
  teamId?: string | null;
}

/** Resolves a transfer target to the tray the chat will wait in. */
async function targetTray(tx: Em, view: InteractionView, to: TransferTo, scope: Scope): Promise<string> {
  const kind = enforce(transferTarget(to));
  if (kind === 'TRAY') {
    const tray = await trayForChat(tx, scope, view.campaign.id, to.trayId!);
    if (!tray) throw notFound('Tray');
    if (tray.kind === TrayKind.CLOSED) throw badInput('Close the interaction instead of moving it to the Closed tray', 'to.trayId');
    if (!tray.holds) throw badInput("The tray cannot hold this campaign's chats", 'to.trayId');
    return tray.id;
  }
  if (kind === 'AGENT') {
    // A chat for a named agent waits in that agent's personal tray, so its capacity still holds. An
    // agent whose security group does not reach the campaign, or whom the caller does not reach, is
    // no target for it.
    const inScope = trayScopeSql(scope, 't');
    const tray = await one<{ id: string }>(tx, `select t.id from trays t where t.owner_id = ? and t.kind = 'PERSONAL' and ${holdsCampaignSql('t')} and ${inScope.sql}`, [
      to.agentId,
      view.campaign.id,
      view.campaign.id,
      ...inScope.params,
    ]);
    if (!tray) throw notFound('Agent');
    return tray.id;
  }
  const inScope = teamSql(scope, 't.id');
  const team = await one<{ id: string; name: string }>(tx, `select t.id, t.name from teams t where t.id = ? and ${inScope.sql}`, [to.teamId, ...inScope.params]);
  if (!team) throw notFound('Team');
  // Each campaign keeps one tray per team, made on first use, that the team's agents may see.
  const tray = await one<{ id: string }>(
    tx,
    `insert into trays (id, name, kind, campaign_id, team_id, created_at) values (gen_random_uuid(), ?, 'CUSTOM', ?, ?, now())
     on conflict (campaign_id, team_id) do update set name = excluded.name returning id`,
    [`Team: ${team.name}`, view.campaign.id, team.id],
  );
  await rows(tx, `insert into tray_access (id, tray_id, team_id) select gen_random_uuid(), ?, ? where not exists (select 1 from tray_access where tray_id = ? and team_id = ?)`, [
    tray!.id,
    team.id,
    tray!.id,
    team.id,
  ]);
  return tray!.id;
}

async function transferWithin(tx: Em, ctx: Context, view: InteractionView, to: TransferTo, note: string | null): Promise<void> {
  const trayId = await targetTray(tx, view, to, scopeOf(ctx.viewer));
  const moved = await rows<{ has_call: boolean }>(
    tx,
    `update interactions i set phase = 'WAITING', agent_id = null, tray_id = ?, status = 'IN_PROGRESS', ${QUEUED_NOW}, updated_at = now(),
            transfer_count = transfer_count + 1,
            notes = case when ?::text is null then notes else notes || jsonb_build_array(jsonb_build_object('authorId', ?::text, 'authorName', ?::text, 'body', ?::text, 'createdAt', now())) end
      where id = ? and phase in ('WAITING', 'IN_SERVICE') returning ${hasOpenCallSql('i')} as has_call`,
    [trayId, note, authorId(ctx), authorName(ctx), note, view.id],
  );
  if (moved.length === 0) throw conflict('The interaction can no longer be transferred');
  if (moved[0]!.has_call) await endCallsWithin(tx, view.id);
  await moveContact(tx, view.contact.id, ContactState.TRAY);
  await recordEvent(tx, view.id, InteractionEventType.TRANSFERRED, trailActor(ctx.viewer), { ...to, trayId, note });
}

const authorId = (ctx: Context) => (ctx.viewer.kind === 'USER' ? ctx.viewer.userId : null);
/** A SUPERVISE key's notes carry the key's name, as staff read them. */
const authorName = (ctx: Context) => (ctx.viewer.kind === 'USER' || ctx.viewer.kind === 'API_KEY' ? ctx.viewer.name : null);

function cleanNote(note: string | null | undefined): string | null {
  const n = note?.trim() || null;
  if (n && n.length > 2000) throw badInput('A note holds at most 2000 characters', 'note');
  return n;
}

/** Hands a chat to a tray, an agent (its personal tray) or a team (the team's tray), with a note. */
export async function transferInteraction(ctx: Context, id: string, to: TransferTo, note?: string | null): Promise<Committed<InteractionView>> {
  enforce(transferTarget(to));
  const text = cleanNote(note);
  const view = await requireVisible(ctx, id);
  enforce(mayTransfer(actorOf(ctx.viewer), stateOf(view)));
  return applyChange(ctx, view, (tx) => transferWithin(tx, ctx, view, to, text));
}

/** Loads and checks every selected interaction before any is changed: all of them, or none. */
async function selectForBulk(ctx: Context, ids: string[], check: (v: InteractionView) => void): Promise<InteractionView[]> {
  enforce(mayActInBulk(actorOf(ctx.viewer)));
  const distinct = enforce(bulkIds(ids));
  const views: InteractionView[] = [];
  for (const id of distinct) {
    const view = await requireVisible(ctx, id);
    check(view);
    views.push(view);
  }
  return views;
}

/** Several chats are locked in id order, as routing locks them, so two bulk actions never deadlock. */
const inLockOrder = (views: readonly InteractionView[]) => [...views].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** After the commit: the chats as they are now, with the messages written and each change against what it was. */
async function changesOf(ctx: Context, before: InteractionView[], messages: MessageView[]): Promise<Committed<InteractionView[]>> {
  const after = await loadViews(
    ctx.em,
    before.map((v) => v.id),
  );
  return committed(after, [...messagesPosted(messages), ...after.flatMap((next, i) => changed(next, before[i]!))]);
}

/** Supervisors close up to five interactions at once, in one transaction. */
export async function closeInteractions(ctx: Context, ids: string[], result: InteractionResult): Promise<Committed<InteractionView[]>> {
  const views = await selectForBulk(ctx, ids, (v) => {
    if (v.phase === 'CLOSED') throw badInput(`Interaction ${v.protocol} is already closed`, 'ids');
    // The same rule as one close: a SUPERVISE key leaves a bot's chat to the bot, in bulk too.
    enforce(mayClose(actorOf(ctx.viewer), stateOf(v), result));
  });
  const messages = await transaction(ctx.em, async (tx) => {
    const out: MessageView[] = [];
    for (const v of inLockOrder(views)) {
      const closing = await closeWithin(tx, trailActor(ctx.viewer), v.id, result);
      if (closing) out.push(closing);
    }
    return out;
  });
  return changesOf(ctx, views, messages);
}

/** Supervisors transfer up to five interactions at once, in one transaction. */
export async function transferInteractions(ctx: Context, ids: string[], to: TransferTo, note?: string | null): Promise<Committed<InteractionView[]>> {
  enforce(transferTarget(to));
  const text = cleanNote(note);
  const views = await selectForBulk(ctx, ids, (v) => enforce(mayTransfer(actorOf(ctx.viewer), stateOf(v))));
  await transaction(ctx.em, async (tx) => {
    for (const v of inLockOrder(views)) await transferWithin(tx, ctx, v, to, text);
  });
  return changesOf(ctx, views, []);
}

/** IN_PROGRESS, WAITING_FOR_CUSTOMER (back to IN_PROGRESS when the customer writes) or NEEDS_HELP. */
export async function setInteractionStatus(ctx: Context, id: string, status: InteractionStatus): Promise<Committed<InteractionView>> {
  const view = await requireVisible(ctx, id);
  enforce(mayActOnHeld(actorOf(ctx.viewer), stateOf(view)));
  if (view.status === status) return committed(view);
  return applyChange(ctx, view, async (tx) => {
    await rows(tx, "update interactions set status = ?, updated_at = now() where id = ? and phase = 'IN_SERVICE'", [status, view.id]);
    await recordEvent(tx, view.id, InteractionEventType.STATUS_CHANGED, trailActor(ctx.viewer), { from: view.status, to: status });
  });
}

/**
 * Someone joins a chat beside its holder, as a participant who writes in it and sees it until it
 * closes or they leave; the customer is told who joined. Joining a call for help answers it (the
 * chat is IN_PROGRESS again), so a second agent finds nothing left to answer.
 */
export async function joinInteraction(ctx: Context, id: string): Promise<Committed<InteractionView>> {
  const view = await requireVisible(ctx, id);
  const actor = actorOf(ctx.viewer);
  enforce(mayJoin(actor, stateOf(view)));
  const userId = authorId(ctx)!;
  return applyChange(ctx, view, async (tx) => {
    // An agent joins only to answer a call for help, which two cannot both answer; a supervisor any time.
    const answeringCall = actor.kind === 'USER' && actor.role === Role.AGENT;
    const updated = await rows(
      tx,
      `update interactions set status = case when status = 'NEEDS_HELP' then 'IN_PROGRESS' else status end, updated_at = now()
        where id = ? and phase = 'IN_SERVICE' and (status = 'NEEDS_HELP' or not ?::boolean) returning id`,
      [view.id, answeringCall],
    );
    if (updated.length === 0) throw conflict('Someone else already joined');
    const joined = await rows(
      tx,
      `insert into interaction_participants (interaction_id, user_id) values (?, ?)
       on conflict (interaction_id, user_id) do update set joined_at = now(), left_at = null where interaction_participants.left_at is not null returning user_id`,
      [view.id, userId],
    );
    if (joined.length === 0) throw conflict('You already joined this interaction');
    await recordEvent(tx, view.id, InteractionEventType.JOINED, trailActor(ctx.viewer), {});
    return tellCustomer(tx, view, 'joined', authorName(ctx) ?? '');
  });
}

/** A participant leaves; the holder goes on alone and the customer is told. */
export async function leaveInteraction(ctx: Context, id: string): Promise<Committed<InteractionView>> {
  const view = await requireVisible(ctx, id);
  enforce(mayLeave(actorOf(ctx.viewer), stateOf(view)));
  return applyChange(ctx, view, async (tx) => {
    const told = await leaveWithin(tx, view, { id: authorId(ctx)!, name: authorName(ctx) ?? '' }, trailActor(ctx.viewer));
    if (!told) throw conflict('You are not a participant of this interaction');
    return told;
  });
}

/**
 * `who` stops being a participant of the chat: the trail records it (by `actor`, with `detail`) and
 * the customer of an open chat is told. Null when `who` was not a participant.
 */
async function leaveWithin(tx: Em, view: InteractionView, who: { id: string; name: string }, actor: TrailActor, detail: Record<string, unknown> = {}): Promise<MessageView[] | null> {
  // The chat's row first, then its participants: the order every change of either takes (migration 0024).
  await rows(tx, 'update interactions set updated_at = now() where id = ?', [view.id]);
  const left = await rows(tx, 'update interaction_participants set left_at = now() where interaction_id = ? and user_id = ? and left_at is null returning user_id', [view.id, who.id]);
  if (left.length === 0) return null;
  await recordEvent(tx, view.id, InteractionEventType.LEFT, actor, detail);
  return view.phase === Phase.CLOSED ? [] : tellCustomer(tx, view, 'left', who.name);
}

/** A line from Parley in the chat, in the customer's language: who joined or left. */
async function tellCustomer(tx: Em, view: InteractionView, key: 'joined' | 'left', name: string) {
  const body = systemTextFor(key, view.language ?? view.contact.language, { name });
  const appended = await appendMessage(tx, view.id, SYSTEM_AUTHOR, { body, clientMessageId: null, visibility: Visibility.PUBLIC, attachmentIds: [] });
  return appended ? [appended.message] : [];
}

/** Adds a staff note; notes are never shown to the customer. */
export async function addNote(ctx: Context, id: string, body: string): Promise<Committed<InteractionView>> {
  const text = cleanNote(body);
  if (!text) throw badInput('A note needs text', 'body');
  const view = await requireVisible(ctx, id);
  enforce(mayAnnotate(actorOf(ctx.viewer), stateOf(view)));
  return applyChange(ctx, view, async (tx) => {
    await rows(
      tx,
      `update interactions set updated_at = now(),
              notes = notes || jsonb_build_array(jsonb_build_object('authorId', ?::text, 'authorName', ?::text, 'body', ?::text, 'createdAt', now()))
        where id = ?`,
      [authorId(ctx), authorName(ctx), text, view.id],
    );
    await recordEvent(tx, view.id, InteractionEventType.NOTE_ADDED, trailActor(ctx.viewer), {});
  });
}

/** Replaces the chat's tags; tags that do not exist yet are made on the fly. */
export async function setTags(ctx: Context, id: string, names: string[]): Promise<Committed<InteractionView>> {
  const tags = enforce(cleanLabels(names, 'tags'));
  const view = await requireVisible(ctx, id);
  enforce(mayAnnotate(actorOf(ctx.viewer), stateOf(view)));
  return applyChange(ctx, view, async (tx) => {
    await rows(tx, 'delete from interaction_tags where interaction_id = ?', [view.id]);
    for (const name of tags) {
      const tag = await one<{ id: string }>(tx, 'insert into tags (id, name) values (gen_random_uuid(), ?) on conflict (name) do update set name = excluded.name returning id', [name]);
      await rows(tx, 'insert into interaction_tags (interaction_id, tag_id) values (?, ?)', [view.id, tag!.id]);
    }
    await rows(tx, 'update interactions set updated_at = now() where id = ?', [view.id]);
    await recordEvent(tx, view.id, InteractionEventType.TAGS_SET, trailActor(ctx.viewer), { tags });
  });
}

/** Sets the expertise (skills) the chat needs, which routing by skills reads. */
export async function setExpertise(ctx: Context, id: string, skills: string[]): Promise<Committed<InteractionView>> {
  const expertise = enforce(cleanLabels(skills, 'skills'));
  const view = await requireVisible(ctx, id);
  enforce(mayAnnotate(actorOf(ctx.viewer), stateOf(view)));
  return applyChange(ctx, view, async (tx) => {
    await rows(tx, 'update interactions set expertise = ?::text[], updated_at = now() where id = ?', [pgArray(expertise), view.id]);
    await recordEvent(tx, view.id, InteractionEventType.EXPERTISE_SET, trailActor(ctx.viewer), { expertise });
  });
}

/**
 * A supervisor logs an agent out: its sessions end and sockets close, and the chats it held go
 * back to their trays in one transaction, where routing picks them up again. Nobody else may take
 * from the agent's personal tray, so what would wait there (held chats transferred to it by name,
 * chats waiting for it) goes to its campaign's General tray instead.
 */
export async function logOutAgent(ctx: Context, userId: string): Promise<Committed<void>> {
  // Sessions and chats together: a failure leaves the agent signed in with its chats, and the supervisor tries again.
  const { ended, moved, told } = await transaction(ctx.em, async (tx) => {
    const ended = await endSessionsOf(tx, ctx.viewer, userId);
    const heldSql = `${INTERACTION_VIEW_SQL} where i.agent_id = ? and i.phase = 'IN_SERVICE'`;
    const heldBefore = (await rows(tx, heldSql, [userId])).map(toInteractionView);
    const waiting = (await rows(tx, `${INTERACTION_VIEW_SQL} where i.phase = 'WAITING' and t.kind = 'PERSONAL' and t.owner_id = ?`, [userId])).map(toInteractionView);
    const rehomed = await rows<{ id: string; tray_id: string; phase: string }>(
      tx,
      `update interactions i set tray_id = g.id, updated_at = now()
         from trays t, trays g
        where t.id = i.tray_id and t.kind = 'PERSONAL' and t.owner_id = ? and (i.phase = 'WAITING' or (i.phase = 'IN_SERVICE' and i.agent_id = ?))
          and g.campaign_id = i.campaign_id and g.kind = 'GENERAL'
        returning i.id, i.tray_id, i.phase`,
      [userId, userId],
    );
    for (const r of rehomed.filter((r) => r.phase === 'WAITING')) {
      await rows(tx, `update interactions set ${QUEUED_NOW} where id = ?`, [r.id]);
      await recordEvent(tx, r.id, InteractionEventType.RETURNED, trailActor(ctx.viewer), { trayId: r.tray_id, reason: 'LOGGED_OUT' });
    }
    // Read again: a held chat from the personal tray now goes back to the General one.
    for (const view of (await rows(tx, heldSql, [userId])).map(toInteractionView)) await returnWithin(tx, view, trailActor(ctx.viewer), { reason: 'LOGGED_OUT' });
    // Where it had joined beside a holder it leaves, as if it had left itself: signed in again, it
    // is not in those chats, and their customers are told.
    const joined = (
      await rows(tx, `${INTERACTION_VIEW_SQL} where i.phase <> 'CLOSED' and exists (select 1 from interaction_participants p where p.interaction_id = i.id and p.user_id = ? and p.left_at is null)`, [
        userId,
      ])
    ).map(toInteractionView);
    const told: MessageView[] = [];
    for (const view of inLockOrder(joined)) {
      const who = { id: userId, name: view.participants.find((p) => p.id === userId)?.name ?? '' };
      told.push(...((await leaveWithin(tx, view, who, trailActor(ctx.viewer), { agentId: userId, reason: 'LOGGED_OUT' })) ?? []));
    }
    const moving = new Set([...heldBefore, ...waiting].map((v) => v.id));
    return { ended, moved: [...heldBefore, ...waiting, ...joined.filter((v) => !moving.has(v.id))], told };
  });
  const { events } = await changesOf(ctx, moved, told);
  // Disconnected at once, whether or not it held chats.
  return committed(undefined, [...ended.events, ...events, { kind: 'AGENT_STATE', agentId: userId }]);
}
