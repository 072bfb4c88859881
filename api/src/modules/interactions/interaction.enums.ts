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

/** What happened to an interaction, as kept in its event trail and sent to subscribers. */
export enum InteractionEventType {
  STARTED = 'STARTED',
  HANDED_OFF = 'HANDED_OFF',
  TAKEN = 'TAKEN',
  RETURNED = 'RETURNED',
  TRANSFERRED = 'TRANSFERRED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  JOINED = 'JOINED',
  NOTE_ADDED = 'NOTE_ADDED',
  TAGS_SET = 'TAGS_SET',
  EXPERTISE_SET = 'EXPERTISE_SET',
  CONTACT_EXPIRED = 'CONTACT_EXPIRED',
  CLOSED = 'CLOSED',
}
