import { type Em, rows } from '../../db/sql.js';
import { STATUS_SQL, toStatusView, type AgentStatusView } from '../agents/agent.queries.js';
import type { Channel, InteractionStatus, Phase } from '../interactions/interaction.enums.js';

export interface OpenChatRow {
  id: string;
  protocol: string;
  channel: Channel;
  phase: Phase;
  status: InteractionStatus;
  campaignId: string;
  campaignName: string;
  thresholds: [number, number, number];
  agentId: string | null;
  createdAt: Date;
  queuedAt: Date | null;
  assignedAt: Date | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
}

/** Every open chat, one query: the dashboard's raw material. */
export async function openChats(em: Em): Promise<OpenChatRow[]> {
  const found = await rows(
    em,
    `select i.id, i.protocol, i.channel, i.phase, i.status, i.campaign_id, c.name as campaign_name, c.thresholds_seconds,
            i.agent_id, i.created_at, i.queued_at, i.assigned_at, ct.name as contact_name, ct.email as contact_email, ct.phone as contact_phone
       from interactions i join campaigns c on c.id = i.campaign_id join contacts ct on ct.id = i.contact_id
      where i.phase <> 'CLOSED'`,
  );
  return found.map((r) => ({
    id: r.id,
    protocol: r.protocol,
    channel: r.channel,
    phase: r.phase,
    status: r.status,
    campaignId: r.campaign_id,
    campaignName: r.campaign_name,
    thresholds: r.thresholds_seconds,
    agentId: r.agent_id,
    createdAt: r.created_at,
    queuedAt: r.queued_at,
    assignedAt: r.assigned_at,
    contactName: r.contact_name,
    contactEmail: r.contact_email,
    contactPhone: r.contact_phone,
  }));
}

export interface MonitorAgentRow extends AgentStatusView {
  teamIds: string[];
  completedToday: number;
}

/** Agents with their state, teams, and chats closed since midnight in each chat's campaign time zone. */
export async function monitorAgents(em: Em, graceMs: number): Promise<MonitorAgentRow[]> {
  const found = await rows(
    em,
    `select s.*, coalesce((select array_agg(team_id) from user_teams ut where ut.user_id = s.user_id), '{}') as team_ids,
            (select count(*)::int from interactions i join campaigns c on c.id = i.campaign_id
              where i.agent_id = s.user_id and i.phase = 'CLOSED'
                and i.closed_at >= (date_trunc('day', now() at time zone c.time_zone) at time zone c.time_zone)) as completed_today
       from (${STATUS_SQL} where u.role = 'AGENT' and u.active) s`,
    [graceMs],
  );
  return found.map((r) => ({ ...toStatusView(r), teamIds: r.team_ids, completedToday: r.completed_today }));
}

export interface CampaignDayRow {
  campaignId: string;
  campaignName: string;
  serviceLevelSeconds: number;
  queuedAt: Date | null;
  assignedAt: Date | null;
}

/** Today's queued chats of every campaign (today in the campaign's time zone), for its service level. */
export async function campaignsToday(em: Em): Promise<CampaignDayRow[]> {
  const found = await rows(
    em,
    `select c.id as campaign_id, c.name as campaign_name, c.service_level_seconds, i.queued_at, i.assigned_at
       from campaigns c
       left join interactions i on i.campaign_id = c.id and i.queued_at >= (date_trunc('day', now() at time zone c.time_zone) at time zone c.time_zone)`,
  );
  return found.map((r) => ({
    campaignId: r.campaign_id,
    campaignName: r.campaign_name,
    serviceLevelSeconds: r.service_level_seconds,
    queuedAt: r.queued_at,
    assignedAt: r.assigned_at,
  }));
}

export async function teams(em: Em): Promise<{ id: string; name: string }[]> {
  return rows(em, 'select id, name from teams order by name');
}
