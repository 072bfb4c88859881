import { type Em, rows } from '../../db/sql.js';
import { toStatusView, type AgentStatusView } from '../agents/agent.queries.js';
import type { Channel, InteractionStatus, Phase } from '../interactions/interaction.enums.js';
import type { ContactState } from '../contacts/contact.enums.js';
import type { TrayKind } from '../trays/tray.enums.js';

export interface OpenChatRow {
  id: string;
  protocol: string;
  channel: Channel;
  phase: Phase;
  status: InteractionStatus;
  campaignId: string;
  campaign: { id: string; name: string; timeZone: string };
  thresholds: [number, number, number];
  agentId: string | null;
  createdAt: Date;
  queuedAt: Date | null;
  /** When the customer first waited for a person (queuedAt is the time in the current tray). */
  waitingSince: Date | null;
  assignedAt: Date | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  contactState: ContactState;
  trayKind: TrayKind | null;
  contact: { name: string | null; email: string | null; phone: string | null; state: ContactState };
}

/** Every open chat, one query: the dashboard's raw material, shaped once per load rather than per request. */
export async function openChats(em: Em): Promise<OpenChatRow[]> {
  const found = await rows(
    em,
    `select i.id, i.protocol, i.channel, i.phase, i.status, i.campaign_id, c.name as campaign_name, c.time_zone as campaign_time_zone, c.thresholds_seconds,
            i.agent_id, i.created_at, i.queued_at, i.waiting_since, i.assigned_at, ct.name as contact_name, ct.email as contact_email, ct.phone as contact_phone,
            ct.state as contact_state, t.kind as tray_kind
       from interactions i join campaigns c on c.id = i.campaign_id join contacts ct on ct.id = i.contact_id left join trays t on t.id = i.tray_id
      where i.phase in ('BOT', 'WAITING', 'IN_SERVICE')`,
  );
  const campaigns = new Map<string, { id: string; name: string; timeZone: string }>();
  return found.map((r) => {
    let campaign = campaigns.get(r.campaign_id);
    if (!campaign) campaigns.set(r.campaign_id, (campaign = { id: r.campaign_id, name: r.campaign_name, timeZone: r.campaign_time_zone }));
    return {
      id: r.id,
      protocol: r.protocol,
      channel: r.channel,
      phase: r.phase,
      status: r.status,
      campaignId: r.campaign_id,
      campaign,
      thresholds: r.thresholds_seconds,
      agentId: r.agent_id,
      createdAt: new Date(r.created_at),
      queuedAt: r.queued_at ? new Date(r.queued_at) : null,
      waitingSince: r.waiting_since ? new Date(r.waiting_since) : null,
      assignedAt: r.assigned_at ? new Date(r.assigned_at) : null,
      contactName: r.contact_name,
      contactEmail: r.contact_email,
      contactPhone: r.contact_phone,
      contactState: r.contact_state,
      trayKind: r.tray_kind,
      contact: { name: r.contact_name, email: r.contact_email, phone: r.contact_phone, state: r.contact_state },
    };
  });
}

export interface MonitorAgentRow extends AgentStatusView {
  teamIds: string[];
  completedToday: number;
  onCall: boolean;
  securityGroupId: string | null;
  /** The campaigns it is a member of. */
  campaignIds: string[];
}

/**
 * Agents with their state, teams, and chats closed since midnight in each chat's campaign time zone.
 * Aggregates are grouped once rather than counted per agent: the dashboard asks for a thousand rows.
 */
export async function monitorAgents(em: Em, graceMs: number): Promise<MonitorAgentRow[]> {
  const found = await rows(
    em,
    `with active as (select agent_id, count(*)::int as n from interactions where phase = 'IN_SERVICE' and agent_id is not null group by agent_id),
          done as (select i.agent_id, count(*)::int as n from interactions i join campaigns c on c.id = i.campaign_id
                    where i.closed_at >= now() - interval '1 day' and i.phase = 'CLOSED' and i.agent_id is not null
                      and i.closed_at >= (date_trunc('day', now() at time zone c.time_zone) at time zone c.time_zone)
                    group by i.agent_id),
          present as (select distinct user_id from agent_connections where last_heartbeat_at > now() - make_interval(secs => ?::float / 1000)),
          memberships as (select user_id, array_agg(team_id) as ids from user_teams group by user_id),
          members as (select user_id, array_agg(campaign_id::text) as ids from campaign_members group by user_id)
     select u.id as user_id, u.name, u.max_concurrent_chats, s.paused, s.state, s.state_changed_at,
            pr.id as pause_reason_id, pr.name as pause_reason_name, pr.icon as pause_reason_icon,
            present.user_id is not null as connected, coalesce(active.n, 0) as active_chats,
            coalesce(done.n, 0) as completed_today, coalesce(memberships.ids, '{}') as team_ids,
            u.security_group_id, coalesce(members.ids, '{}') as campaign_ids,
            exists (select 1 from calls c where c.agent_id = u.id and c.state = 'ACCEPTED' and c.kind <> 'SCREEN') as on_call
       from users u
       join agent_status s on s.user_id = u.id
       left join pause_reasons pr on pr.id = s.pause_reason_id
       left join active on active.agent_id = u.id
       left join done on done.agent_id = u.id
       left join present on present.user_id = u.id
       left join memberships on memberships.user_id = u.id
       left join members on members.user_id = u.id
      where u.role = 'AGENT' and u.active`,
    [graceMs],
  );
  return found.map((r) => ({ ...toStatusView(r), teamIds: r.team_ids, completedToday: r.completed_today, onCall: r.on_call, securityGroupId: r.security_group_id, campaignIds: r.campaign_ids }));
}

export interface CampaignDayRow {
  campaignId: string;
  campaignName: string;
  campaignTimeZone: string;
  serviceLevelSeconds: number;
  queuedAt: Date | null;
  assignedAt: Date | null;
}

/**
 * Today's queued chats of every campaign (today in the campaign's time zone), for its service level:
 * from the customer's first wait to the first answer, whatever moves came between.
 */
export async function campaignsToday(em: Em): Promise<CampaignDayRow[]> {
  const found = await rows(
    em,
    `select c.id as campaign_id, c.name as campaign_name, c.time_zone as campaign_time_zone, c.service_level_seconds,
            i.waiting_since as queued_at, i.first_assigned_at as assigned_at
       from campaigns c
       left join interactions i on i.campaign_id = c.id and i.waiting_since >= now() - interval '1 day'
                               and i.waiting_since >= (date_trunc('day', now() at time zone c.time_zone) at time zone c.time_zone)`,
  );
  return found.map((r) => ({
    campaignId: r.campaign_id,
    campaignName: r.campaign_name,
    campaignTimeZone: r.campaign_time_zone,
    serviceLevelSeconds: r.service_level_seconds,
    queuedAt: r.queued_at ? new Date(r.queued_at) : null,
    assignedAt: r.assigned_at ? new Date(r.assigned_at) : null,
  }));
}

export async function teams(em: Em): Promise<{ id: string; name: string }[]> {
  return rows(em, 'select id, name from teams order by name');
}
