import { ACTIVE_CHATS_SQL, CONNECTED_SQL } from '../agents/agent.sql.js';
import { CUSTOM_TRAY_IDS_SQL } from '../trays/tray-access.sql.js';
import { type Em, one, rows, pgArray } from '../../db/sql.js';
import type { Deps } from '../../server/deps.js';
import { RoutingStrategy } from '../campaigns/campaign.enums.js';
import { ContactState } from '../contacts/contact.enums.js';
import { InteractionStatus, Phase } from '../interactions/interaction.enums.js';
import { publishChange, publishMessages } from '../interactions/interaction.events.js';
import { INTERACTION_VIEW_SQL, toInteractionView } from '../interactions/interaction.view.js';
import { assignWithin } from '../interactions/assignment.service.js';
import { type CampaignMessages, type Language } from '../campaigns/campaign.enums.js';
import { campaignText } from '../campaigns/campaign.rules.js';
import type { InteractionView } from '../interactions/interaction.view.js';
import type { MessageView } from '../messages/message.view.js';
// agent.service calls back into routing; CommonJS resolves the cycle because both sides use each other only at call time.
import { refreshAgent } from '../agents/agent.service.js';

import { orderQueue, pickAgent, type RoutingCandidate, type WaitingChat } from './routing.rules.js';

/** How many waiting chats one routing pass considers; the rest wait for the next event. */
const PASS_SIZE = 200;

interface Candidate extends RoutingCandidate {
  customTrayIds: string[];
}

interface Queued extends WaitingChat {
  trayId: string;
  trayKind: 'GENERAL' | 'CUSTOM';
}

interface Assignment {
  interactionId: string;
  agentId: string;
  messages: MessageView[];
}

/**
 * One routing pass for a campaign: every waiting chat, oldest first, goes to the agent its
 * strategy picks, never above an agent's maximum. A transaction-scoped advisory lock per campaign
 * makes passes from all processes take turns, so each chat is decided once; the agent's row lock
 * keeps a concurrent manual take from pushing it over capacity.
 */
export async function routeCampaign(deps: Deps, campaignId: string): Promise<number> {
  const em = deps.orm.em.fork();
  const assignments = await em.transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`parley:route:${campaignId}`]);
    const campaign = await one<{ routing_strategy: RoutingStrategy; skills_widening_seconds: number; messages: CampaignMessages; default_language: Language }>(
      tx,
      'select routing_strategy, skills_widening_seconds, messages, default_language from campaigns where id = ?',
      [campaignId],
    );
    if (!campaign || campaign.routing_strategy === RoutingStrategy.MANUAL) return [];
    const queue = await waitingChats(tx, campaignId);
    if (queue.length === 0) return [];
    const candidates = await candidatesFor(tx, campaignId, deps.config.PRESENCE_GRACE_MS);
    const now = new Date();
    const done: Assignment[] = [];
    for (const chat of orderQueue(queue)) {
      const pool = candidates.filter((c) => chat.trayKind === 'GENERAL' || c.customTrayIds.includes(chat.trayId));
      const agentId = pickAgent(campaign.routing_strategy, chat, pool, now, { skillsWideningSeconds: campaign.skills_widening_seconds });
      if (!agentId) continue;
      const candidate = candidates.find((c) => c.agentId === agentId)!;
      const greeting = campaignText(campaign.messages, 'agentGreeting', chat.language, campaign.default_language);
      const assigned = await assign(tx, chat, candidate, greeting);
      if (assigned) done.push(assigned);
    }
    return done;
  });
  await announce(deps, em, assignments);
  return assignments.length;
}

async function waitingChats(tx: Em, campaignId: string): Promise<Queued[]> {
  const found = await rows(
    tx,
    `select i.id, i.queued_at, coalesce(i.language, ct.language) as language, i.expertise, i.tray_id, t.kind as tray_kind
       from interactions i join trays t on t.id = i.tray_id join contacts ct on ct.id = i.contact_id
      where i.campaign_id = ? and i.phase = 'WAITING' and t.kind in ('GENERAL', 'CUSTOM')
      order by i.queued_at, i.id limit ?`,
    [campaignId, PASS_SIZE],
  );
  return found.map((r) => ({
    id: r.id,
    queuedAt: new Date(r.queued_at),
    language: r.language,
    requiredSkills: r.expertise ?? [],
    trayId: r.tray_id,
    trayKind: r.tray_kind,
  }));
}

