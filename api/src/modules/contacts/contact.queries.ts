import { one, pgArray, type Row, rows } from '../../db/sql.js';
import type { KeysetPage } from '../../shared/connection.js';
import type { Context } from '../../shared/context.js';
import { badInput, forbidden, notFound, unauthenticated } from '../../shared/errors.js';
import { isUuid } from '../../shared/ids.js';
import { campaignSql, type Scope } from '../auth/scope.rules.js';
import { scopeOf } from '../auth/viewer.js';
import { decodeCursor, foldSql, searchPattern } from '../interactions/interaction.queries.js';
import type { Channel } from '../interactions/interaction.enums.js';
import type { ContactState } from './contact.enums.js';
import { type InteractionView, toContactView } from '../interactions/interaction.view.js';
import { contactInScopeSql } from './contact.rules.js';

export interface ContactFilter {
  search?: string | null;
  states?: ContactState[] | null;
}

/** A contact as its record shows it; campaign, channel and count come from its conversations within the caller's campaigns. */
export type ContactRecordView = InteractionView['contact'] & {
  stateChangedAt: string;
  lastActivityAt: string;
  createdAt: string;
  campaign: { id: string; name: string; timeZone: string } | null;
  channel: Channel | null;
  conversationCount: number;
  /** The activity to the microsecond, for the cursor: a millisecond cut would skip contacts between the cut and the instant. */
  activityKey: string;
};

/**
 * A contact's last activity (`lastActivityAt`): its latest message (or its start) or its latest
 * move, whichever came last. The list orders by it (migration 20 indexes it) and the session window
 * is measured from it (contact-expiry.job.ts; migration 31 indexes the live contacts by it).
 */
export const contactActivitySql = (table: string): string => `greatest(coalesce(${table}.last_message_at, ${table}.created_at), ${table}.state_changed_at)`;

const ACTIVITY = contactActivitySql('ct');

/**
 * Who is listed is contactInScopeSql's rule alone; the lateral row then reads the latest of its
 * conversations in the caller's campaigns only, so a campaign the caller does not reach is never named
 * nor counted.
 */
function recordSql(scope: Scope, where: string): { sql: string; params: unknown[] } {
  const inScope = contactInScopeSql(scope, 'ct.id');
  const reached = campaignSql(scope, 'li.campaign_id');
  return {
    // The contact's columns are named as INTERACTION_VIEW_SQL names them, so one mapper reads both.
    sql: `select ct.id as contact_id, ct.name as contact_name, ct.email as contact_email, ct.phone as contact_phone, ct.external_id as contact_external_id,
                 ct.country as contact_country, ct.language as contact_language, ct.state as contact_state, ct.previous_state as contact_previous_state,
                 ct.state_changed_at, ct.created_at,
                 ${ACTIVITY} as active_at, to_char(${ACTIVITY} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as active_key, latest.campaign_id, latest.campaign_name, latest.campaign_time_zone, latest.channel, coalesce(latest.conversations, 0) as conversations
            from contacts ct
            left join lateral (select li.campaign_id, lc.name as campaign_name, lc.time_zone as campaign_time_zone, li.channel, count(*) over ()::int as conversations
                                 from interactions li join campaigns lc on lc.id = li.campaign_id
                                where li.contact_id = ct.id and ${reached.sql}
                                order by li.created_at desc limit 1) latest on true
           where ${inScope.sql} and ${where}`,
    params: [...reached.params, ...inScope.params],
  };
}

const iso = (d: Date | string) => new Date(d).toISOString();

function toRecord(r: Row): ContactRecordView {
  return {
    ...toContactView(r),
    stateChangedAt: iso(r.state_changed_at),
    lastActivityAt: iso(r.active_at),
    createdAt: iso(r.created_at),
    campaign: r.campaign_id ? { id: r.campaign_id, name: r.campaign_name, timeZone: r.campaign_time_zone } : null,
    channel: r.channel,
    conversationCount: r.conversations,
    activityKey: r.active_key,
  };
}

/** Staff and API keys read contacts; a customer in the widget knows only its own chat. */
function readerScope(ctx: Context): Scope {
  if (ctx.viewer.kind === 'ANONYMOUS') throw unauthenticated();
  if (ctx.viewer.kind === 'VISITOR') throw forbidden('Contacts are for staff and integrators');
  return scopeOf(ctx.viewer);
}

/** One contact within the caller's scope; anything else is NOT_FOUND, so a foreign id reveals nothing. */
export async function requireContact(ctx: Context, id: string): Promise<ContactRecordView> {
  const scope = readerScope(ctx);
  if (!isUuid(id)) throw notFound('Contact');
  const query = recordSql(scope, 'ct.id = ?');
  const found = await one(ctx.em, query.sql, [...query.params, id]);
  if (!found) throw notFound('Contact');
  return toRecord(found);
}

export const contactCursor = (v: ContactRecordView) => Buffer.from(`${v.activityKey}|${v.id}`).toString('base64url');

/** A page of the contacts within the caller's scope, newest activity first, keyset-paginated on (activity, id). */
export async function listContacts(ctx: Context, filter: ContactFilter, first: number, after: string | null, options: { count: boolean }): Promise<KeysetPage<ContactRecordView>> {
  const scope = readerScope(ctx);
  if (!Number.isInteger(first) || first < 1 || first > 200) throw badInput('first is between 1 and 200', 'first');
  const where: string[] = ['true'];
  const params: unknown[] = [];
  const search = filter.search?.trim();
  if (search) {
    const like = searchPattern(search);
    where.push(`(${foldSql('ct.name')} ilike ? or ct.email ilike ? or ct.phone ilike ? or ct.external_id ilike ?)`);
    params.push(like, like, like, like);
  }
  if (filter.states?.length) {
    where.push('ct.state = any(?::contact_state[])');
    params.push(pgArray(filter.states));
  }
  const counted = { where: where.join(' and '), params: [...params] };
  if (after) {
    const [at, id] = decodeCursor(after);
    where.push(`(${ACTIVITY}, ct.id) < (?::timestamptz, ?::uuid)`);
    params.push(at, id);
  }
  const query = recordSql(scope, where.join(' and '));
  const found = (await rows(ctx.em, `${query.sql} order by ${ACTIVITY} desc, ct.id desc limit ?`, [...query.params, ...params, first + 1])).map(toRecord);
  let totalCount: number | null = null;
  if (options.count) {
    const inScope = contactInScopeSql(scope, 'ct.id');
    totalCount = (await one<{ n: number }>(ctx.em, `select count(*)::int as n from contacts ct where ${inScope.sql} and ${counted.where}`, [...inScope.params, ...counted.params]))!.n;
  }
  return { nodes: found.slice(0, first), hasNextPage: found.length > first, totalCount };
}
