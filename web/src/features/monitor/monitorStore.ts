import type { MonitorAgentFieldsFragment, MonitorChatFieldsFragment, MonitorUpdatesSubscription } from '../../gql/graphql';

export type MonitorUpdate = MonitorUpdatesSubscription['monitorUpdates'];
export type MonitorChatRow = MonitorChatFieldsFragment;
export type MonitorAgentSummary = MonitorAgentFieldsFragment;
/** An agent's row as the tables draw it: its summary and its chats in service. */
export type MonitorAgentRow = MonitorAgentSummary & { readonly chats: readonly MonitorChatRow[] };

/** What the feed has told so far: the small parts whole, agents and open chats by id. */
export interface MonitorStore {
  generatedAt: string;
  totals: MonitorUpdate['totals'];
  campaigns: MonitorUpdate['campaigns'];
  teams: MonitorUpdate['teams'];
  agents: ReadonlyMap<string, MonitorAgentSummary>;
  chats: ReadonlyMap<string, MonitorChatRow>;
}

/** The shapes the dashboard draws: agents with their chats, and the chats per phase. */
export interface MonitorPicture {
  generatedAt: string;
  totals: MonitorStore['totals'];
  campaigns: MonitorStore['campaigns'];
  teams: MonitorStore['teams'];
  agents: readonly MonitorAgentRow[];
  bot: readonly MonitorChatRow[];
  /** Longest wait first. */
  waiting: readonly MonitorChatRow[];
  inService: readonly MonitorChatRow[];
  /** Every open chat's id. */
  openIds: ReadonlySet<string>;
}

/**
 * The store after the updates that arrived since the last frame, in order. A full update replaces
 * everything before it (a new subscription: first load, reconnection, new filter); the others upsert
 * and remove rows. Rows no update names keep their objects, so only what changed is drawn again.
 * Before any full update there is nothing to patch: null stays null.
 */
export function applyUpdates(store: MonitorStore | null, updates: readonly MonitorUpdate[]): MonitorStore | null {
  let from = 0;
  for (let i = updates.length - 1; i >= 0; i--) {
    if (updates[i]!.full) {
      from = i;
      store = null;
      break;
    }
  }
  if (!store && !updates[from]?.full) return store;
  const agents = new Map(store?.agents);
  const chats = new Map(store?.chats);
  let last: MonitorUpdate | null = null;
  for (const update of updates.slice(from)) {
    for (const id of update.removedAgentIds) agents.delete(id);
    for (const agent of update.agents) agents.set(agent.userId, agent);
    for (const id of update.removedChatIds) chats.delete(id);
    for (const chat of update.chats) chats.set(chat.id, chat);
    last = update;
  }
  if (!last) return store;
  return { generatedAt: last.generatedAt, totals: last.totals, campaigns: last.campaigns, teams: last.teams, agents, chats };
}

/** `next`, or `previous` when it holds the very same items: an unchanged list stays the same list. */
export function keepSame<T>(previous: readonly T[] | undefined, next: readonly T[]): readonly T[] {
  if (!previous || previous.length !== next.length) return next;
  for (let i = 0; i < next.length; i++) if (previous[i] !== next[i]) return next;
  return previous;
}

const NO_CHATS: readonly MonitorChatRow[] = [];
/** Which summary each drawn agent row was made from: a row is kept while its summary and chats are. */
const madeFrom = new WeakMap<MonitorAgentRow, MonitorAgentSummary>();

/**
 * The store in the shapes the tables draw, reusing the previous picture's rows and lists wherever
 * nothing in them changed (the tables then skip them). One pass over the chats.
 */
export function monitorPicture(store: MonitorStore, previous: MonitorPicture | null): MonitorPicture {
  const bot: MonitorChatRow[] = [];
  const waiting: MonitorChatRow[] = [];
  const inService: MonitorChatRow[] = [];
  const byAgent = new Map<string, MonitorChatRow[]>();
  for (const chat of store.chats.values()) {
    if (chat.phase === 'WAITING') waiting.push(chat);
    else if (chat.phase === 'BOT') bot.push(chat);
    else {
      inService.push(chat);
      if (!chat.agentId) continue;
      const list = byAgent.get(chat.agentId);
      if (list) list.push(chat);
      else byAgent.set(chat.agentId, [chat]);
    }
  }
  // The customer who has waited longest comes first, whatever moves (transfers, returns) came between.
  const waited = (chat: MonitorChatRow) => chat.waitingSince ?? chat.since;
  waiting.sort((a, b) => (waited(a) < waited(b) ? -1 : waited(a) > waited(b) ? 1 : 0));

  const before = new Map<string, MonitorAgentRow>();
  for (const row of previous?.agents ?? []) before.set(row.userId, row);
  const agents: MonitorAgentRow[] = [];
  for (const summary of store.agents.values()) {
    const old = before.get(summary.userId);
    const chats = keepSame(old?.chats, byAgent.get(summary.userId) ?? NO_CHATS);
    if (old && madeFrom.get(old) === summary && old.chats === chats) {
      agents.push(old);
      continue;
    }
    const row: MonitorAgentRow = { ...summary, chats };
    madeFrom.set(row, summary);
    agents.push(row);
  }

  const sameChats = previous !== null && previous.openIds.size === store.chats.size && [...store.chats.keys()].every((id) => previous.openIds.has(id));
  return {
    generatedAt: store.generatedAt,
    totals: store.totals,
    campaigns: store.campaigns,
    teams: store.teams,
    agents: keepSame(previous?.agents, agents),
    bot: keepSame(previous?.bot, bot),
    waiting: keepSame(previous?.waiting, waiting),
    inService: keepSame(previous?.inService, inService),
    openIds: sameChats ? previous.openIds : new Set(store.chats.keys()),
  };
}
