import type { Orm } from '../../db/orm.js';
import { Topic, type Topics } from '../../shared/topics.js';
import { type TodayData, todayData } from './monitor-today.queries.js';
import { campaignsToday, monitorAgents, openChats, teams } from './monitor.queries.js';
import type { MonitorFilter } from './monitor.rules.js';
import { type MonitorData, type MonitorSnapshot, monitorSnapshot } from './monitor.snapshot.js';

declare module '../../shared/deps.js' {
  interface Deps {
    /** The live monitor's rows, shared by every supervisor's query and subscription in this process. */
    monitor: MonitorModel;
  }
}

/**
 * Every change that moves the dashboard publishes an event (chats, agent states and presence, the
 * directory), so age only catches "today" turning into tomorrow. Rows older than this are served
 * once more while a reload runs behind. Loading ten thousand rows takes the process tens of
 * milliseconds, which a short age would charge to requests every couple of seconds.
 */
const MAX_AGE_MS = 30_000;

/**
 * Supervisors asking with the same filter within this long of one another share one snapshot:
 * bands, alerts and service levels are counted in seconds, so nobody sees a difference, and twenty
 * dashboards redrawn after a change cost one computation, not twenty.
 */
const SNAPSHOT_SHARE_MS = 1_000;

/**
 * The rows the live monitor is drawn from, loaded once per change rather than once per request or
 * per subscriber. Every interaction change, agent state change and directory edit from any process
 * (and this process's own, at once) marks them stale; the next reader reloads, and readers that
 * arrive meanwhile share that load. A load that an event overtook is used by the readers who asked
 * before it, but not kept. Rows only grown old are served while a reload runs behind.
 */
export class MonitorModel {
  private generation = 0;
  private kept: { data: MonitorData; generation: number; at: number } | null = null;
  private loading: { promise: Promise<MonitorData>; generation: number } | null = null;
  private stop: (() => void) | null = null;
  /** Today's hourly figures are read by few and change with chats and campaigns only: kept apart from the snapshot's rows. */
  private todayGeneration = 0;
  private todayRows: { promise: Promise<TodayData>; generation: number } | null = null;
  private stopToday: (() => void) | null = null;

  constructor(
    private readonly orm: Orm,
    private readonly topics: Topics,
    private readonly graceMs: number,
  ) {}

  async start(): Promise<void> {
    this.stop = await this.topics.watch([Topic.CENTER, Topic.AGENTS, Topic.DIRECTORY, Topic.CALLS], () => this.generation++);
    this.stopToday = await this.topics.watch([Topic.CENTER, Topic.DIRECTORY], () => this.todayGeneration++);
  }

  close(): void {
    this.stop?.();
    this.stopToday?.();
  }

  /**
   * Today's queued chats, loaded only when someone asks for today's figures and then once per
   * change, shared by the readers that arrive meanwhile. Nothing here is read by the snapshot.
   */
  today(): Promise<TodayData> {
    const kept = this.todayRows;
    if (kept && kept.generation === this.todayGeneration) return kept.promise;
    const loading = { promise: todayData(this.orm.em.fork()), generation: this.todayGeneration };
    this.todayRows = loading;
    // A failed load is not kept: the next reader tries again.
    loading.promise.catch(() => {
      if (this.todayRows === loading) this.todayRows = null;
    });
    return loading.promise;
  }

  private readonly snapshots = new Map<string, { data: MonitorData; at: number; snapshot: MonitorSnapshot }>();

  /** The snapshot for a filter, from the current rows, shared with other readers of the same filter for a moment. */
  async snapshot(filter: MonitorFilter): Promise<MonitorSnapshot> {
    const data = await this.current();
    const key = JSON.stringify(filter);
    const shared = this.snapshots.get(key);
    const now = Date.now();
    if (shared && shared.data === data && now - shared.at < SNAPSHOT_SHARE_MS) return shared.snapshot;
    const snapshot = monitorSnapshot(data, filter, new Date(now));
    // Filters are few per center (one per dashboard view); the map is cleared rather than let grow.
    if (this.snapshots.size > 100) this.snapshots.clear();
    this.snapshots.set(key, { data, at: now, snapshot });
    return snapshot;
  }

  current(): Promise<MonitorData> {
    const kept = this.kept;
    if (kept && kept.generation === this.generation) {
      if (Date.now() - kept.at >= MAX_AGE_MS && !this.loading) void this.reload().catch(() => {});
      return Promise.resolve(kept.data);
    }
    if (this.loading && this.loading.generation === this.generation) return this.loading.promise;
    return this.reload();
  }

  private reload(): Promise<MonitorData> {
    const generation = this.generation;
    const at = Date.now();
    const promise = this.load().then((data) => {
      if (generation === this.generation) this.kept = { data, generation, at };
      return data;
    });
    const loading = { promise, generation };
    this.loading = loading;
    void promise
      .finally(() => {
        if (this.loading === loading) this.loading = null;
      })
      .catch(() => {});
    return promise;
  }

  private async load(): Promise<MonitorData> {
    const em = this.orm.em.fork();
    const [chats, agents, days, allTeams] = await Promise.all([openChats(em), monitorAgents(em, this.graceMs), campaignsToday(em), teams(em)]);
    return { chats, agents, days, teams: allTeams };
  }
}
