import { type Em, one, type Row, rows } from '../../db/sql.js';
import type { Context } from '../../shared/context.js';
import { isEmail } from '../users/user.rules.js';
import { badInput, ErrorCode, forbidden, notFound, ParleyError, unauthenticated } from '../../shared/errors.js';
import type { OfflineMessage } from './offline-message.type.js';
import { ApiScope, scopeOf, type Viewer } from '../auth/viewer.js';
import { requireCampaignInScope } from './security-group.service.js';
import { enforce } from '../interactions/interaction.access.js';
import { cleanReply, mayEmail, mayHandle, mayHandleOffline, type OfflineCaller, OfflineHandling, renderOfflineReply } from './offline-message.rules.js';
import { offlineReachSql } from './offline-message.sql.js';
import type { SqlPart } from '../auth/scope.rules.js';
import { type Committed, committed, type DomainEvent } from '../domain-events/domain-event.js';
import { transcriptLanguage } from '../transcripts/transcript.rules.js';
import { transaction } from '../../db/transaction.js';

/** Anyone may leave one, on a campaign that takes them; a way to answer (e-mail or phone) is required. */
export async function leaveOfflineMessage(
  em: Em,
  input: { campaignId: string; name?: string | null; email?: string | null; phone?: string | null; language?: string | null; body: string },
): Promise<Committed<OfflineMessage>> {
  const campaign = await one<{ allow: boolean }>(em, 'select allow_offline_messages as allow from campaigns where id = ?', [input.campaignId]);
  if (!campaign) throw notFound('Campaign');
  if (!campaign.allow) throw forbidden('This campaign does not take offline messages');
  const body = input.body.trim();
  if (!body || body.length > 5000) throw badInput('The message is 1 to 5000 characters', 'body');
  const email = input.email?.trim() || null;
  const phone = input.phone?.trim() || null;
  if (email && !isEmail(email)) throw badInput('Enter a valid e-mail address', 'email');
  if (!email && !phone) throw badInput('Leave an e-mail address or a phone number so we can answer', 'email');
  const row = await one<{ id: string }>(
    em,
    'insert into offline_messages (id, campaign_id, name, email, phone, language, body, created_at) values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, now()) returning id',
    [input.campaignId, input.name?.trim() || null, email, phone, input.language?.trim() || null, body],
  );
  return committed((await findOffline(em, row!.id, ANYWHERE))!, [offlineChanged(input.campaignId)]);
}

// Who handled it, when and how, as one object, so a message reads as its GraphQL shape with no mapping by hand.
const SELECT = `select o.id, o.campaign_id as "campaignId", c.name as "campaignName", o.name, o.email, o.phone, o.language, o.body, o.created_at as "createdAt",
                       case when o.handled_at is null then null
                            else jsonb_build_object('how', o.handled_how, 'at', o.handled_at, 'byId', o.handled_by_id, 'byName', o.handled_by_name,
                                                    'reply', o.reply, 'interactionId', o.interaction_id, 'protocol', i.protocol) end as handled
                  from offline_messages o join campaigns c on c.id = o.campaign_id left join interactions i on i.id = o.interaction_id`;

const iso = (at: string | Date) => new Date(at).toISOString();

function toOffline(r: Row): OfflineMessage {
  const m = r as OfflineMessage;
  return { ...m, createdAt: iso(m.createdAt), handled: m.handled ? { ...m.handled, at: iso(m.handled.at) } : null };
}

/** Re-reading a message the caller has just reached (left, handled): no further narrowing. */
export const ANYWHERE: SqlPart = { sql: 'true', params: [] };

export async function findOffline(em: Em, id: string, reach: SqlPart): Promise<OfflineMessage | null> {
  const row = await one(em, `${SELECT} where o.id = ? and ${reach.sql}`, [id, ...reach.params]);
  return row ? toOffline(row) : null;
}

function callerOf(viewer: Viewer): OfflineCaller {
  switch (viewer.kind) {
    case 'USER':
      return { kind: 'USER' };
    case 'API_KEY':
      return { kind: 'KEY', supervise: viewer.scopes.includes(ApiScope.SUPERVISE), admin: viewer.scopes.includes(ApiScope.ADMIN) };
    case 'ANONYMOUS':
      throw unauthenticated();
    case 'VISITOR':
      throw forbidden('A visitor token does not read offline messages');
  }
}

/** Who may read offline messages at all; where, `offlineReachSql` says. */
export const requireOfflineReader = (viewer: Viewer): void => void enforce(mayHandleOffline(callerOf(viewer)));

/** One offline message the caller reaches, for an act: outside its reach it is NOT_FOUND, and a handled one is a CONFLICT. */
export async function requireUnhandled(ctx: Context, id: string): Promise<OfflineMessage> {
  requireOfflineReader(ctx.viewer);
  const found = await findOffline(ctx.em, id, offlineReachSql(ctx.viewer, 'o.campaign_id'));
  if (!found) throw notFound('Offline message');
  enforce(mayHandle(found.handled));
  return found;
}

