import { type Em, one, rows } from '../../db/sql.js';
import type { Context } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { badInput, conflict, ErrorCode, forbidden, notFound, ParleyError, unauthenticated } from '../../shared/errors.js';
import { ApiScope, canUseCampaign, isSupervisorLike, type Viewer } from '../auth/viewer.js';
import { hashToken, newToken, TokenKind } from '../auth/tokens.js';
import type { CampaignMessages, CampaignSchedule, CampaignTexts, Language } from '../campaigns/campaign.enums.js';
import { Admission, admit, refusalText } from '../campaigns/admission.rules.js';
import { campaignText, formatProtocol, normalizeLanguage } from '../campaigns/campaign.rules.js';
import { ContactState } from '../contacts/contact.enums.js';
import { AuthorKind, Visibility } from '../messages/message.enums.js';
import { appendMessage, type Author, findByClientId, isUniqueViolation, sameSend, SYSTEM_AUTHOR } from '../messages/message.service.js';
import type { MessageView } from '../messages/message.view.js';
import { TrayKind } from '../trays/tray.enums.js';
import { Channel, InteractionEventType, InteractionResult, Phase } from './interaction.enums.js';
import { locationOf, publishChange, publishMessages, recordEvent } from './interaction.events.js';
import { type Actor, authorFor, type Decision, mayClose, mayHandOff, mayTake, startingPhase } from './interaction.rules.js';
import { INTERACTION_VIEW_SQL, type InteractionView, toInteractionView } from './interaction.view.js';
import { canSee, couldHaveTaken } from './visibility.rules.js';
import { agentFreed, refreshAgent } from '../agents/agent.service.js';
import { routeSoon } from '../routing/routing.service.js';
import { scheduleExpiry } from '../contacts/contact-expiry.job.js';
import { scheduleNoAnswer } from './no-answer.job.js';
import { isUuid } from '../../shared/ids.js';

export function enforce<T>(decision: Decision<T>): T {
  if (decision.ok) return decision.value;
  throw new ParleyError(ErrorCode[decision.code], decision.reason);
}

/** By the number an agent reads out; case and surrounding spaces do not matter. */
export async function findByProtocol(ctx: Context, protocol: string): Promise<InteractionView> {
  if (ctx.viewer.kind === 'ANONYMOUS') throw unauthenticated();
  const row = await one(ctx.em, `${INTERACTION_VIEW_SQL} where i.protocol = ?`, [protocol.trim().toUpperCase()]);
  const view = row && toInteractionView(row);
  if (!view || !canSee(await ctx.onlooker(), locationOf(view))) throw notFound('Interaction');
  return view;
}

export async function loadView(em: Em, id: string): Promise<InteractionView | null> {
  if (!isUuid(id)) return null;
  const row = await one(em, `${INTERACTION_VIEW_SQL} where i.id = ?`, [id]);
  return row ? toInteractionView(row) : null;
}

/** Loads an interaction the viewer may see; anything else is NOT_FOUND, so foreign ids reveal nothing. */
export async function requireVisible(ctx: Context, id: string): Promise<InteractionView> {
  if (ctx.viewer.kind === 'ANONYMOUS') throw unauthenticated();
  const view = await loadView(ctx.em, id);
  if (!view || !canSee(await ctx.onlooker(), locationOf(view))) throw notFound('Interaction');
  return view;
}

export function actorOf(viewer: Viewer): Actor {
  switch (viewer.kind) {
    case 'USER':
      return { kind: 'USER', userId: viewer.userId, role: viewer.role };
    case 'VISITOR':
      return { kind: 'VISITOR', interactionId: viewer.interactionId };
    case 'API_KEY':
      return viewer.scopes.includes(ApiScope.BOT) ? { kind: 'BOT' } : { kind: 'INTEGRATOR' };
    case 'ANONYMOUS':
      throw unauthenticated();
  }
}

