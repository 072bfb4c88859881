import { randomUUID } from 'node:crypto';
import { type Em, rows } from '../../db/sql.js';
import { scopeFrom } from '../auth/scope.rules.js';
import { heldBack, readEvents } from '../events/event-feed.js';
import { compare, encodeCursor, feedMatches, parseSnapshot, pastStart, snapshotText } from '../events/event-feed.rules.js';
import { transaction } from '../../db/transaction.js';

/** Events one pump takes per hook; a full take is followed by another pump. */
const TAKE = 200;

export interface PumpResult {
  /** Deliveries logged: the courier has work. */
  logged: number;
  /** A hook had more events than one take: pump again now. */
  more: boolean;
  /**
   * Pump again shortly: events committed behind a transaction still running are not readable yet,
   * or another process holds some hooks (it may be stopping, or have read them before the commit
   * that woke this pump).
   */
  again: boolean;
}

/**
 * Turns new events into deliveries, for every active hook from its own feed position: the log rows
 * and the hook's new position commit together, so an event is logged once per hook. Hooks another
 * process is pumping are skipped, and looked at again shortly: that process may have read them just
 * before the commit that woke this pump, and be stopping.
 */
export async function pumpWebhooks(em: Em): Promise<PumpResult> {
  const result: PumpResult = { logged: 0, more: false, again: false };
  await transaction(em, async (tx) => {
    const hooks = await rows(
      tx,
      // The reach of the person behind each hook, read now: a campaign moved out of their group stops reaching it.
      `select w.id, w.event_types, w.campaign_ids, w.feed_txid::text as txid, w.feed_id::text as fid, w.feed_started_after, u.security_group_id,
              (select count(*)::int from webhooks a where a.active) as active_hooks,
              case when u.security_group_id is null then null else array(select gc.id::text from campaigns gc where gc.security_group_id = u.security_group_id) end as group_campaign_ids
         from webhooks w left join users u on u.id = w.created_by_id
        where w.active order by w.id for update of w skip locked`,
    );
    // Fewer than are active: another process holds some. With none taken, it is counted on its own.
    const active = hooks.length ? hooks[0]!.active_hooks : (await rows<{ n: number }>(tx, 'select count(*)::int as n from webhooks where active'))[0]!.n;
    result.again = active > hooks.length;
    // Asked before the reads, from the hook furthest behind: a transaction that holds events back
    // and ends during the reads would otherwise leave them unread and unflagged, with no commit of
    // events to wake a pump again.
    const behind = hooks.map((h) => ({ txid: BigInt(h.txid), id: BigInt(h.fid) })).sort(compare)[0];
    if (behind && (await heldBack(tx, behind))) result.again = true;
    for (const hook of hooks) {
      const events = await readEvents(tx, { txid: BigInt(hook.txid), id: BigInt(hook.fid) }, TAKE);
      if (events.length === 0) continue;
      result.more ||= events.length === TAKE;
      const reach = scopeFrom({ securityGroupId: hook.security_group_id, groupCampaignIds: hook.group_campaign_ids });
      // A hook made "from now" is not sent what was committed before it was made.
      let startedAfter = hook.feed_started_after ? parseSnapshot(hook.feed_started_after) : null;
      const wanted = events.filter((e) => {
        const past = pastStart(startedAfter, e.position.txid);
        startedAfter = past.startedAfter;
        return !past.skip && feedMatches({ campaignIds: hook.campaign_ids, channels: [], types: hook.event_types }, reach, e);
      });
      if (wanted.length)
        result.logged += (
          await logDeliveries(
            tx,
            hook.id,
            wanted.map((e) => ({ id: randomUUID(), event: e })),
          )
        ).length;
      const last = events.at(-1)!.position;
      await rows(tx, 'update webhooks set feed_txid = ?::text::xid8, feed_id = ?, feed_started_after = ? where id = ?', [
        last.txid.toString(),
        last.id.toString(),
        startedAfter && snapshotText(startedAfter),
        hook.id,
      ]);
    }
  });
  return result;
}

async function logDeliveries(tx: Em, webhookId: string, items: { id: string; event: Awaited<ReturnType<typeof readEvents>>[number] }[]): Promise<string[]> {
  const input = items.map(({ id, event }) => {
    const eventId = encodeCursor(event.position);
    return {
      id,
      event_key: eventId,
      event_type: event.type,
      interaction_id: event.interactionId,
      // The feed's field names (interactionEvents), with the cursor also as the delivery's event id.
      payload: {
        id: eventId,
        cursor: eventId,
        type: event.type,
        interactionId: event.interactionId,
        campaignId: event.campaignId,
        channel: event.channel,
        actorKind: event.actorKind,
        actorId: event.actorId,
        data: event.data,
        createdAt: event.createdAt.toISOString(),
      },
    };
  });
  const inserted = await rows<{ id: string }>(
    tx,
    `insert into webhook_deliveries (id, webhook_id, event_key, event_type, interaction_id, payload, created_at)
     select d.id, ?, d.event_key, d.event_type, d.interaction_id, d.payload, now()
       from rows from (jsonb_to_recordset(?::jsonb) as (id uuid, event_key text, event_type text, interaction_id uuid, payload jsonb))
            with ordinality as d(id, event_key, event_type, interaction_id, payload, n)
      order by d.n
     on conflict (webhook_id, event_key) do nothing returning id`,
    [webhookId, JSON.stringify(input)],
  );
  return inserted.map((r) => r.id);
}
