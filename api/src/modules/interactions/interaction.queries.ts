import { one, rows, pgArray } from '../../db/sql.js';
import type { Context } from '../../shared/context.js';
import { badInput, unauthenticated } from '../../shared/errors.js';
import type { KeysetPage } from '../../shared/connection.js';
import { isUuid } from '../../shared/ids.js';
import { campaignSql, type SqlPart } from '../auth/scope.rules.js';
import { Role } from '../users/user.enums.js';
import type { InteractionResult, InteractionStatus, Phase } from './interaction.enums.js';
import { INTERACTION_VIEW_SQL, type InteractionView, toInteractionView } from './interaction.view.js';
import type { Onlooker } from './visibility.rules.js';

export interface InteractionFilter {
  trayId?: string | null;
  phases?: Phase[] | null;
  statuses?: InteractionStatus[] | null;
  campaignId?: string | null;
  contactId?: string | null;
  agentId?: string | null;
  results?: InteractionResult[] | null;
  createdFrom?: Date | null;
  createdTo?: Date | null;
  search?: string | null;
}

export enum InteractionOrder {
  NEWEST_FIRST = 'NEWEST_FIRST',
  OLDEST_FIRST = 'OLDEST_FIRST',
}

/** The visibility table as SQL over INTERACTION_VIEW_SQL's aliases, within the onlooker's scope; mirrors visibility.rules.ts. */
export function visibilitySql(who: Onlooker): SqlPart {
  const publicRows = "(i.phase in ('BOT', 'CLOSED') or ct.state = 'EXPIRED' or t.kind = 'CLOSED')";
  switch (who.kind) {
    case 'NOBODY':
      return { sql: 'false', params: [] };
    case 'VISITOR':
      return { sql: 'i.id = ?', params: [who.interactionId] };
    case 'KEY': {
      const scope = campaignSql(who.scope, 'i.campaign_id');
      const sees = who.supervise ? 'true' : publicRows;
      if (!who.bridge) return { sql: `(${scope.sql} and ${sees})`, params: scope.params };
      return { sql: `(${scope.sql} and (${sees} or i.started_by_key_id = ?))`, params: [...scope.params, who.keyId] };
    }
    case 'STAFF': {
      const scope = campaignSql(who.scope, 'i.campaign_id');
      if (who.role !== Role.AGENT) return scope;
      return {
        sql: `(${scope.sql} and (${publicRows}
               or (i.phase = 'IN_SERVICE' and (i.agent_id = ? or i.status = 'NEEDS_HELP'))
               or exists (select 1 from interaction_participants ip where ip.interaction_id = i.id and ip.user_id = ? and ip.left_at is null)
               or (i.phase = 'WAITING'
                   and (t.kind = 'GENERAL' or (t.kind = 'PERSONAL' and t.owner_id = ?) or (t.kind = 'CUSTOM' and t.id = any(?::uuid[]))))))`,
        params: [...scope.params, who.userId, who.userId, who.userId, pgArray([...who.customTrayIds])],
      };
    }
  }
}

export type Page = KeysetPage<InteractionView>;

const encodeCursor = (v: InteractionView) => Buffer.from(`${v.createdAt}|${v.id}`).toString('base64url');

/** A keyset cursor's (instant, id); BAD_USER_INPUT when it is not one. */
export function decodeCursor(cursor: string): [string, string] {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!at || !id || !isUuid(id) || Number.isNaN(Date.parse(at))) throw badInput('Invalid cursor', 'after');
  return [at, id];
}

export { encodeCursor };

/** Text as a search compares it: "jose" finds "José" (the web app folds its own filters the same way). */
const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** An ILIKE pattern finding the folded search text anywhere; BAD_USER_INPUT when it is too long. */
export function searchPattern(search: string): string {
  if (search.length > 200) throw badInput('Search text is too long', 'filter.search');
  return `%${fold(search).replace(/[\\%_]/g, (c) => '\\' + c)}%`;
}

/** The same folding in SQL, for the letters of Parley's languages, whatever the database's locale. */
const ACCENTED = 'ÁÀÂÃÄÅÉÈÊËÍÌÎÏÓÒÔÕÖÚÙÛÜÇÑÝáàâãäåéèêëíìîïóòôõöúùûüçñý';
const PLAIN = 'AAAAAAEEEEIIIIOOOOOUUUUCNYaaaaaaeeeeiiiiooooouuuucny';
export const foldSql = (column: string) => `translate(coalesce(${column}, ''), '${ACCENTED}', '${PLAIN}')`;

/** A page of the interactions the viewer may see, keyset-paginated on (createdAt, id). */
export async function listInteractions(
  ctx: Context,
  filter: InteractionFilter,
  first: number,
  after: string | null,
  order: InteractionOrder,
  options: { count: boolean } = { count: true },
): Promise<Page> {
  if (ctx.viewer.kind === 'ANONYMOUS') throw unauthenticated();
  if (!Number.isInteger(first) || first < 1 || first > 200) throw badInput('first is between 1 and 200', 'first');
  const vis = visibilitySql(ctx.onlooker());
  const where: string[] = [vis.sql];
  const params: unknown[] = [...vis.params];
  const add = (condition: string, value: unknown) => {
    where.push(condition);
    params.push(value);
  };
  if (filter.trayId) add('i.tray_id = ?', filter.trayId);
  if (filter.campaignId) add('i.campaign_id = ?', filter.campaignId);
  if (filter.contactId) add('i.contact_id = ?', filter.contactId);
  if (filter.agentId) add('i.agent_id = ?', filter.agentId);
  if (filter.results?.length) add('i.result = any(?::interaction_result[])', pgArray(filter.results));
  if (filter.createdFrom) add('i.created_at >= ?', filter.createdFrom);
  if (filter.createdTo) add('i.created_at < ?', filter.createdTo);
  if (filter.phases?.length) add('i.phase = any(?::phase[])', pgArray(filter.phases));
  if (filter.statuses?.length) add('i.status = any(?::interaction_status[])', pgArray(filter.statuses));
  const search = filter.search?.trim();
  if (search) {
    const like = searchPattern(search);
    where.push(`(${foldSql('ct.name')} ilike ? or ct.email ilike ? or ct.phone ilike ? or ${foldSql('c.name')} ilike ? or i.protocol ilike ?)`);
    params.push(like, like, like, like, like);
  }
  const countWhere = where.join(' and ');
  const countParams = [...params];
  const desc = order === InteractionOrder.NEWEST_FIRST;
  if (after) {
    const [at, id] = decodeCursor(after);
    where.push(desc ? '(i.created_at, i.id) < (?::timestamptz, ?::uuid)' : '(i.created_at, i.id) > (?::timestamptz, ?::uuid)');
    params.push(at, id);
  }
  const dir = desc ? 'desc' : 'asc';
  const found = await rows(ctx.em, `${INTERACTION_VIEW_SQL} where ${where.join(' and ')} order by i.created_at ${dir}, i.id ${dir} limit ?`, [...params, first + 1]);
  // The total costs a scan: only for a reader who shows it, not for one going through the pages.
  if (!options.count) return { nodes: found.slice(0, first).map(toInteractionView), hasNextPage: found.length > first, totalCount: null };
  const total = await one<{ n: number }>(
    ctx.em,
    `select count(*)::int as n from interactions i join campaigns c on c.id = i.campaign_id join contacts ct on ct.id = i.contact_id
       left join trays t on t.id = i.tray_id where ${countWhere}`,
    countParams,
  );
  return { nodes: found.slice(0, first).map(toInteractionView), hasNextPage: found.length > first, totalCount: total!.n };
}
