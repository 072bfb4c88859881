import type { AgentState } from '../../gql/graphql';

/** A theme colour role; the component maps it to Naive UI's theme variables, so both schemes work. */
export type StateTone = 'success' | 'info' | 'warning' | 'neutral';

/** The icons the state control can show: a dot, a phone on a call, or a pause reason's icon. */
export type StateIcon = 'dot' | 'phone' | PauseIcon;

/** Icons a pause reason can name; any other name shows the generic pause icon. */
export const PAUSE_ICONS = ['coffee', 'lunch', 'training', 'meeting', 'health', 'reading', 'errand', 'break', 'pause'] as const;
export type PauseIcon = (typeof PAUSE_ICONS)[number];

/** Names administrators are likely to type for the same idea. */
const PAUSE_ICON_ALIASES: Record<string, PauseIcon> = {
  cafe: 'coffee',
  tea: 'coffee',
  food: 'lunch',
  restaurant: 'lunch',
  meal: 'lunch',
  school: 'training',
  course: 'training',
  people: 'meeting',
  team: 'meeting',
  medical: 'health',
  doctor: 'health',
  book: 'reading',
  car: 'errand',
  walk: 'break',
};

/** The icon for a pause reason's icon name ("coffee"), with a generic one for names we do not draw. */
export function pauseIcon(name: string): PauseIcon {
  const key = name.trim().toLowerCase();
  if ((PAUSE_ICONS as readonly string[]).includes(key)) return key as PauseIcon;
  return PAUSE_ICON_ALIASES[key] ?? 'pause';
}

export interface StateDisplay {
  /** A key under `agentState.state`; a pause shows its reason's name instead when it has one. */
  labelKey: `agentState.state.${AgentState}`;
  reasonName: string | null;
  tone: StateTone;
  icon: StateIcon;
}

const TONES: Record<AgentState, StateTone> = {
  FREE: 'success',
  BUSY: 'info',
  FREE_IN_BREAK: 'warning',
  BUSY_IN_BREAK: 'warning',
  DISCONNECTED: 'neutral',
};

/** An agent state's name, as a key under `agentState.state`: one wording wherever a state is shown. */
export const stateLabelKey = (state: AgentState): `agentState.state.${AgentState}` => `agentState.state.${state}`;

/** An agent state's colour role, the same in the header and beside other agents (the transfer list). */
export const stateTone = (state: AgentState): StateTone => TONES[state];

/** The tone as Naive UI's tag and text types name it. */
export const toneType = (tone: StateTone): 'success' | 'info' | 'warning' | 'default' => (tone === 'neutral' ? 'default' : tone);

/** How the agent's own state reads in the header: a call outranks the state's own icon, as on the monitor. */
export function stateDisplay(status: { state: AgentState; pauseReason: { name: string; icon: string } | null }, onCall = false): StateDisplay {
  const inBreak = status.state === 'FREE_IN_BREAK' || status.state === 'BUSY_IN_BREAK';
  const reason = inBreak ? status.pauseReason : null;
  return {
    labelKey: stateLabelKey(status.state),
    reasonName: reason?.name ?? null,
    tone: stateTone(status.state),
    icon: onCall ? 'phone' : reason ? pauseIcon(reason.icon) : inBreak ? 'pause' : 'dot',
  };
}

/** Whether choosing "Available" changes anything: only a pause can be ended. */
export const isPaused = (state: AgentState): boolean => state === 'FREE_IN_BREAK' || state === 'BUSY_IN_BREAK';