/**
 * Marks the message handled, first in the caller's transaction: the row lock makes a second hand
 * wait and then find it done, so a message is answered or converted exactly once.
 */
export async function markHandled(tx: Em, viewer: Viewer, id: string, how: OfflineHandling, reply: string | null): Promise<void> {
  const by = viewer.kind === 'USER' ? { id: viewer.userId, name: viewer.name } : { id: null, name: viewer.kind === 'API_KEY' ? viewer.name : null };
  const marked = await rows(
    tx,
    `update offline_messages set handled_at = now(), handled_how = ?, handled_by_id = ?, handled_by_name = ?, reply = ?
      where id = ? and handled_at is null returning id`,
    [how, by.id, by.name, reply, id],
  );
  if (marked.length === 0) {
    // Someone was first meanwhile (or its campaign is gone): say who and how.
    const now = await findOffline(tx, id, ANYWHERE);
    if (!now) throw notFound('Offline message');
    enforce(mayHandle(now.handled));
  }
}

/** Newest first, of one campaign or all that the caller reaches, optionally only the handled or the unhandled ones. */
export async function listOfflineMessages(ctx: Context, campaignId: string | null, handled: boolean | null): Promise<OfflineMessage[]> {
  requireOfflineReader(ctx.viewer);
  // A campaign named outside the scope is not there at all, as on every path that names one.
  if (campaignId) requireCampaignInScope(scopeOf(ctx.viewer), campaignId);
  const reach = offlineReachSql(ctx.viewer, 'o.campaign_id');
  const where = [reach.sql, ...(campaignId ? ['o.campaign_id = ?'] : []), ...(handled === null ? [] : [`o.handled_at is ${handled ? 'not ' : ''}null`])];
  const found = await rows(ctx.em, `${SELECT} where ${where.join(' and ')} order by o.created_at desc limit 500`, [...reach.params, ...(campaignId ? [campaignId] : [])]);
  return found.map(toOffline);
}

/** What still waits for someone, for the header's badge. */
export async function countUnhandled(em: Em, viewer: Viewer): Promise<number> {
  requireOfflineReader(viewer);
  const reach = offlineReachSql(viewer, 'o.campaign_id');
  return (await one<{ n: number }>(em, `select count(*)::int as n from offline_messages o where o.handled_at is null and ${reach.sql}`, reach.params))!.n;
}

/**
 * Answers by e-mail to the address the customer left, in their language, quoting their message. Only
 * with outgoing e-mail configured: a reply written to the log would tell colleagues it was answered
 * while the customer never hears back.
 */
export async function answerOfflineByEmail(ctx: Context, id: string, body: string): Promise<Committed<OfflineMessage>> {
  const reply = enforce(cleanReply(body));
  const found = await requireUnhandled(ctx, id);
  const to = enforce(mayEmail(found.email));
  if (!ctx.deps.mailer.sendsForReal) throw new ParleyError(ErrorCode.EMAIL_NOT_CONFIGURED, 'Outgoing e-mail is not configured on this server (SMTP_URL)');
  // Marked first, in a transaction of its own, so that no one else answers it meanwhile; not kept
  // open while the mail server answers: the event feed and every webhook read only what every
  // running transaction is newer than, and would wait for the mail. A refused mail takes it back.
  const mail = await transaction(ctx.em, async (tx) => {
    await markHandled(tx, ctx.viewer, id, OfflineHandling.EMAIL, reply);
    const campaign = (await one<{ name: string; default_language: string }>(tx, 'select name, default_language from campaigns where id = ?', [found.campaignId]))!;
    return renderOfflineReply({ language: transcriptLanguage(found.language, campaign.default_language), campaignName: campaign.name, customerName: found.name, reply, original: found.body });
  });
  try {
    await ctx.deps.mailer.send({ to, ...mail });
  } catch (err) {
    await rows(ctx.em, `update offline_messages set handled_at = null, handled_how = null, handled_by_id = null, handled_by_name = null, reply = null where id = ? and handled_how = ?`, [
      id,
      OfflineHandling.EMAIL,
    ]);
    // The server's own answer ("550 No such mailbox") tells staff what to do; the rest is logged.
    ctx.deps.log.warn({ err, offlineMessageId: id }, 'offline reply not sent');
    const said = (err as { response?: unknown }).response;
    throw new ParleyError(ErrorCode.EMAIL_NOT_SENT, `The mail server did not take the reply${typeof said === 'string' ? `: ${said}` : ''}`);
  }
  return committed((await findOffline(ctx.em, id, ANYWHERE))!, [offlineChanged(found.campaignId)]);
}

/** Offline messages of a campaign were left or handled: whoever counts them counts again. */
export const offlineChanged = (campaignId: string): DomainEvent => ({ kind: 'OFFLINE_MESSAGES', campaignId });
