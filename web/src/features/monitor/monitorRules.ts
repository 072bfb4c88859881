import type { AgentState, Channel, ChatBand, MonitorFilterInput } from '../../gql/graphql';
import { isPaused } from '../agent-state/stateDisplay';

/** Supervisors act on at most this many chats at once (the API refuses more). */
export const BULK_LIMIT = 5;

/** What a chat's band depends on: when its phase began, and the band the server last computed. */
export interface BandedChat {
  since: string;
  band?: ChatBand | null;
  alert?: boolean;
}

/** A chat's colour and alert at `now`. */
export interface LiveBand {
  band: ChatBand;
  alert: boolean;
}

/**
 * A held chat's band, live: green within the first threshold, yellow within the second, red from
 * there on, with an alert once the third is passed. The server sends a band only in each snapshot,
 * and no snapshot comes while nothing happens, so the clock here moves it between snapshots.
 * Without the campaign's thresholds (three seconds counts) the server's band stands.
 */
export function liveBand(chat: BandedChat, thresholds: readonly number[] | undefined, now: number): LiveBand {
  const elapsed = (now - Date.parse(chat.since)) / 1000;
  if (!thresholds || thresholds.length < 3) return { band: chat.band ?? 'GREEN', alert: chat.alert ?? false };
  const [first, second, third] = thresholds as [number, number, number];
  const band: ChatBand = elapsed < first ? 'GREEN' : elapsed < second ? 'YELLOW' : 'RED';
  return { band, alert: elapsed >= third };
}

/** Naive UI's tag type for a band: a theme colour, right in light and dark. */
export const bandType = (band: ChatBand): 'success' | 'warning' | 'error' => (band === 'GREEN' ? 'success' : band === 'YELLOW' ? 'warning' : 'error');

/** The outcome of ticking one chat's box. */
export type SelectionChange = { ok: true; selected: string[] } | { ok: false; selected: string[]; reason: 'limit' };

/** Ticks or unticks a chat; a sixth is refused so the bulk actions never ask the API for more than it allows. */
export function toggleSelection(selected: readonly string[], id: string, limit = BULK_LIMIT): SelectionChange {
  if (selected.includes(id)) return { ok: true, selected: selected.filter((s) => s !== id) };
  if (selected.length >= limit) return { ok: false, selected: [...selected], reason: 'limit' };
  return { ok: true, selected: [...selected, id] };
}

/** Keeps only the chats still open in the latest snapshot: a chat closed or moved elsewhere drops out. */
export const pruneSelection = (selected: readonly string[], openIds: ReadonlySet<string>): string[] => selected.filter((id) => openIds.has(id));

/** The filters as the supervisor sets them. */
export interface FilterForm {
  agentIds: string[];
  teamIds: string[];
  channels: Channel[];
  contact: string;
  protocol: string;
  /** Narrows the agent table only, on this screen (see `toFilterInput`). */
  states: AgentState[];
}

export const emptyFilter = (): FilterForm => ({ agentIds: [], teamIds: [], channels: [], contact: '', protocol: '', states: [] });

/** The agent states in the order the state filter offers them: the manual's. */
export const AGENT_STATES: readonly AgentState[] = ['DISCONNECTED', 'BUSY', 'FREE', 'FREE_IN_BREAK', 'BUSY_IN_BREAK'];

/**
 * An agent state's name on the monitor. The two pauses take the manual's names, Free in break and
 * Busy in break, so a pause with no chat and a pause still holding chats read apart; the other
 * states keep the wording the agent sees in their own header.
 */
export const monitorStateKey = (state: AgentState): string => (isPaused(state) ? `monitor.states.${state}` : `agentState.state.${state}`);

/** How the monitor names an agent's state: the pause's reason follows the state, never replaces it. */
export function monitorStateLabel(agent: { state: AgentState; pauseReason?: { name: string } | null }, t: (key: string, values?: Record<string, unknown>) => string): string {
  const state = t(monitorStateKey(agent.state));
  const reason = isPaused(agent.state) ? agent.pauseReason?.name : undefined;
  return reason ? t('monitor.states.withReason', { state, reason }) : state;
}

/** Whether an agent's row passes the state filter (none picked: every state). */
export const agentInStates = (agent: { state: AgentState }, states: readonly AgentState[]): boolean => states.length === 0 || states.includes(agent.state);

/**
 * The API's filter: only what is set, so an empty form asks for everything (and shares the server's
 * default stream). The states stay out: an agent's state changes by the minute, and a new
 * subscription per change would be wasted when the rows already carry their state.
 */
export function toFilterInput(form: FilterForm): MonitorFilterInput | null {
  const input: MonitorFilterInput = {};
  if (form.agentIds.length) input.agentIds = [...form.agentIds];
  if (form.teamIds.length) input.teamIds = [...form.teamIds];
  if (form.channels.length) input.channels = [...form.channels];
  if (form.contact.trim()) input.contact = form.contact.trim();
  if (form.protocol.trim()) input.protocol = form.protocol.trim();
  return Object.keys(input).length ? input : null;
}

/** Who needs eyes first: working agents before idle ones, then pauses, then the disconnected. */
const STATE_ORDER: Record<AgentState, number> = { BUSY: 0, FREE: 1, BUSY_IN_BREAK: 2, FREE_IN_BREAK: 3, DISCONNECTED: 4 };

export interface SortableAgent {
  name: string;
  state: AgentState;
  alert: boolean;
}

/** Agents in the order the table shows them: alerts on top, then by state, then by name. */
export function sortAgents<T extends SortableAgent>(agents: readonly T[]): T[] {
  return [...agents].sort((a, b) => Number(b.alert) - Number(a.alert) || STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.name.localeCompare(b.name));
}

/** Per-browser preference: agents and teams the supervisor took off the panel. */
export interface HiddenSet {
  agents: string[];
  teams: string[];
}

/** Reads the stored preference; anything unreadable is an empty one, never an error. */
export function parseHidden(raw: string | null): HiddenSet {
  try {
    const value = JSON.parse(raw ?? '') as Partial<HiddenSet>;
    const ids = (list: unknown) => (Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string') : []);
    return { agents: ids(value.agents), teams: ids(value.teams) };
  } catch {
    return { agents: [], teams: [] };
  }
}

/** Hides a shown one, or shows a hidden one. */
export function toggleHidden(hidden: HiddenSet, kind: keyof HiddenSet, id: string): HiddenSet {
  const list = hidden[kind];
  return { ...hidden, [kind]: list.includes(id) ? list.filter((x) => x !== id) : [...list, id] };
}

/** Whether an agent shows: not hidden itself, nor through every team it belongs to being hidden. */
export function agentShown(agent: { userId: string; teamIds: readonly string[] }, hidden: HiddenSet): boolean {
  if (hidden.agents.includes(agent.userId)) return false;
  return agent.teamIds.length === 0 || agent.teamIds.some((id) => !hidden.teams.includes(id));
}

/** A service level (0..1, null before any chat today) as a whole percentage, or null to show a dash. */
export const serviceLevelPercent = (level: number | null | undefined): number | null => (level === null || level === undefined ? null : Math.round(level * 100));

/** Seconds from an ISO instant to `now`, never negative (clocks differ a little). */
export const secondsSince = (iso: string, now: number): number => Math.max(0, Math.floor((now - Date.parse(iso)) / 1000));
