import type { AgentState, TransferTargetInput, TransferTargetsQuery } from '../../gql/graphql';

export type TransferTargets = TransferTargetsQuery['transferTargets'];
export type TargetKind = 'tray' | 'agent' | 'team';
export const TARGET_KINDS: readonly TargetKind[] = ['tray', 'agent', 'team'];

/** One place a chat can go, as the dialog lists it. */
export interface TargetChoice {
  id: string;
  name: string;
  /** Agents only: whether they can answer soon. */
  state?: AgentState;
}

// Who is likely to answer first comes first; a disconnected agent still gets the chat in its personal tray.
const AVAILABILITY: Record<AgentState, number> = { FREE: 0, BUSY: 1, FREE_IN_BREAK: 2, BUSY_IN_BREAK: 3, DISCONNECTED: 4 };

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** The choices of one kind; the tray the chat waits in or came from is left out, moving there changes nothing. */
export function targetChoices(targets: TransferTargets | null, kind: TargetKind, currentTrayId: string | null): TargetChoice[] {
  if (!targets) return [];
  switch (kind) {
    case 'tray':
      return targets.trays.filter((tray) => tray.id !== currentTrayId).sort(byName);
    case 'agent':
      return [...targets.agents].sort((a, b) => AVAILABILITY[a.state] - AVAILABILITY[b.state] || byName(a, b));
    case 'team':
      return [...targets.teams].sort(byName);
  }
}

/** The API's input: exactly one of a tray, an agent or a team. */
export function targetInput(kind: TargetKind, id: string): TransferTargetInput {
  switch (kind) {
    case 'tray':
      return { trayId: id };
    case 'agent':
      return { agentId: id };
    case 'team':
      return { teamId: id };
  }
}
