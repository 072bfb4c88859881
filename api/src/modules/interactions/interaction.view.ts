import type { Row } from '../../db/sql.js';
import type { ContactState } from '../contacts/contact.enums.js';
import type { TrayKind } from '../trays/tray.enums.js';
import type { Channel, InteractionResult, InteractionStatus, Phase } from './interaction.enums.js';

/**
 * An interaction as plain JSON: what queries return and what events carry, so a subscriber can
 * be answered without touching the database.
 */
export interface InteractionView {
  id: string;
  protocol: string;
  channel: Channel;
  phase: Phase;
  status: InteractionStatus;
  result: InteractionResult | null;
  /** The campaign's no-answer timeout rides along so a send need not look it up again. */
  campaign: { id: string; name: string; timeZone: string; noAnswerTimeoutSeconds: number | null };
  contact: {
    id: string;
    name: string | null;
    email: string | null;
    phone: string | null;
    externalId: string | null;
    country: string | null;
    language: string | null;
    state: ContactState;
    previousState: ContactState | null;
  };
  tray: { id: string; name: string; kind: TrayKind; ownerId: string | null } | null;
  agent: { id: string; name: string } | null;
  /** People who joined besides the holder and have not left: they write in it and see it until it closes. */
  participants: { id: string; name: string; joinedAt: string }[];
  botAnswers: { key: string; value: string }[];
  expertise: string[];
  tags: string[];
  country: string | null;
  language: string | null;
  lastSequence: number;
  /** Counts the changes a rule may read (not messages): a view whose revision is current still decides. */
  revision: number;
  /** Times it was handed on between operators: a SUCCESS then ends ESCALATED. */
  transferCount: number;
  /** The API key that started it: a CHANNEL key writes its customer's side and sees it throughout. */
  startedByKeyId: string | null;
  createdAt: string;
  queuedAt: string | null;
  waitingSince: string | null;
  assignedAt: string | null;
  firstAssignedAt: string | null;
  closedAt: string | null;
  updatedAt: string;
}

/**
 * A chat (again) waits in a tray: the time in this place restarts, the customer's wait does not
 * (it counts from when they first waited for a person).
 */
export const QUEUED_NOW = 'queued_at = now(), waiting_since = coalesce(waiting_since, now())';

/**
 * One select for every reader, so queries and events show the same shape. `source` may name a
 * statement's own `returning i.*` (a close answers with the view it made, read in the same statement);
 * `also` adds columns a caller needs beside the view.
 */
export const interactionViewSql = (source = 'interactions', also = ''): string => `
select i.id, i.protocol, i.channel, i.phase, i.status, i.result, i.bot_answers, i.expertise, i.country, i.language,
       i.last_sequence, i.revision, i.transfer_count, i.started_by_key_id, i.created_at, i.queued_at, i.waiting_since, i.assigned_at, i.first_assigned_at, i.closed_at, i.updated_at,
       c.id as campaign_id, c.name as campaign_name, c.time_zone as campaign_time_zone, c.no_answer_timeout_seconds,
       ct.id as contact_id, ct.name as contact_name, ct.email as contact_email, ct.phone as contact_phone,
       ct.external_id as contact_external_id, ct.country as contact_country, ct.language as contact_language,
       ct.state as contact_state, ct.previous_state as contact_previous_state,
       t.id as tray_id, t.name as tray_name, t.kind as tray_kind, t.owner_id as tray_owner_id,
       u.id as agent_id, u.name as agent_name,
       coalesce((select json_agg(json_build_object('id', pu.id, 'name', pu.name, 'joinedAt', p.joined_at) order by p.joined_at)
                   from interaction_participants p join users pu on pu.id = p.user_id
                  where p.interaction_id = i.id and p.left_at is null), '[]') as participants,
       coalesce((select array_agg(tg.name order by tg.name) from interaction_tags it join tags tg on tg.id = it.tag_id
                 where it.interaction_id = i.id), '{}') as tag_names${also ? `, ${also}` : ''}
  from ${source} i
  join campaigns c on c.id = i.campaign_id
  join contacts ct on ct.id = i.contact_id
  left join trays t on t.id = i.tray_id
  left join users u on u.id = i.agent_id`;

export const INTERACTION_VIEW_SQL = interactionViewSql();

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/** The contact of a row that selects INTERACTION_VIEW_SQL's `contact_*` columns. */
export function toContactView(r: Row): InteractionView['contact'] {
  return {
    id: r.contact_id,
    name: r.contact_name,
    email: r.contact_email,
    phone: r.contact_phone,
    externalId: r.contact_external_id,
    country: r.contact_country,
    language: r.contact_language,
    state: r.contact_state,
    previousState: r.contact_previous_state,
  };
}

export function toInteractionView(r: Row): InteractionView {
  return {
    id: r.id,
    protocol: r.protocol,
    channel: r.channel,
    phase: r.phase,
    status: r.status,
    result: r.result,
    campaign: { id: r.campaign_id, name: r.campaign_name, timeZone: r.campaign_time_zone, noAnswerTimeoutSeconds: r.no_answer_timeout_seconds },
    contact: toContactView(r),
    tray: r.tray_id ? { id: r.tray_id, name: r.tray_name, kind: r.tray_kind, ownerId: r.tray_owner_id } : null,
    agent: r.agent_id ? { id: r.agent_id, name: r.agent_name } : null,
    participants: (r.participants ?? []).map((p: { id: string; name: string; joinedAt: string }) => ({ ...p, joinedAt: iso(p.joinedAt)! })),
    botAnswers: r.bot_answers ?? [],
    expertise: r.expertise ?? [],
    tags: r.tag_names ?? [],
    country: r.country,
    language: r.language,
    lastSequence: r.last_sequence,
    revision: r.revision ?? 0,
    transferCount: r.transfer_count ?? 0,
    startedByKeyId: r.started_by_key_id,
    createdAt: iso(r.created_at)!,
    queuedAt: iso(r.queued_at),
    waitingSince: iso(r.waiting_since),
    assignedAt: iso(r.assigned_at),
    firstAssignedAt: iso(r.first_assigned_at),
    closedAt: iso(r.closed_at),
    updatedAt: iso(r.updated_at)!,
  };
}
