import type { Orm } from '../../db/orm.js';
import type { Em } from '../../db/sql.js';
import { OVERFLOW, type Overflow } from '../../shared/bus.js';
import { LiveStream } from '../../shared/live-stream.js';
import { type InteractionChangedMessage, Topic, type Topics, type TopicPayloads } from '../../shared/topics.js';
import { RoutingStrategy } from '../campaigns/campaign.enums.js';
import { DirectoryPart } from '../directory/directory.enums.js';
import { locationOf } from '../interactions/interaction.events.js';
import { ChangeKind } from '../interactions/interaction.enums.js';
import type { InteractionView } from '../interactions/interaction.view.js';
import { Phase } from '../interactions/interaction.enums.js';
import type { Onlooker } from '../interactions/visibility.rules.js';
import { TrayKind } from '../trays/tray.enums.js';
import { Role } from '../users/user.enums.js';
import { listedNow, oldestWaiting, routingStrategies, waitingCounts } from './inbox.queries.js';
import {
  concernsMany,
  countChanges,
  countsFor,
  foldChange,
  type InboxChangeView,
  isListed,
  later,
  namedIn,
  type PicksFrom,
  type QueueCountView,
  queuePlace,
  type Staff,
  type WaitingCount,
} from './inbox.rules.js';

declare module '../../shared/deps.js' {
  interface Deps {
    /** Every person's inbox feed of this process, fed by one listener. */
    inbox: InboxHub;
  }
}

/** One frame of an inbox: on `reset`, everything it holds; otherwise what changed since the last. */
export interface InboxUpdateView {
  reset: boolean;
  changes: InboxChangeView[];
  queues: QueueCountView[];
}

export interface InboxOptions {
  frameMs: number;
  countsEveryMs: number;
  queueShown: number;
  buffer: number;
}

/** Frames are written to this many sockets, then the process turns to other work (routing, messages) before going on. */
const SOCKETS_PER_TURN = 64;

/** What the hub keeps of one subscriber: what its screen holds, so each frame says only what changed. */
class Inbox {
  readonly out: LiveStream<InboxUpdateView>;
  /** The chats the screen holds, each with the tray whose capped queue it takes a place in (null: none). */
  readonly shown = new Map<string, string | null>();
  /** The last view told of each chat held, so a late event with an older view is not told. */
  readonly told = new Map<string, InteractionView>();
  readonly places = new Map<string, number>();
  /** The latest view of each chat heard since the last frame. */
  pending = new Map<string, InteractionView>();
  countsTold = new Map<string, number>();
  countsToldAt = 0;
  /** The counts' reading this inbox last compared with, or -1 while counts wait for their turn. */
  countsSeen = -1;
  mustReset = true;
  behind = false;
  /** The caller as last listed for: a socket's caller is replaced when its access changes, and its list is read again. */
  listedFor: Onlooker | null = null;

  constructor(
    readonly userId: string,
    readonly watches: boolean,
    readonly onlooker: () => Onlooker,
    buffer: number,
  ) {
    this.out = new LiveStream<InboxUpdateView>(buffer);
  }

  hear(view: InteractionView): void {
    const known = this.pending.get(view.id);
    this.pending.set(view.id, known ? later(known, view) : view);
  }

  show(view: InteractionView, place: string | null): void {
    this.hide(view.id);
    this.shown.set(view.id, place);
    this.told.set(view.id, view);
    if (place) this.places.set(place, (this.places.get(place) ?? 0) + 1);
  }

  hide(id: string): void {
    const place = this.shown.get(id);
    if (place) this.places.set(place, this.places.get(place)! - 1);
    this.shown.delete(id);
    this.told.delete(id);
  }

  clear(): void {
    this.shown.clear();
    this.places.clear();
    this.told.clear();
    this.countsTold = new Map();
  }
}

/**
 * Every inbox of this process, kept live from one listener on the center's changes. An event is
 * only noted where it arrives; frames are made on a timer, so a chat that changes five times within
 * a frame is told once, and assignment and the customers' messages never wait behind the fan-out.
 *
 * An event reaches the inboxes of the people it names (holder, joined, personal tray's owner) and
 * of supervisors; only a chat asking for help or waiting in a tray that agents pick from reaches
 * every inbox. Queue counts are read once per frame for everyone, from the database.
 */
