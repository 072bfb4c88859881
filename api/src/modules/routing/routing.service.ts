import { ACTIVE_CHATS_SQL, CONNECTED_SQL } from '../agents/agent.sql.js';
import { CUSTOM_TRAY_IDS_SQL } from '../trays/tray-access.sql.js';
import { type Em, one, rows, pgArray, prepared } from '../../db/sql.js';
import { batchedSoonPer } from '../../shared/batched-soon.js';
import type { Deps } from '../../shared/deps.js';
import { type CampaignMessages, type Language, RoutingStrategy } from '../campaigns/campaign.enums.js';
import { ContactState } from '../contacts/contact.enums.js';
import { ActorKind, InteractionStatus, Phase } from '../interactions/interaction.enums.js';
import { INTERACTION_VIEW_SQL, type InteractionView, toInteractionView } from '../interactions/interaction.view.js';
import { type Assigned, assignChats, lockAgents } from '../interactions/assignment.service.js';
import { campaignText } from '../campaigns/campaign.rules.js';
import { type Committed, committed, type DomainEvent, messagesPosted } from '../domain-events/domain-event.js';
import { distinct, type Listener } from '../domain-events/dispatcher.js';

import { eligible, planPass, type RoutingCandidate, type WaitingChat } from './routing.rules.js';
import { transaction } from '../../db/transaction.js';

interface Candidate extends RoutingCandidate {
  customTrayIds: string[];
}

interface Queued extends WaitingChat {
  trayId: string;
  trayKind: 'GENERAL' | 'CUSTOM';
}

/**
 * One routing pass for a campaign: every waiting chat, oldest first, goes to the agent its
 * strategy picks, never above an agent's maximum. A transaction-scoped advisory lock per campaign
 * makes passes from all processes take turns, so each chat is decided once. The agents who could
 * take a chat are locked (so a concurrent take elsewhere cannot push them over capacity), counted
 * afresh, and the whole pass is written in one statement: a pass costs the same few round trips
 * for one chat or two hundred.
 */
export async function routeCampaign(deps: Deps, campaignId: string): Promise<Committed<{ assigned: number; more: boolean }>> {
  const em = deps.orm.em.fork();
  let more = false;
  const assigned = await transaction(em, async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`parley:route:${campaignId}`]);
    const campaign = await one<{ routing_strategy: RoutingStrategy; skills_widening_seconds: number; messages: CampaignMessages; default_language: Language }>(
      tx,
      'select routing_strategy, skills_widening_seconds, messages, default_language from campaigns where id = ?',
      [campaignId],
    );
    if (!campaign || campaign.routing_strategy === RoutingStrategy.MANUAL) return [];
    const size = deps.config.ROUTING_PASS_SIZE;
    let queue = await waitingChats(tx, campaignId, size, null);
    if (queue.length === 0) return [];
    const grace = deps.config.PRESENCE_GRACE_MS;
    const hopeful = (await candidatesFor(tx, campaignId, grace)).filter(eligible);
    if (hopeful.length === 0) return [];
    await lockAgents(
      tx,
      hopeful.map((c) => c.agentId),
    );
    const candidates = await candidatesFor(
      tx,
      campaignId,
      grace,
      hopeful.map((c) => c.agentId),
    );
    const decide = (page: Queued[]) => planPass(campaign.routing_strategy, page, candidates, new Date(), { skillsWideningSeconds: campaign.skills_widening_seconds }, reaches);
    // Chats nobody here can take yet (a skill not yet widened, a tray nobody reaches) must not hold
    // back those behind them: a full page that gives nothing is followed by the next.
    let plan = decide(queue);
    for (let page = 1; plan.length === 0 && queue.length === size && page < MAX_PAGES; page++) {
      queue = await waitingChats(tx, campaignId, size, queue.at(-1)!);
      plan = decide(queue);
    }
    if (plan.length === 0) return [];
    const outcome = await assignChats(
      tx,
      plan.map(({ chat, agentId }) => ({
        interactionId: chat.id,
        agentId,
        trayId: chat.trayId,
        greeting: campaignText(campaign.messages, 'agentGreeting', chat.language, campaign.default_language),
      })),
      { kind: ActorKind.ROUTING, id: null },
    );
    // Another pass at once when this one may have left work: the page was full, or a planned chat
    // was taken or moved meanwhile, so its agent still has room.
    more = outcome.assigned.length > 0 && (queue.length === size || outcome.assigned.length < plan.length);
    return outcome.assigned;
  });
  return committed({ assigned: assigned.length, more }, await assignmentEvents(em, assigned));
}

