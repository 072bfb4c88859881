import type { InteractionEventType } from '../../gql/graphql';

/**
 * Every type of the interaction trail, in the order a chat lives them. Written as the keys of a
 * record over the schema's enum, so a type added to the API fails the build until it is listed here.
 */
const ALL: Record<InteractionEventType, true> = {
  STARTED: true,
  HANDED_OFF: true,
  TAKEN: true,
  RETURNED: true,
  TRANSFERRED: true,
  STATUS_CHANGED: true,
  JOINED: true,
  LEFT: true,
  NOTE_ADDED: true,
  TAGS_SET: true,
  EXPERTISE_SET: true,
  CONTACT_EXPIRED: true,
  TRANSCRIPT_SENT: true,
  CALL_REQUESTED: true,
  CALL_STARTED: true,
  CALL_DECLINED: true,
  CALL_ENDED: true,
  CLOSED: true,
  MESSAGE_ADDED: true,
};

export const INTERACTION_EVENT_TYPES = Object.keys(ALL) as InteractionEventType[];
