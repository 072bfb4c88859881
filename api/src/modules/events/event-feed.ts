import { randomUUID } from 'node:crypto';
import { PgListener } from '../../db/listener.js';
import { onTrailCommit } from '../../db/trail-commits.js';
import { SoonestTimer } from '../../shared/soonest-timer.js';
import type { Orm } from '../../db/orm.js';
import { type Em, rows } from '../../db/sql.js';
import type { Logger } from '../../shared/logger.js';
import type { ActorKind, Channel } from '../interactions/interaction.enums.js';
import type { Scope } from '../auth/scope.rules.js';
import {
  compare,
  feedData,
  type FeedEventRow,
  type FeedFilter,
  feedMatches,
  type FeedPosition,
  parseSnapshot,
  pastStart,
  retentionStart,
  type Snapshot,
  START,
  startMoment,
} from './event-feed.rules.js';
import { badInput } from '../../shared/errors.js';

declare module '../../shared/deps.js' {
  interface Deps {
    /** The interaction trail as a resumable feed for integrators. */
    feed: EventFeed;
  }
}

export interface FeedEvent extends FeedEventRow {
  interactionId: string;
  actorKind: ActorKind;
  actorId: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
}

interface Reader {
  filter: FeedFilter;
  /** The reader's scope: events of campaigns outside it are never read to it. */
  campaigns: Scope;
  position: FeedPosition;
  /** A reader "from now": events of transactions done before it started are skipped. */
  startedAfter: Snapshot | null;
  /** Events handed over and not yet taken by the socket; past the limit the reader is skipped, not buffered. */
  pending: number;
  deliver: (event: FeedEvent) => Promise<unknown>;
}

/**
 * Events after a position, in feed order, from transactions older than every one still running:
 * the one read the live feed and the webhooks share, so staff-only details are left out here.
 */
export async function readEvents(em: Em, from: FeedPosition, limit: number): Promise<FeedEvent[]> {
  const found = await rows(
    em,
    `select e.id::text, e.txid::text, e.interaction_id, e.type, e.actor_kind, e.actor_id, e.data, e.created_at, i.campaign_id, i.channel
       from interaction_events e join interactions i on i.id = e.interaction_id
      where (e.txid, e.id) > (?::text::xid8, ?::bigint) and e.txid < pg_snapshot_xmin(pg_current_snapshot())
      order by e.txid, e.id limit ?`,
    [from.txid.toString(), from.id.toString(), limit],
  );
  return found.map((r) => ({
    position: { txid: BigInt(r.txid), id: BigInt(r.id) },
    interactionId: r.interaction_id,
    campaignId: r.campaign_id,
    channel: r.channel as Channel,
    type: r.type,
    actorKind: r.actor_kind,
    actorId: r.actor_id,
    data: feedData(r.type, typeof r.data === 'string' ? JSON.parse(r.data) : r.data),
    createdAt: new Date(r.created_at),
  }));
}

/**
 * Where a reader starting at `at` starts: before every transaction that recorded events from then
 * on, so none of them is missed (events of a transaction that began a little earlier may come too).
 * A transaction gets its id at its first write, so one that began after `at` may hold a lower id than
 * the first event's: the lowest among those recorded within a minute of the first is taken (Parley's
 * transactions last milliseconds). One still running, whatever it will write, is at or above the
 * snapshot's xmin, which bounds the start too, as it does when nothing was recorded since. One
 * statement, so no commit falls between two reads.
 */
export async function positionAt(em: Em, at: Date): Promise<FeedPosition> {
  const [row] = await rows<{ txid: string }>(
    em,
    `with first as (select created_at from interaction_events where created_at >= ? order by created_at limit 1)
     select least((select min(e.txid) from interaction_events e, first f where e.created_at >= ? and e.created_at < f.created_at + interval '1 minute'),
                  pg_snapshot_xmin(pg_current_snapshot()))::text as txid`,
    [at, at],
  );
  return { txid: BigInt(row!.txid), id: 0n };
}

