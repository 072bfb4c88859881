export enum Channel {
  WEBCHAT = 'WEBCHAT',
  WHATSAPP = 'WHATSAPP',
  SMS = 'SMS',
  EMAIL = 'EMAIL',
  FACEBOOK = 'FACEBOOK',
  API = 'API',
}

export enum Phase {
  BOT = 'BOT',
  WAITING = 'WAITING',
  IN_SERVICE = 'IN_SERVICE',
  CLOSED = 'CLOSED',
}

export enum InteractionStatus {
  IN_PROGRESS = 'IN_PROGRESS',
  WAITING_FOR_CUSTOMER = 'WAITING_FOR_CUSTOMER',
  NEEDS_HELP = 'NEEDS_HELP',
}

export enum InteractionResult {
  NO_ANSWER = 'NO_ANSWER',
  NOBODY_AVAILABLE = 'NOBODY_AVAILABLE',
  SUCCESS = 'SUCCESS',
  ESCALATED = 'ESCALATED',
}

/** Who caused an event of the trail. */
export enum ActorKind {
  /** A signed-in person: actorId is theirs. */
  USER = 'USER',
  /** An API key (a bot, a bridge, an integration): actorId is the key's. */
  API_KEY = 'API_KEY',
  /** The customer: actorId is the contact's. */
  CONTACT = 'CONTACT',
  /** Routing, when it assigns a chat. */
  ROUTING = 'ROUTING',
  /** Parley itself (a timed rule, a call's end). */
  SYSTEM = 'SYSTEM',
}

/** What happened to an interaction, as kept in its event trail and sent to subscribers. */
export enum InteractionEventType {
  STARTED = 'STARTED',
  HANDED_OFF = 'HANDED_OFF',
  TAKEN = 'TAKEN',
  RETURNED = 'RETURNED',
  TRANSFERRED = 'TRANSFERRED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  JOINED = 'JOINED',
  /** A participant left the conversation (the holder stays). */
  LEFT = 'LEFT',
  NOTE_ADDED = 'NOTE_ADDED',
  TAGS_SET = 'TAGS_SET',
  EXPERTISE_SET = 'EXPERTISE_SET',
  CONTACT_EXPIRED = 'CONTACT_EXPIRED',
  TRANSCRIPT_SENT = 'TRANSCRIPT_SENT',
  CALL_REQUESTED = 'CALL_REQUESTED',
  CALL_STARTED = 'CALL_STARTED',
  CALL_DECLINED = 'CALL_DECLINED',
  CALL_ENDED = 'CALL_ENDED',
  CLOSED = 'CLOSED',
  /**
   * A public message was posted (by the customer, an agent, a bot or Parley): its sequence, author,
   * body and attachments. Sent only to feeds and hooks that name it; internal messages never are.
   */
  MESSAGE_ADDED = 'MESSAGE_ADDED',
}

/** How a subscriber is told about one interaction. */
export enum ChangeKind {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  /** The interaction left the subscriber's sight: moved away or access removed. */
  REMOVED = 'REMOVED',
  /** The subscriber fell behind and events were dropped: refetch the list. */
  RESYNC = 'RESYNC',
}