function authorOf(viewer: Viewer, kind: AuthorKind): Author {
  switch (viewer.kind) {
    case 'USER':
      return { kind, id: viewer.userId, name: viewer.name, key: `user:${viewer.userId}` };
    case 'VISITOR':
      return { kind, id: viewer.contactId, name: null, key: `contact:${viewer.contactId}` };
    case 'API_KEY':
      return { kind, id: viewer.keyId, name: viewer.name, key: `key:${viewer.keyId}` };
    case 'ANONYMOUS':
      throw unauthenticated();
  }
}

export const trailActor = (viewer: Viewer) => {
  switch (viewer.kind) {
    case 'USER':
      return { kind: 'USER', id: viewer.userId };
    case 'API_KEY':
      return { kind: 'API_KEY', id: viewer.keyId };
    case 'VISITOR':
      return { kind: 'CONTACT', id: viewer.contactId };
    default:
      return { kind: 'SYSTEM', id: null };
  }
};

interface CampaignRow {
  id: string;
  bot_first: boolean;
  protocol_prefix: string;
  default_language: Language;
  messages: CampaignMessages;
  schedule: CampaignSchedule | null;
  time_zone: string;
  waiting_limit: number | null;
  allow_offline_messages: boolean;
}

/**
 * Whether a chat may wait for a human now. Counting under a per-campaign lock keeps concurrent
 * arrivals from all squeezing past the waiting limit.
 */
async function admissionWithin(tx: Em, campaign: CampaignRow): Promise<Admission> {
  await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`parley:admit:${campaign.id}`]);
  const waiting = await one<{ n: number }>(tx, "select count(*)::int as n from interactions where campaign_id = ? and phase = 'WAITING'", [campaign.id]);
  return admit({ schedule: campaign.schedule, timeZone: campaign.time_zone, waitingLimit: campaign.waiting_limit }, waiting!.n, new Date());
}

/** A refused chat gets the campaign's out-of-hours or unavailable text and closes NOBODY_AVAILABLE at once. */
async function refuseWithin(tx: Em, interactionId: string, admission: Admission.OUT_OF_HOURS | Admission.FULL): Promise<MessageView[]> {
  const text = await systemText(tx, interactionId, refusalText(admission));
  await rows(
    tx,
    `update interactions i set phase = 'CLOSED', result = 'NOBODY_AVAILABLE', closed_at = clock_timestamp(), updated_at = now(),
            tray_id = (select id from trays t where t.campaign_id = i.campaign_id and t.kind = 'CLOSED')
      where i.id = ?`,
    [interactionId],
  );
  await recordEvent(tx, interactionId, InteractionEventType.CLOSED, { kind: 'SYSTEM', id: null }, { result: InteractionResult.NOBODY_AVAILABLE, admission });
  return text ? [text] : [];
}

/** The campaign's text for this interaction's language, appended as a SYSTEM message; null when the campaign has none. */
export async function systemText(tx: Em, interactionId: string, key: keyof CampaignTexts): Promise<MessageView | null> {
  const row = await one<{ messages: CampaignMessages; default_language: Language; language: string | null }>(
    tx,
    `select c.messages, c.default_language, coalesce(i.language, ct.language) as language
       from interactions i join campaigns c on c.id = i.campaign_id join contacts ct on ct.id = i.contact_id where i.id = ?`,
    [interactionId],
  );
  const text = row && campaignText(row.messages, key, row.language, row.default_language);
  if (!text) return null;
  const appended = await appendMessage(tx, interactionId, SYSTEM_AUTHOR, { body: text, clientMessageId: null, visibility: Visibility.PUBLIC, attachmentIds: [] });
  return appended?.message ?? null;
}

