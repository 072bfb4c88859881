import type { InteractionView } from '../interactions/interaction.view.js';
import type { MessageView } from '../messages/message.view.js';
import type { AgentStatusView } from '../agents/agent.queries.js';
import type { CallEventMessage } from '../../shared/topics.js';
import type { DirectoryPart } from '../directory/directory.enums.js';
import type { InternalMessageView } from '../internal-messages/internal-message.service.js';

/**
 * What a committed change caused, in the domain's words. A service returns these beside its result
 * (`Committed`); it never publishes, routes or schedules by hand. The dispatcher hands them to the
 * listeners of the modules that care.
 */
export type DomainEvent =
  /** A message was stored (a retried send names the message already stored: subscribers skip what they have). */
  | { kind: 'MESSAGE_POSTED'; message: MessageView }
  /** A chat moved, changed hands or was annotated; `previous` is null for a chat just started. */
  | { kind: 'INTERACTION_CHANGED'; interaction: InteractionView; previous: InteractionView | null }
  /** A chat waits in a campaign's trays: routing looks for an agent. */
  | { kind: 'CHAT_WAITING'; campaignId: string }
  /**
   * What an agent may take changed: a chat it held went elsewhere, it paused or resumed, came online
   * or went away, its capacity was edited. Routing looks again, then its state is told.
   */
  | { kind: 'AGENT_CAPACITY'; agentId: string }
  /** An agent's state may have moved (took a chat, was given one, was signed out). */
  | { kind: 'AGENT_STATE'; agentId: string }
  /** The customer wrote: the contact's expiry window starts again. */
  | { kind: 'CONTACT_WROTE'; contactId: string }
  /** An agent answered: the chat closes unless the customer writes within the campaign's time. */
  | { kind: 'AGENT_ANSWERED'; interactionId: string; sequence: number; timeoutSeconds: number | null }
  /** An agent's state is the same but what is shown of it changed (its pause reason was renamed). */
  | { kind: 'AGENT_SHOWN'; status: AgentStatusView }
  /** A directory changed (people, trays, labels, ...): lists that show it read it again; `campaignId` for what belongs to one campaign. */
  | { kind: 'DIRECTORY_CHANGED'; what: DirectoryPart; campaignId: string | null }
  /** A call was asked for, answered, declined or ended: both parties and the monitor hear it. */
  | { kind: 'CALL_CHANGED'; event: CallEventMessage }
  /** A staff message was stored: sender and recipient hear it. */
  | { kind: 'STAFF_MESSAGE'; message: InternalMessageView }
  /** Sessions were revoked (one, or all of a person's when `sessionId` is null): their sockets close on every process. */
  | { kind: 'SESSIONS_ENDED'; userId: string; sessionId: string | null }
  /** A key was revoked: its sockets close on every process. */
  | { kind: 'KEY_REVOKED'; keyId: string }
  /** A key's display changed: its open sockets are resolved again, so what they send carries it. */
  | { kind: 'KEY_CHANGED'; keyId: string }
  /** Who may open a tray changed: every process reads its connected people's access again. */
  | { kind: 'TRAY_ACCESS_CHANGED' }
  /** A hook was made or turned on: the courier counts it among the hooks on and logs what waits for it. */
  | { kind: 'HOOK_ON' }
  /** A delivery is due now (sent again, a test ping): the courier claims it. */
  | { kind: 'DELIVERY_DUE' }
  /** An offline message was left or handled: the counts of what waits move. */
  | { kind: 'OFFLINE_MESSAGES'; campaignId: string };

export type DomainEventKind = DomainEvent['kind'];
export type EventOf<K extends DomainEventKind> = Extract<DomainEvent, { kind: K }>;

/** A service's result with the events its commit caused. */
export interface Committed<T> {
  value: T;
  events: DomainEvent[];
}

export const committed = <T>(value: T, events: DomainEvent[] = []): Committed<T> => ({ value, events });

export const directoryChanged = (what: DirectoryPart, campaignId: string | null = null): DomainEvent => ({ kind: 'DIRECTORY_CHANGED', what, campaignId });

export const messagesPosted = (messages: readonly MessageView[]): DomainEvent[] => messages.map((message) => ({ kind: 'MESSAGE_POSTED', message }));

/**
 * A chat's change against what it was, with what follows from it: a chat now waiting is routed, and
 * an agent no longer holding it may take another (a closed chat keeps its agent, so it is compared by phase).
 */
export function changed(interaction: InteractionView, previous: InteractionView | null): DomainEvent[] {
  const events: DomainEvent[] = [{ kind: 'INTERACTION_CHANGED', interaction, previous }];
  if (interaction.phase === 'WAITING') events.push({ kind: 'CHAT_WAITING', campaignId: interaction.campaign.id });
  const held = (v: InteractionView | null, agentId: string) => v?.phase === 'IN_SERVICE' && v.agent?.id === agentId;
  const before = previous?.agent?.id;
  if (before && held(previous, before) && !held(interaction, before)) events.push({ kind: 'AGENT_CAPACITY', agentId: before });
  const now = interaction.agent?.id;
  if (now && held(interaction, now) && !held(previous, now)) events.push({ kind: 'AGENT_STATE', agentId: now });
  return events;
}
