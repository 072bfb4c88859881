import { type Em, rows } from '../../db/sql.js';
import { RoutingStrategy } from '../campaigns/campaign.enums.js';
import { visibilitySql } from '../interactions/interaction.queries.js';
import { INTERACTION_VIEW_SQL, type InteractionView, toInteractionView } from '../interactions/interaction.view.js';
import { Role } from '../users/user.enums.js';
import type { Staff, WaitingCount } from './inbox.rules.js';

/** A queue's order, over the interactions aliased `alias`: the customer who has waited longest first, as the inbox shows it. */
const queueOrder = (alias: string) => `coalesce(${alias}.waiting_since, ${alias}.created_at), ${alias}.id`;

/** The open chats a supervisor's inbox starts with, the oldest first; later ones arrive as they change. */
export const WATCHED_SHOWN = 2000;

/**
 * What `isListed` holds for one person now, read in one statement: its own open chats and those
 * asking for help, the oldest `queueShown` of each tray it picks from; for a supervisor every open
 * chat it sees (the oldest WATCHED_SHOWN).
 */
export async function listedNow(em: Em, who: Staff, queueShown: number): Promise<InteractionView[]> {
  const vis = visibilitySql(who);
  if (who.role !== Role.AGENT) {
    const sql = `${INTERACTION_VIEW_SQL} where ${vis.sql} and i.phase <> 'CLOSED' order by i.created_at, i.id limit ?`;
    return (await rows(em, sql, [...vis.params, WATCHED_SHOWN])).map(toInteractionView);
  }
  const sql = `${INTERACTION_VIEW_SQL}
   where ${vis.sql} and i.phase <> 'CLOSED'
     and (i.agent_id = ? or (t.kind = 'PERSONAL' and t.owner_id = ?) or (i.phase = 'IN_SERVICE' and i.status = 'NEEDS_HELP')
          or exists (select 1 from interaction_participants ip where ip.interaction_id = i.id and ip.user_id = ? and ip.left_at is null)
          or i.id in (select id from (select q.id, row_number() over (partition by q.tray_id order by ${queueOrder('q')}) as place
                                        from interactions q join campaigns qc on qc.id = q.campaign_id
                                       where q.phase = 'WAITING' and qc.routing_strategy = 'MANUAL' and q.tray_id in (select id from trays where kind <> 'PERSONAL')) w
                       where w.place <= ?))
   order by ${queueOrder('i')}`;
  return (await rows(em, sql, [...vis.params, who.userId, who.userId, who.userId, queueShown])).map(toInteractionView);
}

/** Waiting chats per tray and campaign, across the center: a few rows, from the waiting chats' index. */
export async function waitingCounts(em: Em): Promise<WaitingCount[]> {
  const found = await rows(
    em,
    `select i.tray_id, i.campaign_id, t.kind as tray_kind, t.owner_id, count(*)::int as waiting
       from interactions i join trays t on t.id = i.tray_id
      where i.phase = 'WAITING' group by 1, 2, 3, 4`,
  );
  return found.map((r) => ({ trayId: r.tray_id, campaignId: r.campaign_id, trayKind: r.tray_kind, trayOwnerId: r.owner_id, waiting: r.waiting }));
}

/** The oldest `shown` waiting chats of a tray: what a capped queue lists when a place frees up. */
export async function oldestWaiting(em: Em, trayId: string, shown: number): Promise<InteractionView[]> {
  const sql = `${INTERACTION_VIEW_SQL} where i.id in (select q.id from interactions q where q.phase = 'WAITING' and q.tray_id = ?
                 order by ${queueOrder('q')} limit ?) order by ${queueOrder('i')}`;
  return (await rows(em, sql, [trayId, shown])).map(toInteractionView);
}

/** Each campaign's routing strategy: whether its agents pick from its trays. */
export async function routingStrategies(em: Em): Promise<Map<string, RoutingStrategy>> {
  return new Map((await rows(em, 'select id, routing_strategy from campaigns')).map((r) => [r.id as string, r.routing_strategy as RoutingStrategy]));
}
