import { type Committed, committed } from '../domain-events/domain-event.js';
import { startMoment, unknownEventTypes } from '../events/event-feed.rules.js';
import { randomBytes } from 'node:crypto';
import { allExist, type Em, one, pgArray, rows, type Row } from '../../db/sql.js';
import { badInput, notFound } from '../../shared/errors.js';
import { campaignListSql, campaignsWithin, type Scope } from '../auth/scope.rules.js';
import { type DeliveryStatus, hookUrlRefusal } from './webhook.rules.js';
import type { InteractionEventType } from '../interactions/interaction.enums.js';
import { PRESENT_SQL, startAt } from '../events/event-feed.js';

export interface WebhookView {
  id: string;
  url: string;
  eventTypes: InteractionEventType[];
  campaignIds: string[];
  active: boolean;
  disabledReason: string | null;
  consecutiveFailures: number;
  createdAt: Date;
}

export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  interactionId: string | null;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

const COLUMNS = 'id, url, event_types, campaign_ids, active, disabled_reason, consecutive_failures, created_at';
const toView = (r: Row): WebhookView => ({
  id: r.id,
  url: r.url,
  eventTypes: r.event_types,
  campaignIds: r.campaign_ids,
  active: r.active,
  disabledReason: r.disabled_reason,
  consecutiveFailures: r.consecutive_failures,
  createdAt: new Date(r.created_at),
});

/** The hooks within a scope: those whose campaigns it all reaches (a hook for every campaign sends every campaign's events). */
const hookScopeSql = (scope: Scope) => campaignListSql(scope, 'campaign_ids');

/** Answers NOT_FOUND for a hook outside a grouped administrator's scope; for ALL the callers' own checks stand. */
export async function requireHookInScope(em: Em, scope: Scope, id: string): Promise<void> {
  if (scope.kind === 'ALL') return;
  const inScope = hookScopeSql(scope);
  if (!(await one(em, `select 1 from webhooks where id = ? and ${inScope.sql}`, [id, ...inScope.params]))) throw notFound('Webhook');
}

/** Registers a hook; it receives events from now on. The secret it signs with is returned once. */
export async function createWebhook(
  em: Em,
  url: string,
  eventTypes: string[],
  asked: string[],
  scope: Scope,
  allowPrivate = false,
  creator: { userId: string } | { keyId: string } | null = null,
  since: { at: Date; retentionDays: number } | null = null,
): Promise<Committed<{ webhook: WebhookView; secret: string }>> {
  // A moment to come is refused before anything else is looked at.
  const moment = since && startMoment(since.at, new Date(), since.retentionDays);
  if (moment && 'refusal' in moment) throw badInput(moment.refusal, 'since');
  const refusal = hookUrlRefusal(url, allowPrivate);
  if (refusal) throw badInput(refusal, 'url');
  const unknown = unknownEventTypes(eventTypes);
  if (unknown.length) throw badInput(`Unknown event type: ${unknown.join(', ')}`, 'eventTypes');
  // A campaign outside the scope is refused as if it did not exist; "every campaign" is the scope's own.
  const within = campaignsWithin(scope, asked);
  if ('outside' in within || !(await allExist(em, 'campaigns', within.ids))) throw badInput('Unknown campaign', 'campaignIds');
  const campaignIds = within.ids;
  if (scope.kind === 'LIMITED' && campaignIds.length === 0) throw badInput('You reach no campaign', 'campaignIds');
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  // It starts where asked, or at the feed's present: read by the statement that makes it, so what
  // committed before it existed is not sent.
  const from = since && (await startAt(em, since.at, since.retentionDays));
  const start = from ? { sql: 'select ?::text::xid8 as txid, ?::bigint as id, null::pg_snapshot as snapshot', params: [from.txid.toString(), from.id.toString()] } : { sql: PRESENT_SQL, params: [] };
  const row = await one(
    em,
    `insert into webhooks (id, url, event_types, campaign_ids, secret, feed_txid, feed_id, feed_started_after, created_at, created_by_id)
     select gen_random_uuid(), ?, ?::text[], ?::text[], ?, coalesce(p.txid, '0'::xid8), coalesce(p.id, 0), p.snapshot::text, now(),
            coalesce(?::uuid, (select created_by_id from api_keys where id = ?::uuid))
       from (${start.sql}) p
     returning ${COLUMNS}`,
    [
      url,
      pgArray([...new Set(eventTypes)]),
      pgArray([...new Set(campaignIds)]),
      secret,
      creator && 'userId' in creator ? creator.userId : null,
      creator && 'keyId' in creator ? creator.keyId : null,
      ...start.params,
    ],
  );
  return committed({ webhook: toView(row!), secret }, [{ kind: 'HOOK_ON' }]);
}

