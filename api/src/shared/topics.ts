import type { InteractionView } from '../modules/interactions/interaction.view.js';
import type { MessageView } from '../modules/messages/message.view.js';
import type { AgentStatusView } from '../modules/agents/agent.queries.js';
import type { Bus } from './bus.js';

/** Every channel Parley publishes on. Selectivity lives in the channel id, never in a filter. */
export enum Topic {
  /** One interaction's messages and changes: what a conversation view and the widget follow. */
  INTERACTION = 'interaction',
  /** Changes of every interaction of one campaign: inboxes and monitors. */
  CAMPAIGN = 'campaign',
  /** Changes of interactions entering or leaving one tray. */
  TRAY = 'tray',
  /** One agent's state: its own screen. */
  AGENT = 'agent',
  /** Every agent's state changes: supervisors' dashboards, a handful of subscribers. */
  AGENTS = 'agents',
  /** Process-wide control: session revocations. */
  CONTROL = 'control',
}

export type InteractionStreamEvent =
  | { type: 'MESSAGE_ADDED'; message: MessageView }
  | { type: 'INTERACTION_CHANGED'; change: InteractionChangedEvent };

export interface InteractionChangedEvent {
  interaction: InteractionView;
  /** Where it was before this change, so a subscriber that loses sight of it is told. */
  previous: InteractionView | null;
}

export type ControlEvent =
  | { type: 'SESSIONS_REVOKED'; userId: string; sessionId: string | null }
  /** Tray access changed: every process reloads the access of its connected people. */
  | { type: 'ACCESS_CHANGED' };

export interface TopicPayloads {
  [Topic.INTERACTION]: InteractionStreamEvent;
  [Topic.CAMPAIGN]: InteractionChangedEvent;
  [Topic.TRAY]: InteractionChangedEvent;
  [Topic.AGENT]: AgentStatusView;
  [Topic.AGENTS]: AgentStatusView;
  [Topic.CONTROL]: ControlEvent;
}

/** Typed access to the bus with a per-deployment channel prefix. */
export class Topics {
  constructor(
    readonly bus: Bus,
    private readonly prefix: string,
  ) {}

  channel(topic: Topic, id?: string): string {
    return id === undefined ? `${this.prefix}:${topic}` : `${this.prefix}:${topic}:${id}`;
  }

  publish<T extends Topic>(topic: T, id: string | undefined, payload: TopicPayloads[T]): Promise<void> {
    return this.bus.publish(this.channel(topic, id), payload);
  }

  subscribe<T extends Topic>(topic: T, id: string | undefined, listener: (payload: TopicPayloads[T]) => void): Promise<() => void> {
    return this.bus.subscribe(this.channel(topic, id), listener as (p: unknown) => void);
  }
}
