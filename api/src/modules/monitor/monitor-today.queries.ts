import { type Em, rows } from '../../db/sql.js';
import type { TodayCampaign, TodayChat } from './monitor-today.rules.js';

/** Today's raw material: every campaign with its clock and level, and the chats queued in the last day. */
export interface TodayData {
  campaigns: TodayCampaign[];
  chats: TodayChat[];
}

/**
 * No campaign's today began more than 25 hours ago (a day whose clocks go back), so this window
 * holds every chat of every campaign's today; `todayByHour` keeps those of each campaign's date.
 * The service level counts from the customer's first wait to the first answer, whatever moves came
 * between. The (campaign_id, waiting_since) index serves it.
 */
export async function todayData(em: Em): Promise<TodayData> {
  const [campaigns, chats] = await Promise.all([
    rows(em, 'select id, name, time_zone, service_level_seconds from campaigns order by name'),
    rows(
      em,
      `select campaign_id, waiting_since as queued_at, first_assigned_at as assigned_at, phase = 'CLOSED' and first_assigned_at is null as abandoned
         from interactions where waiting_since >= now() - interval '25 hours'`,
    ),
  ]);
  return {
    campaigns: campaigns.map((r) => ({ id: r.id, name: r.name, timeZone: r.time_zone, serviceLevelSeconds: r.service_level_seconds })),
    chats: chats.map((r) => ({ campaignId: r.campaign_id, queuedAt: new Date(r.queued_at), assignedAt: r.assigned_at ? new Date(r.assigned_at) : null, abandoned: r.abandoned })),
  };
}
