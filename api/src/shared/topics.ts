import type { InteractionView } from '../modules/interactions/interaction.view.js';
import type { MessageView } from '../modules/messages/message.view.js';
import type { AgentStatusView } from '../modules/agents/agent.queries.js';
import type { InternalMessageView } from '../modules/internal-messages/internal-message.service.js';
import type { Bus } from './bus.js';
import type { DirectoryPart } from '../modules/directory/directory.enums.js';

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
  /** Every interaction change of every campaign, those created later included: the live monitor. */
  CENTER = 'center',
  /** A directory (people, teams, campaigns, trays and their access, labels, pause reasons, canned responses) changed: lists that show it read it again. */
  DIRECTORY = 'directory',
  /** One interaction's calls (by interaction id) and one person's calls and screen sessions (by user id): only the two parties listen. */
  CALL = 'call',
  /** Every call change, for the live monitor's "on a call". */
  CALLS = 'calls',
  /** One person's internal messages (by user id): the sender's and the recipient's screens. */
  PERSON = 'person',
  /** Process-wide control: session revocations. */
  CONTROL = 'control',
  /** An offline message was left or handled, in any campaign: each listener counts again what it reaches. */
  OFFLINE = 'offline',
}

/** One shape for a change on every channel that carries changes, so every reader unwraps it the same way. */
export interface InteractionChangedMessage {
  type: 'INTERACTION_CHANGED';
  change: InteractionChangedEvent;
}

export type InteractionStreamEvent = { type: 'MESSAGE_ADDED'; message: MessageView } | InteractionChangedMessage;

export interface InteractionChangedEvent {
  interaction: InteractionView;
  /** Where it was before this change, so a subscriber that loses sight of it is told. */
  previous: InteractionView | null;
}

export type ControlEvent =
  | { type: 'SESSIONS_REVOKED'; userId: string; sessionId: string | null }
  | { type: 'KEY_REVOKED'; keyId: string }
  | { type: 'KEY_CHANGED'; keyId: string }
  /** Tray access changed: every process reloads the access of its connected people. */
  | { type: 'ACCESS_CHANGED' };

export interface TopicPayloads {
  [Topic.INTERACTION]: InteractionStreamEvent;
  [Topic.CAMPAIGN]: InteractionChangedMessage;
  [Topic.TRAY]: InteractionChangedMessage;
  [Topic.AGENT]: AgentStatusView;
  [Topic.AGENTS]: AgentStatusView;
  [Topic.CENTER]: InteractionChangedMessage;
  [Topic.DIRECTORY]: { what: DirectoryPart; campaignId: string | null };
  [Topic.CALL]: CallEventMessage;
  [Topic.CALLS]: { callId: string };
  [Topic.PERSON]: InternalMessageView;
  [Topic.CONTROL]: ControlEvent;
  [Topic.OFFLINE]: { campaignId: string };
}

/** A call changed, or one party signalled the other (WebRTC offer, answer, ICE candidate). */
export interface CallEventMessage {
  type: 'REQUESTED' | 'ACCEPTED' | 'DECLINED' | 'ENDED' | 'SIGNAL';
  call: {
    id: string;
    interactionId: string | null;
    agentId: string;
    supervisorId: string | null;
    kind: string;
    state: string;
    requestedAt: string;
    startedAt: string | null;
    endedAt: string | null;
    seconds: number | null;
    endReason: string | null;
    endedBy: 'CUSTOMER' | 'AGENT' | 'SUPERVISOR' | null;
  };
  from: 'CUSTOMER' | 'AGENT' | 'SUPERVISOR' | null;
  signal: { kind: string; payload: string } | null;
  /** Where the event is stored: a party that reconnects resumes after the last one it heard. */
  cursor: string;
}

/** A payload each of the topics `T` carries (the intersection of their payloads, not the union). */
type CarriedByAll<T extends Topic> = (T extends Topic ? (p: TopicPayloads[T]) => void : never) extends (p: infer P) => void ? P : never;

/** Typed access to the bus with a per-deployment channel prefix. */
export class Topics {
  constructor(
    readonly bus: Bus,
    private readonly prefix: string,
  ) {}

  channel(topic: Topic, id?: string): string {
    return id === undefined ? `${this.prefix}:${topic}` : `${this.prefix}:${topic}:${id}`;
  }

  private readonly localWatchers = new Map<Topic, Set<() => void>>();

  publish<T extends Topic>(topic: T, id: string | undefined, payload: TopicPayloads[T]): Promise<void> {
    return this.publishAll([[topic, id]], payload as CarriedByAll<T>); // one topic: the same type
  }

  /** One payload on several topics (a change on its chat's, campaign's and trays' channels), serialised once; it must be what every one of them carries. */
  publishAll<T extends Topic>(targets: readonly (readonly [T, string | undefined])[], payload: CarriedByAll<T>): Promise<void> {
    for (const [topic] of targets) for (const watcher of this.localWatchers.get(topic) ?? []) watcher();
    const channels = targets.map(([topic, id]) => this.channel(topic, id));
    return this.bus.publish(channels.length === 1 ? channels[0]! : channels, payload);
  }

  /**
   * Calls `onChange` whenever any process publishes on one of these (id-less) topics, and at once,
   * before the broker echoes it, when this process does: a cache invalidated this way is never stale
   * for a request that follows this process's own change.
   */
  async watch(topics: Topic[], onChange: () => void): Promise<() => void> {
    for (const t of topics) (this.localWatchers.get(t) ?? this.localWatchers.set(t, new Set()).get(t)!).add(onChange);
    const stops = await Promise.all(topics.map((t) => this.bus.subscribe(this.channel(t), onChange)));
    return () => {
      for (const t of topics) this.localWatchers.get(t)?.delete(onChange);
      for (const stop of stops) stop();
    };
  }

  subscribe<T extends Topic>(topic: T, id: string | undefined, listener: (payload: TopicPayloads[T]) => void): Promise<() => void> {
    return this.bus.subscribe(this.channel(topic, id), listener as (p: unknown) => void);
  }
}
