import { INTERACTION_EVENT_TYPES } from './eventTypes';
/** One event of a chat's trail as the API gives it: `data` is the event's details, one shape per type. */
export interface TrailEvent {
  id: string;
  type: string;
  actorKind: string;
  actorId?: string | null;
  createdAt: string;
  data: Record<string, unknown>;
}

/** Who did it, as the trail names them. */
export type TrailActor = { kind: 'person'; name: string } | { kind: 'unknownPerson' } | { kind: 'customer' } | { kind: 'apiKey' } | { kind: 'system' };

/** One line of the History: when, who, what (`key`, a message under trail.event) and its words. */
export interface TrailLine {
  id: string;
  at: string;
  key: string;
  actor: TrailActor;
  params: Record<string, string>;
}

/** The trail's event types there are words for; another (added later to the API) shows its raw name. */
export const TRAIL_TYPES: readonly string[] = [...INTERACTION_EVENT_TYPES.filter((type) => type !== 'MESSAGE_ADDED'), 'RETURNED_LOGGED_OUT', 'LEFT_LOGGED_OUT'];

function actorOf(event: TrailEvent, names: ReadonlyMap<string, string>): TrailActor {
  switch (event.actorKind) {
    case 'USER': {
      const name = event.actorId ? names.get(event.actorId) : undefined;
      return name ? { kind: 'person', name } : { kind: 'unknownPerson' };
    }
    case 'CONTACT':
      return { kind: 'customer' };
    // The widget starts a chat before the customer has a token: that start is theirs, not the system's.
    case 'SYSTEM':
      return event.type === 'STARTED' ? { kind: 'customer' } : { kind: 'system' };
    case 'API_KEY':
      return { kind: 'apiKey' };
    default:
      return { kind: 'system' };
  }
}

const text = (value: unknown): string => (typeof value === 'string' ? value : Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(', ') : '');

/**
 * The History's lines, oldest first: each event with its actor named from `names` (people by id)
 * and the details worth reading: who took it, where it went, the note, the tags, the result.
 * Places (trays, teams) are named from `names` too when known.
 */
export function trailLines(events: readonly TrailEvent[], names: ReadonlyMap<string, string>): TrailLine[] {
  const name = (id: unknown) => (typeof id === 'string' ? (names.get(id) ?? '') : '');
  return [...events]
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || Number(a.id) - Number(b.id))
    .map((event) => {
      const { data } = event;
      const params: Record<string, string> = {};
      if (event.type === 'TAKEN') params.agent = name(data.agentId);
      if (event.type === 'TRANSFERRED') params.to = name(data.agentId) || name(data.teamId) || name(data.trayId);
      if (event.type === 'STATUS_CHANGED') Object.assign(params, { from: text(data.from), to: text(data.to) });
      if (event.type === 'CLOSED' || event.type === 'TAGS_SET' || event.type === 'EXPERTISE_SET') params.value = text(data.result ?? data.tags ?? data.expertise);
      if (event.type === 'TRANSCRIPT_SENT') params.to = text(data.to);
      if (typeof data.note === 'string' && data.note) params.note = data.note;
      // A sign-out's doing, told apart: its actor is whoever signed the agent out.
      if (event.type === 'LEFT' && data.reason === 'LOGGED_OUT') params.agent = name(data.agentId);
      const key = (event.type === 'RETURNED' || event.type === 'LEFT') && data.reason === 'LOGGED_OUT' ? `${event.type}_LOGGED_OUT` : event.type;
      return { id: event.id, at: event.createdAt, key, actor: actorOf(event, names), params };
    });
}
