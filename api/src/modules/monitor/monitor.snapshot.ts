import { chatAlert, chatBand, ChatBand, type ChatThresholds } from '../campaigns/thresholds.rules.js';
import { Phase } from '../interactions/interaction.enums.js';
import { serviceLevel } from '../interactions/service-level.rules.js';
import { agentInScope, agentMatches, campaignMatches, chatMatches, type MonitorFilter } from './monitor.rules.js';
import type { CampaignDayRow, MonitorAgentRow, OpenChatRow } from './monitor.queries.js';

/** What the dashboard is drawn from: every open chat, agent, campaign day and team, as last loaded. */
export interface MonitorData {
  chats: OpenChatRow[];
  agents: MonitorAgentRow[];
  days: CampaignDayRow[];
  teams: { id: string; name: string }[];
}

export interface MonitorChatView {
  id: string;
  protocol: string;
  channel: OpenChatRow['channel'];
  phase: Phase;
  status: OpenChatRow['status'];
  campaign: { id: string; name: string; timeZone: string };
  agentId: string | null;
  contact: OpenChatRow['contact'];
  /** When the current phase began: started, queued or assigned. */
  since: Date;
  waitingSince: Date | null;
  band: ChatBand | null;
  alert: boolean;
}

export interface MonitorAgentView extends MonitorAgentRow {
  channels: string[];
  chats: MonitorChatView[];
  /** How many of its chats are in each band: the row's colours without listing every chat. */
  bands: { green: number; yellow: number; red: number };
  alert: boolean;
  onCall: boolean;
}

export interface MonitorSnapshot {
  generatedAt: Date;
  totals: { open: number; bot: number; waiting: number; inService: number };
  campaigns: { campaign: { id: string; name: string; timeZone: string }; serviceLevelSeconds: number; serviceLevel: number | null; queuedToday: number }[];
  agents: MonitorAgentView[];
  waiting: MonitorChatView[];
  bot: MonitorChatView[];
  inService: MonitorChatView[];
  teams: { team: { id: string; name: string }; agentIds: string[]; activeChats: number }[];
}

function chatView(c: OpenChatRow, now: Date): MonitorChatView {
  const held = c.phase === Phase.IN_SERVICE && c.assignedAt !== null;
  const since = (c.phase === Phase.IN_SERVICE ? c.assignedAt : c.phase === Phase.WAITING ? c.queuedAt : null) ?? c.createdAt;
  const thresholds = c.thresholds as unknown as ChatThresholds;
  return {
    id: c.id,
    protocol: c.protocol,
    channel: c.channel,
    phase: c.phase,
    status: c.status,
    campaign: c.campaign,
    agentId: c.agentId,
    contact: c.contact,
    since,
    waitingSince: c.waitingSince,
    band: held ? chatBand(thresholds, c.assignedAt!, now) : null,
    alert: held ? chatAlert(thresholds, c.assignedAt!, now) : false,
  };
}

const NO_TEAMS: readonly string[] = [];
const BAND_KEY = { [ChatBand.GREEN]: 'green', [ChatBand.YELLOW]: 'yellow', [ChatBand.RED]: 'red' } as const;

/** A list built on first read: a dashboard that does not ask for every chat does not pay for their views. */
function lazy<T>(make: () => T[]): { readonly list: T[] } {
  let made: T[] | null = null;
  return {
    get list() {
      return (made ??= make());
    },
  };
}

interface AgentTally {
  rows: OpenChatRow[];
  bands: { green: number; yellow: number; red: number };
  channels: Set<string>;
  alert: boolean;
}

/**
 * One consistent picture of the contact center, filtered as the supervisor asked: a pure function of
 * the loaded rows and the time, so every supervisor's view of one load agrees and only what depends
 * on the clock (bands, alerts, service level) is worked out per request. One pass over the chats
 * counts everything; the chat lists are built only when the query reads them.
 */