/** Where the feed of `since` starts, as far back as the retention (webhooks' `since` too); a moment to come is BAD_USER_INPUT. */
export async function startAt(em: Em, since: Date, retentionDays: number): Promise<FeedPosition> {
  const moment = startMoment(since, new Date(), retentionDays);
  if ('refusal' in moment) throw badInput(moment.refusal, 'since');
  return positionAt(em, moment.at);
}

/**
 * A cursor a reader resumes after, refused when it lies before the retention's start: its event aged
 * out, or the cursor was made up ("0:0" would replay the whole trail). Decided by position alone, so
 * it tells nothing of any one event.
 */
export async function resumeAfter(em: Em, cursor: FeedPosition, retentionDays: number): Promise<FeedPosition> {
  const kept = await positionAt(em, retentionStart(new Date(), retentionDays));
  if (compare(cursor, kept) < 0) throw badInput(`This cursor is older than the feed's retention of ${retentionDays} days: start again with since`, 'after');
  return cursor;
}

/**
 * The feed's present as one row (`txid`, `id`: the last event every running transaction is newer
 * than, null when there is none; `snapshot`: which transactions had committed), for a statement
 * that keeps it where it decides (a webhook's start is written by the statement that reads it).
 */
export const PRESENT_SQL = `select last.txid, last.id, s.snapshot
    from (select pg_current_snapshot() as snapshot) s
    left join lateral (select txid, id from interaction_events where txid < pg_snapshot_xmin(s.snapshot) order by txid desc, id desc limit 1) last on true`;

/**
 * Where a reader "from now" starts: below every transaction still running (so none of theirs is
 * lost), with the snapshot that tells which events after that were already committed, and skipped.
 */
export async function presentStart(em: Em): Promise<{ position: FeedPosition; startedAfter: Snapshot }> {
  const [row] = await rows<{ txid: string | null; id: string | null; snapshot: string }>(em, `select p.txid::text, p.id::text, p.snapshot::text from (${PRESENT_SQL}) p`);
  const position = row?.txid ? { txid: BigInt(row.txid), id: BigInt(row.id!) } : START;
  return { position, startedAfter: parseSnapshot(row!.snapshot) };
}

/** Whether events after a position are committed but wait behind an older transaction still running. */
export async function heldBack(em: Em, from: FeedPosition): Promise<boolean> {
  const [row] = await rows<{ held: boolean }>(
    em,
    `select exists (select 1 from interaction_events where txid >= pg_snapshot_xmin(pg_current_snapshot()) and (txid, id) > (?::text::xid8, ?::bigint)) as held`,
    [from.txid.toString(), from.id.toString()],
  );
  return row?.held === true;
}

/** How many events one read takes; a full read is followed by another at once. */
const BATCH = 500;
/** While events wait behind a running transaction, look again this soon; otherwise this rarely. */
const SOON_MS = 50;
const SAFETY_MS = 5_000;
/** Other processes are told of this one's commits at most this often (the first at once). */
const TELL_EVERY_MS = 20;
const CHANNEL = 'parley_events';

/**
 * The interaction trail as a feed, read by every reader of this process from one query per wake-up.
 * A commit of this process that wrote events wakes it at once (`trail-commits.ts`); the other
 * processes hear of such commits through one NOTIFY per TELL_EVERY_MS at most, however many
 * there were (LISTEN/NOTIFY, so it arrives after the commits it tells of). Events are read in
 * (transaction, id) order and only from transactions older than every one still running, so a reader
 * that resumes after a cursor gets every later event exactly once, whichever process wrote it and
 * however late its transaction committed. A slow reader is skipped while its socket is full and
 * read again from its own position, so it holds nobody up and loses nothing.
 */
export class EventFeed {
  private readonly readers = new Set<Reader>();
  private readonly listener: PgListener;
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly commitWatchers: (() => void)[] = [];
  /** Names this process in its NOTIFYs, so it skips its own. */
  private readonly id = randomUUID();
  private toldAt = 0;
  /** The next NOTIFY to the other processes; the one already set is never put off (see tellOthers). */
  private readonly telling = new SoonestTimer(() => {
    this.toldAt = Date.now();
    rows(this.orm.em.fork(), 'select pg_notify(?, ?)', [CHANNEL, this.id]).catch((err: unknown) => this.log.warn({ err }, 'event feed: telling the other processes failed'));
  });
  private readonly stopWatching: () => void;

