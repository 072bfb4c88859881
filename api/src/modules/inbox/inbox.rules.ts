import { ContactState } from '../contacts/contact.enums.js';
import { InteractionStatus, Phase } from '../interactions/interaction.enums.js';
import { ChangeKind } from '../interactions/interaction.enums.js';
import type { InteractionView } from '../interactions/interaction.view.js';
import { canSee, type ChatLocation, type Onlooker } from '../interactions/visibility.rules.js';
import { TrayKind } from '../trays/tray.enums.js';
import { Role } from '../users/user.enums.js';

/**
 * What one person's inbox holds live, and how its changes are folded into frames. Plain rules: the
 * hub (inbox.hub.ts) feeds them events and database answers.
 *
 * An agent's screen needs its own chats, the chats that ask for help, and the queue only where it
 * picks from it: in a campaign that routes by itself a waiting chat is nobody's to take, so it is
 * told as a count. A supervisor watches everything it may see, as before.
 */

export type Staff = Extract<Onlooker, { kind: 'STAFF' }>;

/** Whether the campaign leaves its chats in the tray for agents to pick (MANUAL routing). */
export type PicksFrom = (campaignId: string) => boolean;

/** Held by the person, joined by it, or in its personal tray: its own whatever the phase. */
export function isOwn(who: Staff, loc: ChatLocation): boolean {
  return loc.agentId === who.userId || loc.participantIds.includes(who.userId) || (loc.trayKind === TrayKind.PERSONAL && loc.trayOwnerId === who.userId);
}

export function isListed(who: Staff, loc: ChatLocation, picksFrom: PicksFrom): boolean {
  if (!canSee(who, loc)) return false;
  if (who.role !== Role.AGENT || isOwn(who, loc)) return true;
  if (loc.phase === Phase.IN_SERVICE) return loc.status === InteractionStatus.NEEDS_HELP;
  return loc.phase === Phase.WAITING && picksFrom(loc.campaignId);
}

/**
 * The tray whose capped queue a listed chat takes a place in: a waiting chat an agent could pick
 * but does not own. Supervisors' lists and own chats are not capped.
 */
export function queuePlace(who: Staff, loc: ChatLocation): string | null {
  if (who.role !== Role.AGENT || loc.phase !== Phase.WAITING || isOwn(who, loc)) return null;
  return loc.trayId;
}

/** Whether an event can concern anyone but the people named in it: the broad ones every inbox checks. */
export function concernsMany(loc: ChatLocation, picksFrom: PicksFrom): boolean {
  return (loc.phase === Phase.IN_SERVICE && loc.status === InteractionStatus.NEEDS_HELP) || (loc.phase === Phase.WAITING && picksFrom(loc.campaignId));
}

/** The people an event names: its holder, those who joined, the owner of the personal tray it sits in. */
export function namedIn(loc: ChatLocation): string[] {
  return [loc.agentId, ...loc.participantIds, loc.trayKind === TrayKind.PERSONAL ? loc.trayOwnerId : null].filter((id): id is string => id !== null);
}

/** Waiting chats of one tray of one campaign (a personal tray holds chats of several). */
export interface WaitingCount {
  trayId: string;
  campaignId: string;
  trayKind: TrayKind;
  trayOwnerId: string | null;
  waiting: number;
}

/** Waiting chats per tray the person sees; trays with none are absent. */
export function countsFor(who: Staff, all: readonly WaitingCount[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of all) {
    const where: ChatLocation = {
      interactionId: '',
      campaignId: c.campaignId,
      phase: Phase.WAITING,
      trayId: c.trayId,
      trayKind: c.trayKind,
      trayOwnerId: c.trayOwnerId,
      agentId: null,
      participantIds: [],
      contactState: ContactState.TRAY,
      status: InteractionStatus.IN_PROGRESS,
      startedByKeyId: null,
    };
    if (canSee(who, where)) counts.set(c.trayId, (counts.get(c.trayId) ?? 0) + c.waiting);
  }
  return counts;
}

export interface QueueCountView {
  trayId: string;
  waiting: number;
}

/** The counts that differ from those told, a tray that emptied told as 0. */
export function countChanges(told: ReadonlyMap<string, number>, now: ReadonlyMap<string, number>): QueueCountView[] {
  const changed: QueueCountView[] = [];
  for (const [trayId, waiting] of now) if (told.get(trayId) !== waiting) changed.push({ trayId, waiting });
  for (const trayId of told.keys()) if (!now.has(trayId)) changed.push({ trayId, waiting: 0 });
  return changed.sort((a, b) => a.trayId.localeCompare(b.trayId));
}

/** Of two views of one chat, the later: the one a rule changed last, then the one written last. */
export function later(a: InteractionView, b: InteractionView): InteractionView {
  if (a.revision !== b.revision) return a.revision > b.revision ? a : b;
  return Date.parse(b.updatedAt) >= Date.parse(a.updatedAt) ? b : a;
}

export interface InboxChangeView {
  kind: ChangeKind;
  interactionId: string;
  interaction: InteractionView | null;
}

/**
 * One chat's change as the screen will see it, from what the screen holds and how the chat stands
 * now (its latest view within the frame, and whether the inbox lists it): the last state always
 * wins, and a chat that came and went within one frame is not told at all.
 */
export function foldChange(shown: boolean, view: InteractionView, listedNow: boolean): InboxChangeView | null {
  if (listedNow) return { kind: shown ? ChangeKind.UPDATED : ChangeKind.CREATED, interactionId: view.id, interaction: view };
  return shown ? { kind: ChangeKind.REMOVED, interactionId: view.id, interaction: null } : null;
}