export class InboxHub {
  private readonly inboxes = new Set<Inbox>();
  private readonly byUser = new Map<string, Set<Inbox>>();
  /** Supervisors' inboxes: every event may concern them. */
  private readonly watchers = new Set<Inbox>();
  private heard: (InteractionChangedMessage | Overflow)[] = [];
  private stop: (() => void) | null = null;
  private starting: Promise<void> | null = null;
  private strategies: Map<string, RoutingStrategy> | null = null;
  private strategiesStale = true;
  private counts: WaitingCount[] = [];
  private countsStale = true;
  /** Bumped at every reading of the counts: an inbox with nothing heard compares counts only after one. */
  private countsReading = 0;
  private timer: { handle: NodeJS.Timeout; due: number } | null = null;
  private flushing = false;
  /** Asked for while a turn ran: another turn follows it. */
  private again = false;
  private closed = false;

  constructor(
    private readonly orm: Orm,
    private readonly topics: Topics,
    private readonly options: InboxOptions,
  ) {}

  /** A person's inbox feed: everything it holds first (`reset`), then frames of changes. */
  async open(userId: string, role: Role, onlooker: () => Onlooker): Promise<LiveStream<InboxUpdateView>> {
    await this.listen();
    const inbox = new Inbox(userId, role !== Role.AGENT, onlooker, this.options.buffer);
    this.inboxes.add(inbox);
    if (inbox.watches) this.watchers.add(inbox);
    (this.byUser.get(userId) ?? this.byUser.set(userId, new Set()).get(userId)!).add(inbox);
    inbox.out.onClose(() => {
      this.inboxes.delete(inbox);
      this.watchers.delete(inbox);
      this.byUser.get(userId)?.delete(inbox);
      if (this.byUser.get(userId)?.size === 0) this.byUser.delete(userId);
    });
    this.schedule(0);
    return inbox.out;
  }

  /** Callers of open sockets were resolved again: an inbox whose caller changed lists again. */
  recheck(): void {
    if (this.inboxes.size) this.schedule(0);
  }

  close(): void {
    this.closed = true;
    this.stop?.();
    if (this.timer) clearTimeout(this.timer.handle);
  }

  private listen(): Promise<void> {
    this.starting ??= (async () => {
      const stops = await Promise.all([
        this.topics.subscribe(Topic.CENTER, undefined, (m) => this.note(m)),
        this.topics.subscribe(Topic.DIRECTORY, undefined, (d: TopicPayloads[Topic.DIRECTORY]) => {
          if (d.what !== DirectoryPart.CAMPAIGN) return;
          this.strategiesStale = true;
          this.schedule(this.options.frameMs);
        }),
      ]);
      const gap = this.topics.bus.onGap?.(() => this.note(OVERFLOW));
      this.stop = () => [...stops, gap].forEach((s) => s?.());
    })().catch((err: unknown) => {
      // The broker refused: the next subscriber tries again.
      this.starting = null;
      throw err;
    });
    return this.starting;
  }

  /** Runs in the bus's dispatch: notes the event and nothing more. */
  private note(message: InteractionChangedMessage | Overflow): void {
    this.heard.push(message);
    this.schedule(this.options.frameMs);
  }