export interface StartInput {
  campaignId: string;
  channel: Channel;
  contact: { name?: string | null; email?: string | null; phone?: string | null; externalId?: string | null };
  language?: string | null;
  country?: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function cleanContact(input: StartInput['contact']) {
  const trim = (v: string | null | undefined, max: number, field: string) => {
    const t = v?.trim() || null;
    if (t && t.length > max) throw badInput(`${field} is too long`, `contact.${field}`);
    return t;
  };
  const email = trim(input.email, 254, 'email');
  if (email && !EMAIL.test(email)) throw badInput('Enter a valid e-mail address', 'contact.email');
  const phone = trim(input.phone, 32, 'phone');
  if (phone && !/^\+?[0-9 ()-]{3,}$/.test(phone)) throw badInput('Enter a valid phone number', 'contact.phone');
  return { name: trim(input.name, 200, 'name'), email, phone, externalId: trim(input.externalId, 200, 'externalId') };
}

/** Starts an interaction; an anonymous caller (the widget) gets a visitor token for it. */
export interface Started {
  view: InteractionView;
  visitorToken: string | null;
  admission: Admission;
  offlineMessagesAllowed: boolean;
}

export async function startInteraction(ctx: Context, input: StartInput): Promise<Started> {
  const { viewer, em, deps } = ctx;
  if (viewer.kind === 'VISITOR') throw forbidden('A visitor token cannot start another interaction');
  if (viewer.kind === 'API_KEY' && !viewer.scopes.includes(ApiScope.BOT) && !viewer.scopes.includes(ApiScope.SUPERVISE)) {
    throw forbidden('This key may not start interactions');
  }
  const anonymous = viewer.kind === 'ANONYMOUS';
  if (anonymous && input.channel !== Channel.WEBCHAT) throw forbidden('Only the webchat channel can be started without a key');
  const contact = cleanContact(input.contact);
  const language = input.language ? normalizeLanguage(input.language) : null;
  if (input.language && !language && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(input.language)) throw badInput('Language is a tag like "es" or "pt-BR"', 'language');
  const campaign = !isUuid(input.campaignId)
    ? null
    : await one<CampaignRow>(
        em,
        'select id, bot_first, protocol_prefix, default_language, messages, schedule, time_zone, waiting_limit, allow_offline_messages from campaigns where id = ?',
        [input.campaignId],
      );
  if (!campaign || !canUseCampaign(viewer, campaign.id)) throw notFound('Campaign');

  const startedByBot = viewer.kind === 'API_KEY' && viewer.scopes.includes(ApiScope.BOT);
  const phase = startingPhase(startedByBot, campaign.bot_first);
  const visitorToken = anonymous ? newToken(TokenKind.VISITOR) : null;
  const rawLanguage = input.language?.trim() || null;

  const { id, messages, admission } = await em.transactional(async (tx) => {
    const admission = phase === Phase.WAITING ? await admissionWithin(tx, campaign) : Admission.OPEN;
    // Only a trusted caller may attach the chat to a known contact; the widget always makes a new one.
    let contactId: string | null = null;
    if (!anonymous && contact.externalId) {
      contactId = (await one<{ id: string }>(tx, 'select id from contacts where external_id = ? order by created_at limit 1', [contact.externalId]))?.id ?? null;
    }
    const contactState = phase === Phase.BOT ? ContactState.BOT : ContactState.TRAY;
    if (contactId) {
      await rows(
        tx,
        `update contacts set previous_state = state, state = ?, state_changed_at = now(),
                name = coalesce(?, name), email = coalesce(?, email), phone = coalesce(?, phone), language = coalesce(?, language)
          where id = ?`,
        [contactState, contact.name, contact.email, contact.phone, rawLanguage, contactId],
      );
    } else {
      contactId = (await one<{ id: string }>(
        tx,
        `insert into contacts (id, name, email, phone, external_id, country, language, state, state_changed_at, created_at)
         values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, now(), now()) returning id`,
        [contact.name, contact.email, contact.phone, contact.externalId, input.country ?? null, rawLanguage, contactState],
      ))!.id;
    }
    const tray = phase === Phase.WAITING ? await one<{ id: string }>(tx, "select id from trays where campaign_id = ? and kind = 'GENERAL'", [campaign.id]) : null;
    const counter = (await one<{ n: string }>(tx, "select nextval('interaction_protocol_seq') as n"))!.n;
    const created = (await one<{ id: string }>(
      tx,
      // created_at is kept to the millisecond because it is the page cursor, and cursors travel as ISO strings.
      `insert into interactions (id, protocol, campaign_id, contact_id, channel, phase, status, tray_id, bot_answers, notes, expertise,
                                 country, language, last_sequence, visitor_token_hash, created_at, queued_at, updated_at)
       values (gen_random_uuid(), ?, ?, ?, ?, ?, 'IN_PROGRESS', ?, '[]', '[]', '{}', ?, ?, 0, ?, date_trunc('milliseconds', clock_timestamp()), ?, now()) returning id`,
      [
        formatProtocol(campaign.protocol_prefix, new Date(), Number(counter)),
        campaign.id,
        contactId,
        input.channel,
        phase,
        tray?.id ?? null,
        input.country ?? null,
        rawLanguage,
        visitorToken ? hashToken(visitorToken) : null,
        phase === Phase.WAITING ? new Date() : null,
      ],
    ))!.id;
    await recordEvent(tx, created, InteractionEventType.STARTED, trailActor(viewer), { channel: input.channel, phase });
    if (admission !== Admission.OPEN) return { id: created, messages: await refuseWithin(tx, created, admission), admission };
    const welcome = await systemText(tx, created, 'welcome');
    return { id: created, messages: welcome ? [welcome] : [], admission };
  });
  const view = (await loadView(em, id))!;
  await publishChange(deps, view, null);
  await publishMessages(deps, messages);
  await scheduleExpiry(deps, view.contact.id);
  if (view.phase === Phase.WAITING) await routeSoon(deps, view.campaign.id);
  return { view, visitorToken, admission, offlineMessagesAllowed: admission === Admission.OUT_OF_HOURS && campaign.allow_offline_messages };
}

export interface PostInput {
  interactionId: string;
  body: string;
  clientMessageId?: string | null;
  attachmentIds?: string[] | null;
  internal?: boolean | null;
}

export const MAX_MESSAGE_LENGTH = 10_000;

/** Posts a message; a retry with the same client id returns the message already stored. */
export async function postMessage(ctx: Context, input: PostInput): Promise<MessageView> {
  const body = input.body.trim();
  const attachmentIds = input.attachmentIds ?? [];
  if (!body && attachmentIds.length === 0) throw badInput('A message needs text or an attachment', 'body');
  if (body.length > MAX_MESSAGE_LENGTH) throw badInput(`A message holds at most ${MAX_MESSAGE_LENGTH} characters`, 'body');
  if (attachmentIds.length > 0) throw badInput('Attachments are not accepted yet', 'attachmentIds');
  const clientMessageId = input.clientMessageId?.trim() || null;
  if (clientMessageId && clientMessageId.length > 100) throw badInput('clientMessageId holds at most 100 characters', 'clientMessageId');

  const view = await requireVisible(ctx, input.interactionId);
  const internal = input.internal ?? false;
  const kind = enforce(authorFor(actorOf(ctx.viewer), { id: view.id, phase: view.phase, agentId: view.agent?.id ?? null }, internal));
  const author = authorOf(ctx.viewer, kind);
  const message = { body, clientMessageId, visibility: internal ? Visibility.INTERNAL : Visibility.PUBLIC, attachmentIds };

  let appended: Awaited<ReturnType<typeof appendMessage>>;
  try {
    appended = await appendMessage(ctx.em, view.id, author, message, view.contact.id);
  } catch (err) {
    // Two sends with one client id raced past the existence check; the loser's statement failed whole.
    if (!(clientMessageId && isUniqueViolation(err))) throw err;
    appended = null;
  }
  if (!appended) {
    const existing = clientMessageId ? await findByClientId(ctx.em, view.id, author.key, clientMessageId) : null;
    if (existing) return sameSend(existing, message);
    throw conflict('The interaction is closed');
  }
  await publishMessages(ctx.deps, [appended.message]);
  if (kind === AuthorKind.CONTACT) await scheduleExpiry(ctx.deps, view.contact.id);
  if (kind === AuthorKind.AGENT) await scheduleNoAnswer(ctx.deps, view.id, appended.message.sequence, view.campaign.noAnswerTimeoutSeconds);
  if (appended.statusChanged) await publishChange(ctx.deps, (await loadView(ctx.em, view.id))!, view);
  return appended.message;
}

export interface HandOffInput {
  interactionId: string;
  trayId: string;
  botAnswers?: { key: string; value: string }[] | null;
}

/** A bot hands the chat it served to a tray, with the answers it collected. */
export async function handOff(ctx: Context, input: HandOffInput): Promise<InteractionView> {
  const actor = actorOf(ctx.viewer);
  if (actor.kind !== 'BOT' && !isSupervisorLike(ctx.viewer)) throw forbidden('Only a bot or a supervisor can hand off');
  const answers = input.botAnswers ?? [];
  if (answers.length > 100) throw badInput('At most 100 bot answers', 'botAnswers');
  for (const a of answers) {
    if (!a.key.trim() || a.key.length > 100 || a.value.length > 2000) throw badInput('Each answer needs a key (up to 100 characters) and a value (up to 2000)', 'botAnswers');
  }
  const view = await requireVisible(ctx, input.interactionId);
  const tray = isUuid(input.trayId)
    ? await one<{ id: string; kind: TrayKind; campaign_id: string | null }>(ctx.em, 'select id, kind, campaign_id from trays where id = ?', [input.trayId])
    : null;
  if (!tray) throw notFound('Tray');
  enforce(
    mayHandOff(
      { id: view.id, phase: view.phase, agentId: null },
      tray.campaign_id,
      view.campaign.id,
      tray.kind === TrayKind.GENERAL || tray.kind === TrayKind.CUSTOM || tray.kind === TrayKind.PERSONAL,
    ),
  );
  const refusal = await ctx.em.transactional(async (tx) => {
    const campaign = (await one<CampaignRow>(tx, 'select * from campaigns where id = ?', [view.campaign.id]))!;
    const admission = await admissionWithin(tx, campaign);
    const moved = await rows(
      tx,
      `update interactions set phase = 'WAITING', tray_id = ?, queued_at = now(), updated_at = now(), bot_answers = ?::jsonb
        where id = ? and phase = 'BOT' returning id`,
      [tray.id, JSON.stringify(answers.map((a) => ({ key: a.key.trim(), value: a.value }))), view.id],
    );
    if (moved.length === 0) throw conflict('The interaction is no longer with the bot');
    await rows(tx, "update contacts set previous_state = state, state = 'TRAY', state_changed_at = now() where id = ?", [view.contact.id]);
    await recordEvent(tx, view.id, InteractionEventType.HANDED_OFF, trailActor(ctx.viewer), { trayId: tray.id, answers: answers.length });
    // Out of hours or with the queue full, the bot's hand-off ends the chat with the campaign's text.
    return admission === Admission.OPEN ? [] : refuseWithin(tx, view.id, admission);
  });
  const next = (await loadView(ctx.em, view.id))!;
  await publishMessages(ctx.deps, refusal);
  await publishChange(ctx.deps, next, view);
  if (next.phase === Phase.WAITING) await routeSoon(ctx.deps, next.campaign.id);
  return next;
}

/** An agent takes a waiting chat. The conditional UPDATE makes exactly one of concurrent takers win. */
export async function takeInteraction(ctx: Context, id: string): Promise<InteractionView> {
  const { viewer } = ctx;
  if (viewer.kind !== 'USER') throw forbidden('Only people take interactions');
  const view = await loadView(ctx.em, id);
  const who = await ctx.onlooker();
  if (!view) throw notFound('Interaction');
  if (!canSee(who, locationOf(view))) {
    throw couldHaveTaken(who, locationOf(view)) ? conflict('Someone else took this interaction') : notFound('Interaction');
  }
  const messages = await ctx.em.transactional(async (tx) => {
    // Locking the agent's row serialises its own concurrent takes, so its capacity holds.
    const agent = await one<{ max_concurrent_chats: number }>(tx, 'select max_concurrent_chats from users where id = ? for update', [viewer.userId]);
    const active = await one<{ n: number }>(tx, "select count(*)::int as n from interactions where agent_id = ? and phase = 'IN_SERVICE'", [viewer.userId]);
    enforce(mayTake({ id: view.id, phase: view.phase, agentId: view.agent?.id ?? null }, active!.n, agent!.max_concurrent_chats));
    const taken = await rows(
      tx,
      `update interactions set phase = 'IN_SERVICE', agent_id = ?, assigned_at = clock_timestamp(), updated_at = now(), status = 'IN_PROGRESS'
        where id = ? and phase = 'WAITING' returning id`,
      [viewer.userId, view.id],
    );
    if (taken.length === 0) throw conflict('Someone else took this interaction');
    await rows(tx, "update contacts set previous_state = state, state = 'AGENT', state_changed_at = now() where id = ?", [view.contact.id]);
    await recordEvent(tx, view.id, InteractionEventType.TAKEN, trailActor(viewer), { fromTrayId: view.tray?.id ?? null });
    const greeting = await systemText(tx, view.id, 'agentGreeting');
    return greeting ? [greeting] : [];
  });
  const next = (await loadView(ctx.em, view.id))!;
  await publishChange(ctx.deps, next, view);
  await publishMessages(ctx.deps, messages);
  await refreshAgent(ctx.deps, viewer.userId);
  return next;
}

/**
 * Closes one interaction inside the caller's transaction: closing comment first (nobody may write
 * after), then into its campaign's Closed tray. Returns the closing message, if the campaign has one.
 */
export async function closeWithin(tx: Em, actor: { kind: string; id: string | null }, view: InteractionView, requested: InteractionResult): Promise<MessageView | null> {
  const closing = await systemText(tx, view.id, 'closing');
  const closed = await one<{ result: InteractionResult }>(
    tx,
    `update interactions i set phase = 'CLOSED', closed_at = clock_timestamp(), updated_at = now(),
            result = case when ? = 'SUCCESS' and i.transfer_count > 0 then 'ESCALATED'::interaction_result else ?::interaction_result end,
            tray_id = (select id from trays t where t.campaign_id = i.campaign_id and t.kind = 'CLOSED')
      where i.id = ? and i.phase <> 'CLOSED' returning i.result`,
    [requested, requested, view.id],
  );
  if (!closed) throw conflict('The interaction is already closed');
  await recordEvent(tx, view.id, InteractionEventType.CLOSED, actor, { result: closed.result });
  return closing;
}

/** Closes an interaction; a chat that was handed on between operators ends ESCALATED rather than SUCCESS. */
export async function closeInteraction(ctx: Context, id: string, result: InteractionResult): Promise<InteractionView> {
  const view = await requireVisible(ctx, id);
  enforce(mayClose(actorOf(ctx.viewer), { id: view.id, phase: view.phase, agentId: view.agent?.id ?? null }, result));
  return closeAndAnnounce(ctx.deps, ctx.em, view, result, trailActor(ctx.viewer));
}

/** Parley itself closes a chat (no answer in time, nobody available). */
export async function closeAsSystem(deps: Deps, id: string, result: InteractionResult): Promise<InteractionView | null> {
  const em = deps.orm.em.fork();
  const view = await loadView(em, id);
  if (!view || view.phase === Phase.CLOSED) return null;
  return closeAndAnnounce(deps, em, view, result, { kind: 'SYSTEM', id: null });
}

async function closeAndAnnounce(deps: Deps, em: Em, view: InteractionView, result: InteractionResult, actor: { kind: string; id: string | null }): Promise<InteractionView> {
  const closing = await em.transactional((tx) => closeWithin(tx, actor, view, result));
  const next = (await loadView(em, view.id))!;
  await publishMessages(deps, closing ? [closing] : []);
  await publishChange(deps, next, view);
  if (view.agent) await agentFreed(deps, view.agent.id);
  return next;
}