/** The campaign's agents (its members, or every agent when it names none) as routing sees them. */
async function candidatesFor(tx: Em, campaignId: string, graceMs: number): Promise<Candidate[]> {
  const found = await rows(
    tx,
    `select u.id, u.max_concurrent_chats, u.languages, u.skills, s.paused, s.last_assigned_at, s.idle_since,
            ${CONNECTED_SQL} as connected, ${ACTIVE_CHATS_SQL} as active_chats, ${CUSTOM_TRAY_IDS_SQL} as custom_tray_ids
       from users u join agent_status s on s.user_id = u.id
      where u.role = 'AGENT' and u.active
        and (not exists (select 1 from campaign_members m where m.campaign_id = ?)
             or exists (select 1 from campaign_members m where m.campaign_id = ? and m.user_id = u.id))`,
    [graceMs, campaignId, campaignId],
  );
  return found.map((r) => ({
    agentId: r.id,
    connected: r.connected,
    paused: r.paused,
    activeChats: r.active_chats,
    maxConcurrentChats: r.max_concurrent_chats,
    languages: r.languages,
    skills: r.skills,
    lastAssignedAt: r.last_assigned_at ? new Date(r.last_assigned_at) : null,
    idleSince: r.idle_since ? new Date(r.idle_since) : null,
    assignedToday: 0,
    customTrayIds: r.custom_tray_ids,
  }));
}

async function assign(tx: Em, chat: Queued, candidate: Candidate, greeting: string | null): Promise<Assignment | null> {
  const outcome = await assignWithin(tx, chat.id, candidate.agentId, { kind: 'ROUTING', id: null }, greeting);
  candidate.activeChats = outcome.active + (outcome.assigned ? 1 : 0);
  if (!outcome.assigned) return null;
  candidate.lastAssignedAt = new Date();
  return { interactionId: chat.id, agentId: candidate.agentId, messages: outcome.greeting ? [outcome.greeting] : [] };
}

/** After commit: every subscriber learns of the assignment, and the agents' states move on. */
async function announce(deps: Deps, em: Em, assignments: Assignment[]): Promise<void> {
  if (assignments.length === 0) return;
  const found = await rows(em, `${INTERACTION_VIEW_SQL} where i.id = any(?::uuid[])`, [pgArray(assignments.map((a) => a.interactionId))]);
  for (const view of found.map(toInteractionView)) {
    // Subscribers who saw it waiting must hear that it left their sight. Assignment changes only the
    // phase, agent, status and contact state, and the contact keeps its state from before beside the
    // new one (EXPIRED stays visible to everyone), so the waiting view is exact without a second read.
    const waiting: InteractionView = {
      ...view,
      phase: Phase.WAITING,
      agent: null,
      status: InteractionStatus.IN_PROGRESS,
      contact: { ...view.contact, state: view.contact.previousState ?? ContactState.TRAY },
    };
    await publishChange(deps, view, waiting);
  }
  await publishMessages(deps, assignments.flatMap((a) => a.messages));
  for (const agentId of new Set(assignments.map((a) => a.agentId))) await refreshAgent(deps, agentId);
}

/** Routes every campaign an agent works on: called when it may take more (connected, resumed, freed). */
export async function routeForAgent(deps: Deps, userId: string): Promise<void> {
  for (const id of await campaignsOf(deps, userId)) await routeSoon(deps, id);
}

/** The routed campaigns an agent works on: those naming it as a member, and those naming nobody. */
export async function campaignsOf(deps: Deps, userId: string): Promise<string[]> {
  const found = await rows<{ id: string }>(
    deps.orm.em.fork(),
    `select c.id from campaigns c
      where c.routing_strategy <> 'MANUAL'
        and (not exists (select 1 from campaign_members m where m.campaign_id = c.id)
             or exists (select 1 from campaign_members m where m.campaign_id = c.id and m.user_id = ?))`,
    [userId],
  );
  return found.map((c) => c.id);
}

/** Per campaign, the pass this process is running and whether another event arrived meanwhile. */
const passes = new Map<string, { done: Promise<void>; again: boolean }>();

/**
 * Routing runs after the caller's change has committed; a failure is logged, never undoes that
 * change. Events that arrive while a pass runs fold into one more pass instead of queueing one
 * each on the campaign lock: a burst of arrivals costs two passes, not a hundred.
 */
export function routeSoon(deps: Deps, campaignId: string): Promise<void> {
  const running = passes.get(campaignId);
  if (running) {
    running.again = true;
    return running.done;
  }
  const state = { done: Promise.resolve(), again: false };
  state.done = (async () => {
    try {
      do {
        state.again = false;
        await routeCampaign(deps, campaignId).catch((err) => deps.log.error({ err, campaignId }, 'routing pass failed'));
      } while (state.again);
    } finally {
      passes.delete(campaignId);
    }
  })();
  passes.set(campaignId, state);
  return state.done;
}