  constructor(
    private readonly orm: Orm,
    databaseUrl: string,
    private readonly log: Logger,
    private readonly readerBuffer: number,
  ) {
    // After a lost connection, read what was committed meanwhile.
    this.listener = new PgListener(databaseUrl, 'parley-event-feed', [CHANNEL], { notified: (_channel, from) => from !== this.id && this.committed(), reconnected: () => this.committed() }, log);
    this.stopWatching = onTrailCommit(orm.em, () => {
      this.committed();
      this.tellOthers();
    });
  }

  async start(): Promise<void> {
    await this.listener.start();
    this.schedule(SAFETY_MS);
  }

  /** During shutdown the database may go first (the embedded one stops on the same signal): no reconnecting then. */
  silence(): void {
    this.closed = true;
    this.listener.silence();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopWatching();
    if (this.timer) clearTimeout(this.timer);
    this.telling.clear();
    await this.listener.close();
  }

  /** "From now on": see `presentStart`. */
  now(): Promise<{ position: FeedPosition; startedAfter: Snapshot }> {
    return presentStart(this.orm.em.fork());
  }

  /** Calls `watcher` at every commit that wrote events, from any process (webhooks pump on it). */
  onCommit(watcher: () => void): void {
    this.commitWatchers.push(watcher);
  }

  add(filter: FeedFilter, campaigns: Scope, start: { position: FeedPosition; startedAfter?: Snapshot | null }, deliver: Reader['deliver']): () => void {
    const reader: Reader = { filter, campaigns, position: start.position, startedAfter: start.startedAfter ?? null, pending: 0, deliver };
    this.readers.add(reader);
    this.wake();
    return () => void this.readers.delete(reader);
  }

  private committed(): void {
    this.wake();
    for (const watcher of this.commitWatchers) watcher();
  }

  /**
   * Tells the other processes that events were committed here: at once after a quiet spell, else
   * once at the end of the current TELL_EVERY_MS for every commit within it. One lost (the database
   * away a moment) leaves them to their SAFETY_MS look.
   */
  private tellOthers(): void {
    if (!this.closed) this.telling.in(Math.max(0, this.toldAt + TELL_EVERY_MS - Date.now()));
  }

  private schedule(ms: number): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.wake(), ms);
    this.timer.unref();
  }

  /** Reads once more; wake-ups during a read fold into one more read. */
  private wake(): void {
    if (this.closed || this.readers.size === 0) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          const { full, held } = await this.readOnce();
          if (full) this.again = true;
          this.schedule(held ? SOON_MS : SAFETY_MS);
        } while (this.again && !this.closed);
      } catch (err) {
        this.log.error({ err }, 'event feed read failed');
        this.schedule(1000);
      } finally {
        this.running = null;
      }
    })();
  }

  private async readOnce(): Promise<{ full: boolean; held: boolean }> {
    const ready = [...this.readers].filter((r) => r.pending < this.readerBuffer);
    if (ready.length === 0) return { full: false, held: false };
    const from = ready.reduce((min, r) => (compare(r.position, min) < 0 ? r.position : min), ready[0]!.position);
    const em = this.orm.em.fork();
    // Asked before the read: if the transaction holding events back ends in between, the read
    // already has them; asked after, they could wait for the safety timer.
    const held = await heldBack(em, from);
    const events = await readEvents(em, from, BATCH);
    for (const reader of ready) {
      for (const event of events) {
        if (reader.pending >= this.readerBuffer) break;
        if (compare(event.position, reader.position) <= 0) continue;
        reader.position = event.position;
        const past = pastStart(reader.startedAfter, event.position.txid);
        reader.startedAfter = past.startedAfter;
        if (past.skip) continue;
        if (!feedMatches(reader.filter, reader.campaigns, event)) continue;
        reader.pending++;
        void reader.deliver(event).finally(() => {
          reader.pending--;
          // A reader that was full catches up from its own position once its socket drains.
          if (reader.pending === this.readerBuffer - 1) this.wake();
        });
      }
    }
    return { full: events.length === BATCH, held };
  }
}