export function monitorSnapshot(data: MonitorData, filter: MonitorFilter, now = new Date()): MonitorSnapshot {
  const teamsOf = new Map<string, readonly string[]>();
  for (const a of data.agents) teamsOf.set(a.userId, a.teamIds);
  const waitingRows: OpenChatRow[] = [];
  const botRows: OpenChatRow[] = [];
  const servedRows: OpenChatRow[] = [];
  const byAgent = new Map<string, AgentTally>();
  for (const c of data.chats) {
    if (!chatMatches(filter, c, c.agentId ? (teamsOf.get(c.agentId) ?? NO_TEAMS) : NO_TEAMS)) continue;
    if (c.phase === Phase.WAITING) waitingRows.push(c);
    else if (c.phase === Phase.BOT) botRows.push(c);
    else {
      servedRows.push(c);
      if (!c.agentId) continue;
      let tally = byAgent.get(c.agentId);
      if (!tally) byAgent.set(c.agentId, (tally = { rows: [], bands: { green: 0, yellow: 0, red: 0 }, channels: new Set(), alert: false }));
      tally.rows.push(c);
      tally.channels.add(c.channel);
      if (c.assignedAt) {
        const thresholds = c.thresholds as unknown as ChatThresholds;
        tally.bands[BAND_KEY[chatBand(thresholds, c.assignedAt, now)]]++;
        tally.alert ||= chatAlert(thresholds, c.assignedAt, now);
      }
    }
  }
  const views = (list: OpenChatRow[]) => list.map((c) => chatView(c, now));
  // The customer who has waited longest, whatever moves came between, comes first.
  const waiting = views(waitingRows).sort((a, b) => (a.waitingSince ?? a.since).getTime() - (b.waitingSince ?? b.since).getTime());

  const perCampaign = new Map<string, { name: string; timeZone: string; level: number; chats: { queuedAt: Date; assignedAt: Date | null }[] }>();
  for (const d of data.days) {
    if (!campaignMatches(filter, d.campaignId)) continue;
    let entry = perCampaign.get(d.campaignId);
    if (!entry) perCampaign.set(d.campaignId, (entry = { name: d.campaignName, timeZone: d.campaignTimeZone, level: d.serviceLevelSeconds, chats: [] }));
    if (d.queuedAt) entry.chats.push({ queuedAt: d.queuedAt, assignedAt: d.assignedAt });
  }

  const agents: MonitorAgentView[] = [];
  for (const a of data.agents) {
    if (!agentMatches(filter, a.userId, a.teamIds, a)) continue;
    const tally = byAgent.get(a.userId);
    const chats = lazy(() => views(tally?.rows ?? []));
    agents.push({
      ...a,
      get chats() {
        return chats.list;
      },
      bands: tally?.bands ?? { green: 0, yellow: 0, red: 0 },
      channels: tally ? [...tally.channels] : [],
      alert: tally?.alert ?? false,
    });
  }
  const bot = lazy(() => views(botRows));
  const inService = lazy(() => views(servedRows));

  return {
    generatedAt: now,
    totals: { open: waitingRows.length + botRows.length + servedRows.length, bot: botRows.length, waiting: waitingRows.length, inService: servedRows.length },
    campaigns: [...perCampaign.entries()].map(([id, c]) => ({
      campaign: { id, name: c.name, timeZone: c.timeZone },
      serviceLevelSeconds: c.level,
      serviceLevel: serviceLevel(c.chats, c.level, now),
      queuedToday: c.chats.length,
    })),
    agents,
    waiting,
    get bot() {
      return bot.list;
    },
    get inService() {
      return inService.list;
    },
    teams: data.teams
      .filter((t) => !filter.teamIds.length || filter.teamIds.includes(t.id))
      .flatMap((t) => {
        const all = data.agents.filter((a) => a.teamIds.includes(t.id));
        const members = all.filter((a) => agentInScope(filter, a)).map((a) => a.userId);
        // As scope.rules' teamSql: a team of other groups' agents only is not there for this scope.
        if (all.length > 0 && members.length === 0) return [];
        return [{ team: t, agentIds: members, activeChats: members.reduce((n, id) => n + (byAgent.get(id)?.rows.length ?? 0), 0) }];
      }),
  };
}