  /** A turn within `delayMs`: an earlier one already planned stands, a later one is brought forward. */
  private schedule(delayMs: number): void {
    if (this.closed) return;
    const due = Date.now() + delayMs;
    if (this.timer && this.timer.due <= due) return;
    if (this.timer) clearTimeout(this.timer.handle);
    const handle = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delayMs);
    this.timer = { handle, due };
  }

  private async flush(): Promise<void> {
    if (this.flushing) {
      this.again = true;
      return;
    }
    this.flushing = true;
    try {
      await this.frames(this.orm.em.fork() as Em);
    } catch {
      // A database hiccup: every inbox reads its list again on the next turn.
      this.countsStale = this.strategiesStale = true;
      for (const inbox of this.inboxes) inbox.mustReset = true;
      this.schedule(1000);
    } finally {
      this.flushing = false;
      if (this.again || this.heard.length) this.schedule(this.again ? 0 : this.options.frameMs);
      this.again = false;
    }
  }

  private async frames(em: Em): Promise<void> {
    if (this.strategiesStale || !this.strategies) {
      this.strategiesStale = false;
      const before = this.strategies;
      this.strategies = await routingStrategies(em);
      // A campaign that starts or stops leaving chats for agents to pick changes what inboxes list.
      if (before && [...this.strategies].some(([id, s]) => before.has(id) && before.get(id) !== s)) for (const inbox of this.inboxes) inbox.mustReset = true;
    }
    const strategies = this.strategies;
    const picksFrom: PicksFrom = (campaignId) => (strategies.get(campaignId) ?? RoutingStrategy.MANUAL) === RoutingStrategy.MANUAL;
    this.route(this.heard.splice(0), picksFrom);
    if (this.countsStale) {
      this.countsStale = false;
      this.counts = await waitingCounts(em);
      this.countsReading++;
    }
    // Queues agents pick from list their oldest chats; a personal tray's chats are its owner's own.
    const picked = new Set(this.counts.filter((c) => c.trayKind !== TrayKind.PERSONAL && picksFrom(c.campaignId)).map((c) => c.trayId));
    const personal = new Set(this.counts.filter((c) => c.trayKind === TrayKind.PERSONAL).map((c) => c.trayId));
    const refills = new Map<string, Promise<InteractionView[]>>();
    const shared = new Map<string, InboxUpdateView>();
    const now = Date.now();
    /** When the earliest inbox whose counts wait for their turn is due one. */
    let nextTurn = Infinity;
    let written = 0;
    for (const inbox of [...this.inboxes]) {
      if (inbox.out.closed || inbox.behind) continue;
      const who = inbox.onlooker();
      if (who.kind !== 'STAFF') continue;
      if (who !== inbox.listedFor) inbox.mustReset = true;
      const turn = inbox.countsToldAt + this.options.countsEveryMs;
      if (!inbox.mustReset && !inbox.pending.size) {
        if (inbox.countsSeen === this.countsReading) continue;
        // Nothing heard: only counts could have changed, of queues it neither picks from nor owns (those
        // move with chats it hears), and they wait for the inbox's turn.
        if (turn > now) {
          nextTurn = Math.min(nextTurn, turn);
          continue;
        }
      }
      const frame = inbox.mustReset ? await this.resetFrame(em, inbox, who) : await this.changeFrame(em, inbox, who, picksFrom, { picked, personal }, refills, shared);
      if (frame === 'DEFERRED') nextTurn = Math.min(nextTurn, turn);
      else if (frame) this.emit(inbox, frame);
      if (++written % SOCKETS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    if (nextTurn < Infinity) this.schedule(Math.max(0, nextTurn - Date.now()));
  }

  /** Hands each heard event to the inboxes it may concern. */
  private route(heard: (InteractionChangedMessage | Overflow)[], picksFrom: PicksFrom): void {
    for (const message of heard) {
      if (message === OVERFLOW) {
        // Events were lost in transit: nobody knows what it missed.
        this.countsStale = true;
        for (const inbox of this.inboxes) inbox.mustReset = true;
        continue;
      }
      const { interaction, previous } = message.change;
      const places = [interaction, previous].filter((v): v is InteractionView => v !== null).map(locationOf);
      if (places.some((loc) => loc.phase === Phase.WAITING)) this.countsStale = true;
      if (places.some((loc) => concernsMany(loc, picksFrom))) {
        for (const inbox of this.inboxes) inbox.hear(interaction);
        continue;
      }
      const named = new Set(places.flatMap(namedIn));
      for (const inbox of this.watchers) inbox.hear(interaction);
      for (const userId of named) for (const inbox of this.byUser.get(userId) ?? []) inbox.hear(interaction);
    }
  }

  private async resetFrame(em: Em, inbox: Inbox, who: Staff): Promise<InboxUpdateView> {
    inbox.mustReset = false;
    inbox.listedFor = who;
    // What was heard before the read began, the read reflects; what is heard during it comes next frame.
    inbox.pending = new Map();
    const views = await listedNow(em, who, this.options.queueShown);
    inbox.clear();
    for (const view of views) inbox.show(view, queuePlace(who, locationOf(view)));
    inbox.countsTold = countsFor(who, this.counts);
    inbox.countsToldAt = Date.now();
    inbox.countsSeen = this.countsReading;
    const changes = views.map((view) => ({ kind: ChangeKind.CREATED, interactionId: view.id, interaction: view }));
    return { reset: true, changes, queues: countChanges(new Map(), inbox.countsTold) };
  }

  private async changeFrame(
    em: Em,
    inbox: Inbox,
    who: Staff,
    picksFrom: PicksFrom,
    trays: { picked: ReadonlySet<string>; personal: ReadonlySet<string> },
    refills: Map<string, Promise<InteractionView[]>>,
    shared: Map<string, InboxUpdateView>,
  ): Promise<InboxUpdateView | 'DEFERRED' | null> {
    const cap = this.options.queueShown;
    const changes: InboxChangeView[] = [];
    const pending = inbox.pending;
    inbox.pending = new Map();
    for (const view of pending.values()) {
      const told = inbox.told.get(view.id);
      if (told && told !== view && later(told, view) === told) continue;
      const loc = locationOf(view);
      let listed = isListed(who, loc, picksFrom);
      const place = listed ? queuePlace(who, loc) : null;
      // Beyond the queue's cap a waiting chat is counted, not listed, until a place frees up.
      if (place && inbox.shown.get(view.id) !== place && (inbox.places.get(place) ?? 0) >= cap) listed = false;
      const change = foldChange(inbox.shown.has(view.id), view, listed);
      if (listed) inbox.show(view, place);
      else inbox.hide(view.id);
      if (change) changes.push(change);
    }
    const counts = countsFor(who, this.counts);
    for (const [trayId, waiting] of counts) {
      const taken = inbox.places.get(trayId) ?? 0;
      if (who.role !== Role.AGENT || !trays.picked.has(trayId) || taken >= Math.min(cap, waiting)) continue;
      if (!refills.has(trayId)) refills.set(trayId, oldestWaiting(em, trayId, cap));
      for (const view of await refills.get(trayId)!) {
        const loc = locationOf(view);
        if (inbox.shown.has(view.id) || (inbox.places.get(trayId) ?? 0) >= cap || queuePlace(who, loc) !== trayId || !isListed(who, loc, picksFrom)) continue;
        inbox.show(view, trayId);
        changes.push({ kind: ChangeKind.CREATED, interactionId: view.id, interaction: view });
      }
    }
    const queues = countChanges(inbox.countsTold, counts);
    inbox.countsSeen = this.countsReading;
    if (!changes.length && !queues.length) return null;
    // Counts alone wait for their turn, unless they are of a queue this person picks from or owns.
    const urgent = changes.length > 0 || queues.some((q) => trays.picked.has(q.trayId) || trays.personal.has(q.trayId)) || Date.now() - inbox.countsToldAt >= this.options.countsEveryMs;
    if (!urgent) {
      inbox.countsSeen = -1;
      return 'DEFERRED';
    }
    inbox.countsTold = counts;
    inbox.countsToldAt = Date.now();
    // Inboxes told the same (a chat new in a queue many pick from, the same counts) share one frame, serialised once.
    const key = `${changes.map((c) => `${c.kind}:${c.interactionId}:${c.interaction?.revision}:${c.interaction?.updatedAt}`).join(',')}|${JSON.stringify(queues)}`;
    return shared.get(key) ?? shared.set(key, { reset: false, changes, queues }).get(key)!;
  }

  /** A screen that stops reading gets nothing more until it has room, then all it holds again. */
  private emit(inbox: Inbox, frame: InboxUpdateView): void {
    if (inbox.out.emit(frame) || inbox.out.closed) return;
    inbox.behind = true;
    void inbox.out.ready().then(() => {
      inbox.behind = false;
      inbox.mustReset = true;
      this.schedule(0);
    });
  }
}
