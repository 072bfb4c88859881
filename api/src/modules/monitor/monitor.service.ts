import type { Em } from '../../db/sql.js';
import { chatAlert, chatBand, type ChatBand, type ChatThresholds } from '../campaigns/thresholds.rules.js';
import { Phase } from '../interactions/interaction.enums.js';
import { serviceLevel } from '../interactions/service-level.rules.js';
import { agentMatches, chatMatches, type MonitorFilter } from './monitor.rules.js';
import { campaignsToday, monitorAgents, type MonitorAgentRow, openChats, type OpenChatRow, teams } from './monitor.queries.js';

export interface MonitorChatView {
  id: string;
  protocol: string;
  channel: OpenChatRow['channel'];
  phase: Phase;
  status: OpenChatRow['status'];
  campaign: { id: string; name: string };
  agentId: string | null;
  contact: { name: string | null; email: string | null; phone: string | null };
  /** When the current phase began: started, queued or assigned. */
  since: string;
  band: ChatBand | null;
  alert: boolean;
}

export interface MonitorSnapshot {
  generatedAt: string;
  totals: { open: number; bot: number; waiting: number; inService: number };
  campaigns: { campaign: { id: string; name: string }; serviceLevelSeconds: number; serviceLevel: number | null; queuedToday: number }[];
  agents: (Omit<MonitorAgentRow, 'teamIds'> & { teamIds: string[]; channels: string[]; chats: MonitorChatView[]; alert: boolean; onCall: boolean })[];
  waiting: MonitorChatView[];
  bot: MonitorChatView[];
  inService: MonitorChatView[];
  teams: { team: { id: string; name: string }; agentIds: string[]; activeChats: number }[];
}

function chatView(c: OpenChatRow, now: Date): MonitorChatView {
  const since = (c.phase === Phase.IN_SERVICE ? c.assignedAt : c.phase === Phase.WAITING ? c.queuedAt : null) ?? c.createdAt;
  const held = c.phase === Phase.IN_SERVICE && c.assignedAt;
  const thresholds = c.thresholds as unknown as ChatThresholds;
  return {
    id: c.id,
    protocol: c.protocol,
    channel: c.channel,
    phase: c.phase,
    status: c.status,
    campaign: { id: c.campaignId, name: c.campaignName },
    agentId: c.agentId,
    contact: { name: c.contactName, email: c.contactEmail, phone: c.contactPhone },
    since: new Date(since).toISOString(),
    band: held ? chatBand(thresholds, new Date(c.assignedAt!), now) : null,
    alert: held ? chatAlert(thresholds, new Date(c.assignedAt!), now) : false,
  };
}

/** One consistent picture of the contact center, filtered as the supervisor asked. */
export async function monitorSnapshot(em: Em, filter: MonitorFilter, graceMs: number, now = new Date()): Promise<MonitorSnapshot> {
  const [chats, agents, days, allTeams] = await Promise.all([openChats(em), monitorAgents(em, graceMs), campaignsToday(em), teams(em)]);
  const teamsOf = new Map(agents.map((a) => [a.userId, a.teamIds]));
  const visible = chats.filter((c) => chatMatches(filter, { ...c }, c.agentId ? (teamsOf.get(c.agentId) ?? []) : []));
  const views = visible.map((c) => chatView(c, now));
  const byAgent = new Map<string, MonitorChatView[]>();
  for (const v of views) if (v.agentId && v.phase === Phase.IN_SERVICE) byAgent.set(v.agentId, [...(byAgent.get(v.agentId) ?? []), v]);

  const perCampaign = new Map<string, { name: string; level: number; chats: { queuedAt: Date; assignedAt: Date | null }[] }>();
  for (const d of days) {
    if (filter.campaignIds.length && !filter.campaignIds.includes(d.campaignId)) continue;
    const entry = perCampaign.get(d.campaignId) ?? { name: d.campaignName, level: d.serviceLevelSeconds, chats: [] };
    if (d.queuedAt) entry.chats.push({ queuedAt: new Date(d.queuedAt), assignedAt: d.assignedAt ? new Date(d.assignedAt) : null });
    perCampaign.set(d.campaignId, entry);
  }

  const agentRows = agents
    .filter((a) => agentMatches(filter, a.userId, a.teamIds))
    .map((a) => {
      const mine = byAgent.get(a.userId) ?? [];
      return { ...a, chats: mine, channels: [...new Set(mine.map((c) => c.channel))], alert: mine.some((c) => c.alert), onCall: false };
    });

  return {
    generatedAt: now.toISOString(),
    totals: {
      open: views.length,
      bot: views.filter((v) => v.phase === Phase.BOT).length,
      waiting: views.filter((v) => v.phase === Phase.WAITING).length,
      inService: views.filter((v) => v.phase === Phase.IN_SERVICE).length,
    },
    campaigns: [...perCampaign.entries()].map(([id, c]) => ({
      campaign: { id, name: c.name },
      serviceLevelSeconds: c.level,
      serviceLevel: serviceLevel(c.chats, c.level, now),
      queuedToday: c.chats.length,
    })),
    agents: agentRows,
    waiting: views.filter((v) => v.phase === Phase.WAITING).sort((a, b) => a.since.localeCompare(b.since)),
    bot: views.filter((v) => v.phase === Phase.BOT),
    inService: views.filter((v) => v.phase === Phase.IN_SERVICE),
    teams: allTeams
      .filter((t) => !filter.teamIds.length || filter.teamIds.includes(t.id))
      .map((t) => {
        const members = agents.filter((a) => a.teamIds.includes(t.id)).map((a) => a.userId);
        return { team: t, agentIds: members, activeChats: members.reduce((n, id) => n + (byAgent.get(id)?.length ?? 0), 0) };
      }),
  };
}
