import { canReceiveChats } from '../agents/agent-state.rules.js';
import { RoutingStrategy } from '../campaigns/campaign.enums.js';
import { normalizeLanguage } from '../campaigns/campaign.rules.js';

/** An agent as routing sees it. */
export interface RoutingCandidate {
  agentId: string;
  connected: boolean;
  paused: boolean;
  activeChats: number;
  maxConcurrentChats: number;
  languages: string[];
  skills: string[];
  lastAssignedAt: Date | null;
  /** When it last became free (no active chats); null counts as longest ago, like a null lastAssignedAt. */
  idleSince: Date | null;
  /** Chats assigned since local midnight; for the dashboard, no strategy ranks by it. */
  assignedToday: number;
}

/** A chat waiting in a tray for an agent. */
export interface WaitingChat {
  id: string;
  queuedAt: Date;
  language: string | null;
  requiredSkills: string[];
}

/** The campaign's routing settings beyond its strategy. */
export interface RoutingOptions {
  /** After this long in the queue, a SKILLS chat goes to any eligible agent rather than wait for a match. */
  skillsWideningSeconds: number;
}

type Order = (a: RoutingCandidate, b: RoutingCandidate) => number;

/** Whether routing may give this agent one more chat; the same test as `canReceiveChats`. */
export function eligible(candidate: RoutingCandidate): boolean {
  return canReceiveChats(candidate);
}

/** The agent the campaign's strategy gives this chat to, or null to leave it in the tray. */
export function pickAgent(strategy: RoutingStrategy, chat: WaitingChat, candidates: readonly RoutingCandidate[], now: Date, opts: RoutingOptions): string | null {
  const pool = candidates.filter(eligible);
  switch (strategy) {
    case RoutingStrategy.MANUAL:
      return null;
    case RoutingStrategy.ROUND_ROBIN:
      return first(pool, roundRobin);
    case RoutingStrategy.LEAST_BUSY:
      return first(pool, leastBusy);
    case RoutingStrategy.LONGEST_IDLE: {
      const idle = pool.filter((c) => c.activeChats === 0);
      return idle.length > 0 ? first(idle, longestIdle) : first(pool, leastBusy);
    }
    case RoutingStrategy.SKILLS:
      return first(skillsWidened(chat, now, opts) ? pool : pool.filter((c) => matches(c, chat)), leastBusy);
  }
}

/** Whether the agent has every skill the chat needs and speaks its language; a chat in no language Parley speaks suits anyone. */
export function matches(candidate: RoutingCandidate, chat: WaitingChat): boolean {
  if (!chat.requiredSkills.every((skill) => candidate.skills.includes(skill))) return false;
  const language = normalizeLanguage(chat.language);
  return language === null || candidate.languages.some((l) => normalizeLanguage(l) === language);
}

/** Whether a SKILLS chat has waited long enough to go to any eligible agent; exactly at the limit it has. */
export function skillsWidened(chat: WaitingChat, now: Date, opts: RoutingOptions): boolean {
  return now.getTime() - chat.queuedAt.getTime() >= opts.skillsWideningSeconds * 1000;
}

/** Chats in the order they are served: oldest first, ties by id so every process agrees. */
export function orderQueue<T extends Pick<WaitingChat, 'id' | 'queuedAt'>>(chats: readonly T[]): T[] {
  return [...chats].sort((a, b) => a.queuedAt.getTime() - b.queuedAt.getTime() || compareIds(a.id, b.id));
}

function first(pool: readonly RoutingCandidate[], order: Order): string | null {
  let best: RoutingCandidate | null = null;
  for (const c of pool) if (best === null || order(c, best) < 0) best = c;
  return best?.agentId ?? null;
}

// Ties end on the agent id rather than on input order, so two processes routing from the
// same rows pick the same agent whatever order the database returned them in.
const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Earlier first; null means never, which is longest ago. */
function compareTimes(a: Date | null, b: Date | null): number {
  const x = a?.getTime() ?? Number.NEGATIVE_INFINITY;
  const y = b?.getTime() ?? Number.NEGATIVE_INFINITY;
  return x < y ? -1 : x > y ? 1 : 0;
}

function chain(...orders: Order[]): Order {
  return (a, b) => {
    for (const order of orders) {
      const d = order(a, b);
      if (d !== 0) return d;
    }
    return 0;
  };
}

const byAgentId: Order = (a, b) => compareIds(a.agentId, b.agentId);
const byLastAssigned: Order = (a, b) => compareTimes(a.lastAssignedAt, b.lastAssignedAt);
const byActiveChats: Order = (a, b) => a.activeChats - b.activeChats;
const byIdleSince: Order = (a, b) => compareTimes(a.idleSince, b.idleSince);

const roundRobin = chain(byLastAssigned, byAgentId);
const leastBusy = chain(byActiveChats, byLastAssigned, byAgentId);
const longestIdle = chain(byIdleSince, byLastAssigned, byAgentId);

/**
 * One routing pass decided at once: chats in queue order, each to the agent the strategy picks among
 * those who can reach its tray, counting what this pass already gave them. The candidates are not
 * changed; the caller writes the plan in one statement under the agents' locks.
 */
export function planPass<C extends RoutingCandidate, W extends WaitingChat>(
  strategy: RoutingStrategy,
  queue: readonly W[],
  candidates: readonly C[],
  now: Date,
  opts: RoutingOptions,
  reaches: (candidate: C, chat: W) => boolean = () => true,
): { chat: W; agentId: string }[] {
  const working = candidates.map((c) => ({ ...c }));
  const plan: { chat: W; agentId: string }[] = [];
  for (const chat of orderQueue(queue)) {
    const agentId = pickAgent(
      strategy,
      chat,
      working.filter((c) => reaches(c, chat)),
      now,
      opts,
    );
    if (!agentId) continue;
    const picked = working.find((c) => c.agentId === agentId)!;
    picked.activeChats += 1;
    picked.lastAssignedAt = now;
    plan.push({ chat, agentId });
  }
  return plan;
}
