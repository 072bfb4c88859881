import type { MonitorAgentView, MonitorChatView, MonitorSnapshot } from './monitor.snapshot.js';

/** An agent's row without its chats: the live updates send every chat once, apart, with its agent's id. */
export type MonitorAgentSummaryView = Omit<MonitorAgentView, 'chats' | 'securityGroupId' | 'campaignIds'>;

/** One subscriber's last picture: every agent row and every open chat it was sent, by id. */
export interface MonitorPicture {
  agents: Map<string, MonitorAgentSummaryView>;
  chats: Map<string, MonitorChatView>;
}

/**
 * What a subscriber is sent after a burst: the small parts whole (totals, service levels, teams),
 * then only the agents and chats that changed or left since its last picture. The first is `full`:
 * every agent and chat, and the client replaces whatever it held.
 */
export interface MonitorUpdateView extends Pick<MonitorSnapshot, 'generatedAt' | 'totals' | 'campaigns' | 'teams'> {
  full: boolean;
  agents: MonitorAgentSummaryView[];
  removedAgentIds: string[];
  chats: MonitorChatView[];
  removedChatIds: string[];
}

/** The row's fields named one by one: the snapshot's `chats` getter would build every chat view. */
function summary(a: MonitorAgentView): MonitorAgentSummaryView {
  return {
    userId: a.userId,
    name: a.name,
    state: a.state,
    stateChangedAt: a.stateChangedAt,
    connected: a.connected,
    paused: a.paused,
    pauseReason: a.pauseReason,
    activeChats: a.activeChats,
    maxConcurrentChats: a.maxConcurrentChats,
    teamIds: a.teamIds,
    completedToday: a.completedToday,
    onCall: a.onCall,
    channels: a.channels,
    bands: a.bands,
    alert: a.alert,
  };
}

const pictures = new WeakMap<MonitorSnapshot, MonitorPicture>();

/**
 * A snapshot's agents and chats by id (every open chat once: bot, waiting and in service), built
 * once per snapshot however many subscribers of its filter diff against it.
 */
export function monitorPicture(snapshot: MonitorSnapshot): MonitorPicture {
  let picture = pictures.get(snapshot);
  if (picture) return picture;
  const agents = new Map<string, MonitorAgentSummaryView>();
  for (const a of snapshot.agents) agents.set(a.userId, summary(a));
  const chats = new Map<string, MonitorChatView>();
  for (const list of [snapshot.bot, snapshot.waiting, snapshot.inService]) for (const c of list) chats.set(c.id, c);
  picture = { agents, chats };
  pictures.set(snapshot, picture);
  return picture;
}

/** Deep equality over the plain data of a view: objects, arrays, dates and scalars. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => sameValue(v, b[i]));
  }
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** What changed in `next` against `previous`: rows new or different, and ids gone. */
function changes<T>(previous: Map<string, T> | null, next: Map<string, T>): { upserted: T[]; removed: string[] } {
  if (!previous) return { upserted: [...next.values()], removed: [] };
  const upserted: T[] = [];
  for (const [id, row] of next) {
    const before = previous.get(id);
    if (before === undefined || !sameValue(before, row)) upserted.push(row);
  }
  const removed: string[] = [];
  for (const id of previous.keys()) if (!next.has(id)) removed.push(id);
  return { upserted, removed };
}

/**
 * The update that brings a subscriber from `previous` (null: it holds nothing yet, so everything,
 * marked full) to `snapshot`. Bands and alerts are part of a chat's row, so a chat that crossed a
 * threshold since the last picture is sent again.
 */
export function monitorUpdate(previous: MonitorPicture | null, snapshot: MonitorSnapshot): MonitorUpdateView {
  // Supervisors of one filter hold the same picture and get the same snapshot: one diff serves them all.
  const known = previous && diffs.get(previous);
  if (known && known.snapshot === snapshot) return known.update;
  const update = diff(previous, snapshot);
  if (previous) diffs.set(previous, { snapshot, update });
  return update;
}

const diffs = new WeakMap<MonitorPicture, { snapshot: MonitorSnapshot; update: MonitorUpdateView }>();

function diff(previous: MonitorPicture | null, snapshot: MonitorSnapshot): MonitorUpdateView {
  const next = monitorPicture(snapshot);
  const agents = changes(previous?.agents ?? null, next.agents);
  const chats = changes(previous?.chats ?? null, next.chats);
  return {
    full: previous === null,
    generatedAt: snapshot.generatedAt,
    totals: snapshot.totals,
    campaigns: snapshot.campaigns,
    teams: snapshot.teams,
    agents: agents.upserted,
    removedAgentIds: agents.removed,
    chats: chats.upserted,
    removedChatIds: chats.removed,
  };
}