export async function listWebhooks(em: Em, scope: Scope): Promise<WebhookView[]> {
  const inScope = hookScopeSql(scope);
  return (await rows(em, `select ${COLUMNS} from webhooks where ${inScope.sql} order by created_at desc, id`, inScope.params)).map(toView);
}

/** Turns a hook on again (after it was disabled) or off; on again, it goes on from where it stopped. */
export async function setWebhookActive(em: Em, id: string, active: boolean): Promise<Committed<WebhookView>> {
  const row = await one(
    em,
    `update webhooks set active = ?, disabled_reason = case when ? then null else coalesce(disabled_reason, 'Turned off by an administrator') end,
            consecutive_failures = case when ? then 0 else consecutive_failures end
      where id = ? returning ${COLUMNS}`,
    [active, active, active, id],
  );
  if (!row) throw notFound('Webhook');
  // What waited while it was off (retries included) is due at once.
  if (active) await rows(em, "update webhook_deliveries set next_attempt_at = now() where webhook_id = ? and status = 'PENDING'", [id]);
  return committed(toView(row), active ? [{ kind: 'HOOK_ON' }] : []);
}

/** Deletes a hook and its delivery log: nothing of it is sent again, retries included. */
export async function deleteWebhook(em: Em, id: string): Promise<void> {
  const gone = await rows(em, 'delete from webhooks where id = ? returning id', [id]);
  if (gone.length === 0) throw notFound('Webhook');
}

const DELIVERY_COLUMNS = 'id, event_key, event_type, interaction_id, status, attempts, last_status_code, last_error, created_at, delivered_at';
const toDeliveryView = (r: Row): DeliveryView => ({
  id: r.id,
  eventId: r.event_key,
  eventType: r.event_type,
  interactionId: r.interaction_id,
  status: r.status,
  attempts: r.attempts,
  lastStatusCode: r.last_status_code,
  lastError: r.last_error,
  createdAt: new Date(r.created_at),
  deliveredAt: r.delivered_at ? new Date(r.delivered_at) : null,
});

/** The hook a delivery belongs to; NOT_FOUND when there is none. */
/**
 * Sends a delivery again, as a new series of attempts, under the same event id (a receiver that kept
 * it may drop it). One statement finds it within the caller's hooks: outside them it is NOT_FOUND.
 */
export async function redeliver(em: Em, scope: Scope, deliveryId: string): Promise<Committed<DeliveryView>> {
  const inScope = hookScopeSql(scope);
  const row = await one(
    em,
    `update webhook_deliveries set status = 'PENDING', attempts = 0, next_attempt_at = now(), claimed_until = null, delivered_at = null
      where id = ? and webhook_id in (select id from webhooks where ${inScope.sql}) returning ${DELIVERY_COLUMNS}`,
    [deliveryId, ...inScope.params],
  );
  if (!row) throw notFound('Delivery');
  return committed(toDeliveryView(row), [{ kind: 'DELIVERY_DUE' }]);
}

/** A test request to the hook, logged, signed and retried like any delivery: type PING, no interaction. */
export async function ping(em: Em, webhookId: string): Promise<Committed<DeliveryView>> {
  const eventId = `ping_${randomBytes(12).toString('base64url')}`;
  const row = await one(
    em,
    `insert into webhook_deliveries (id, webhook_id, event_key, event_type, interaction_id, payload, created_at)
     select gen_random_uuid(), w.id, ?, 'PING', null, jsonb_build_object('id', ?::text, 'type', 'PING', 'webhookId', w.id, 'createdAt', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')), now()
       from webhooks w where w.id = ? returning ${DELIVERY_COLUMNS}`,
    [eventId, eventId, webhookId],
  );
  if (!row) throw notFound('Webhook');
  return committed(toDeliveryView(row), [{ kind: 'DELIVERY_DUE' }]);
}

/** The delivery log of a hook, newest first. */
export async function deliveriesOf(em: Em, webhookId: string, first: number): Promise<DeliveryView[]> {
  if (first < 1 || first > 500) throw badInput('Ask for 1 to 500 deliveries', 'first');
  if (!(await one(em, 'select 1 from webhooks where id = ?', [webhookId]))) throw notFound('Webhook');
  const found = await rows(em, `select ${DELIVERY_COLUMNS} from webhook_deliveries where webhook_id = ? order by created_at desc, seq desc limit ?`, [webhookId, first]);
  return found.map(toDeliveryView);
}