const reaches = (candidate: Candidate, chat: Queued): boolean => chat.trayKind === 'GENERAL' || candidate.customTrayIds.includes(chat.trayId);

/** Pages of a pass look this far into the queue at most; a deeper backlog waits for the next event. */
const MAX_PAGES = 10;

/** Waiting chats oldest first, from the start of the queue or after a chat of it. */
async function waitingChats(tx: Em, campaignId: string, limit: number, after: Pick<Queued, 'id' | 'queuedAt'> | null): Promise<Queued[]> {
  const found = await rows(
    tx,
    `select i.id, i.queued_at, coalesce(i.language, ct.language) as language, i.expertise, i.tray_id, t.kind as tray_kind
       from interactions i join trays t on t.id = i.tray_id join contacts ct on ct.id = i.contact_id
      where i.campaign_id = ? and i.phase = 'WAITING' and t.kind in ('GENERAL', 'CUSTOM')
        and (?::timestamptz is null or (i.queued_at, i.id) > (?::timestamptz, ?::uuid))
      order by i.queued_at, i.id limit ?`,
    [campaignId, after?.queuedAt.toISOString() ?? null, after?.queuedAt.toISOString() ?? null, after?.id ?? null, limit],
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

/**
 * "Agent `u` works on campaign `c`": the campaign is within the agent's security group (or the agent
 * has none), and it names the agent as a member or names nobody. Routing never hands a chat to
 * someone who could not open it.
 */
const worksOnSql = (u: string, c: string) =>
  `(${u}.security_group_id is null or ${u}.security_group_id = ${c}.security_group_id)
   and (not exists (select 1 from campaign_members m where m.campaign_id = ${c}.id)
        or exists (select 1 from campaign_members m where m.campaign_id = ${c}.id and m.user_id = ${u}.id))`;

/** The campaign's agents (see worksOnSql) as routing sees them. */
async function candidatesFor(tx: Em, campaignId: string, graceMs: number, only?: string[]): Promise<Candidate[]> {
  const found = await rows(
    tx,
    `select u.id, u.max_concurrent_chats, u.languages, u.skills, s.paused, s.last_assigned_at, s.idle_since,
            ${CONNECTED_SQL} as connected, ${ACTIVE_CHATS_SQL} as active_chats, ${CUSTOM_TRAY_IDS_SQL} as custom_tray_ids
       from users u join agent_status s on s.user_id = u.id join campaigns camp on camp.id = ?
      where u.role = 'AGENT' and u.active
        and ${worksOnSql('u', 'camp')}
        and (?::uuid[] is null or u.id = any(?::uuid[]))`,
    [graceMs, campaignId, only ? pgArray(only) : null, only ? pgArray(only) : null],
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

/** What a pass's commit caused: every subscriber learns of the assignments, and the agents' states move on. */
async function assignmentEvents(em: Em, assigned: Assigned[]): Promise<DomainEvent[]> {
  if (assigned.length === 0) return [];
  const found = await rows(em, `${INTERACTION_VIEW_SQL} where i.id = any(?::uuid[])`, [pgArray(assigned.map((a) => a.interactionId))]);
  const changes = found.map(toInteractionView).map((view): DomainEvent => {
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
    return { kind: 'INTERACTION_CHANGED', interaction: view, previous: waiting };
  });
  const agents = [...new Set(assigned.map((a) => a.agentId))].map((agentId): DomainEvent => ({ kind: 'AGENT_STATE', agentId }));
  return [...messagesPosted(assigned.flatMap((a) => (a.greeting ? [a.greeting] : []))), ...changes, ...agents];
}

/**
 * Chats that wait are routed in their campaign; an agent who may take more is routed in every
 * campaign it works on. Each campaign once per commit, however many of its events there were.
 */
export const routingListener: Listener = async (deps, events) => {
  const campaigns = new Set(distinct(events, 'CHAT_WAITING', (e) => e.campaignId));
  const agents = distinct(events, 'AGENT_CAPACITY', (e) => e.agentId);
  for (const ids of await Promise.all(agents.map((agentId) => campaignsOfSoon(deps, agentId)))) for (const id of ids ?? []) campaigns.add(id);
  for (const id of campaigns) await routeSoon(deps, id);
};

/** Asked after every chat an agent closes: planned once per connection. */
const CAMPAIGNS_OF = prepared(
  'campaigns_of_agents',
  `select u.id as user_id, c.id from campaigns c join users u on u.id = any(?::uuid[]) where c.routing_strategy <> 'MANUAL' and ${worksOnSql('u', 'c')}`,
);

/** The routed campaigns each agent works on: those naming it as a member, and those naming nobody. */
export async function campaignsOf(deps: Deps, userIds: readonly string[]): Promise<Map<string, string[]>> {
  const byAgent = new Map<string, string[]>(userIds.map((id) => [id, []]));
  for (const row of await rows<{ user_id: string; id: string }>(deps.orm.em.fork(), CAMPAIGNS_OF, [pgArray(userIds)])) byAgent.get(row.user_id)?.push(row.id);
  return byAgent;
}

/** Agents whose chats several commits closed at once are looked up in one statement. */
const campaignsOfSoon = batchedSoonPer(campaignsOf);

/** Per campaign, the pass waiting to start after the one running: later events join it rather than queue their own. */
const queued = new Map<string, Promise<void>>();
const running = new Map<string, Promise<void>>();

/**
 * Routing runs after the caller's change has committed; a failure is logged, never undoes that
 * change. The promise settles once a pass that began after this call has run, so it saw the
 * caller's change; events arriving while a pass runs all join the next one, so a burst of a
 * hundred arrivals costs two passes, not a hundred.
 */
export function routeSoon(deps: Deps, campaignId: string): Promise<void> {
  const waiting = queued.get(campaignId);
  if (waiting) return waiting;
  const next: Promise<void> = (running.get(campaignId) ?? Promise.resolve()).then(async () => {
    queued.delete(campaignId);
    running.set(campaignId, next);
    try {
      await routeWithRetry(deps, campaignId);
    } finally {
      if (running.get(campaignId) === next) running.delete(campaignId);
    }
  });
  queued.set(campaignId, next);
  return next;
}

/**
 * Passes until the queue is served or nobody can take more. A deadlock with a concurrent take or
 * transfer aborts one side; the pass simply runs again.
 */
async function routeWithRetry(deps: Deps, campaignId: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      for (;;) {
        const { value, events } = await routeCampaign(deps, campaignId);
        // A pass never asks for another pass: it would wait on itself. Its assignments cause neither today.
        await deps.dispatcher.dispatch(
          deps,
          events.filter((e) => e.kind !== 'CHAT_WAITING' && e.kind !== 'AGENT_CAPACITY'),
        );
        if (!value.more) return;
      }
    } catch (err) {
      const retry = attempt < 3 && ['40P01', '40001'].includes((err as { code?: string }).code ?? '');
      if (!retry) return void deps.log.error({ err, campaignId }, 'routing pass failed');
    }
  }
}
