import { one } from '../../db/sql.js';
import type { Context } from '../../shared/context.js';
import { listenChannels, OVERFLOW, type Overflow } from '../../shared/bus.js';
import { LiveStream } from '../../shared/live-stream.js';
import { Topic, type InteractionStreamEvent } from '../../shared/topics.js';
import { locationOf } from '../interactions/interaction.events.js';
import { loadView, requireVisible } from '../interactions/interaction.access.js';
import { canSee, type ChatLocation } from '../interactions/visibility.rules.js';
import { canReadInternal, listMessages } from './message.service.js';
import type { MessageView } from './message.view.js';

const REPLAY_PAGE = 200;

/** What one live event asks of a follower: nothing more, a catch-up from storage (after looking whether the chat is still in sight), or the end. */
type Step = 'next' | 'replay' | 'look' | 'end';

/**
 * Stored messages after `afterSequence`, then live ones, with no gap and no duplicate. The live
 * channel is listened to before storage is read, and anything that arrives out of order (a publish
 * lost while Redis restarted, a subscriber too slow to keep up) is filled from storage. The stream
 * ends when the interaction leaves the subscriber's sight.
 *
 * A live message in order is decided and emitted in the bus's own dispatch, with no promise between
 * the broker and the socket; only a catch-up waits on storage, and live events meanwhile wait their turn.
 */
export async function messageStream(ctx: Context, interactionId: string, afterSequence: number | null): Promise<LiveStream<MessageView>> {
  const view = await requireVisible(ctx, interactionId);
  const out = new LiveStream<MessageView>(ctx.deps.config.SUBSCRIBER_BUFFER);
  const follower = new MessageFollower(ctx, interactionId, locationOf(view), out);
  const stop = await listenChannels<InteractionStreamEvent>(ctx.deps.topics.bus, [ctx.deps.topics.channel(Topic.INTERACTION, interactionId)], (event) => follower.offer(event));
  out.onClose(stop);
  try {
    // Without a cursor the client wants what comes next; the stored view may be older than the subscription.
    const last = afterSequence ?? (await one<{ last_sequence: number }>(ctx.deps.orm.em.fork(), 'select last_sequence from interactions where id = ?', [interactionId]))!.last_sequence;
    follower.start(last);
  } catch (err) {
    void out.return();
    throw err;
  }
  return out;
}

class MessageFollower {
  private last = 0;
  /** Reading storage: live events wait here, in order, until it is done. */
  private catchingUp = true;
  private waiting: (InteractionStreamEvent | Overflow)[] = [];
  /** Events were dropped while waiting: storage must be read again, and sight checked, before trusting the live ones. */
  private lost = false;
  private readonly internal: boolean;

  constructor(
    private readonly ctx: Context,
    private readonly interactionId: string,
    private location: ChatLocation,
    private readonly out: LiveStream<MessageView>,
  ) {
    this.internal = canReadInternal(ctx.viewer.kind);
  }

  start(last: number): void {
    this.last = last;
    this.catchUp('replay');
  }

  /** One event from the bus, decided now unless a catch-up is under way. */
  offer(event: InteractionStreamEvent | Overflow): void {
    if (this.out.closed) return;
    if (this.catchingUp) {
      if (this.waiting.length < this.ctx.deps.config.SUBSCRIBER_BUFFER) this.waiting.push(event);
      else {
        this.waiting = [];
        this.lost = true;
      }
      return;
    }
    const step = this.decide(event);
    if (step === 'end') this.out.end();
    else if (step !== 'next') this.catchUp(step);
  }

  private decide(event: InteractionStreamEvent | Overflow): Step {
    // Where events were lost, a move out of sight may have been among them: look again before replaying.
    if (event === OVERFLOW) return 'look';
    if (event.type === 'INTERACTION_CHANGED') this.location = locationOf(event.change.interaction);
    // Access can be taken away while the stream is open (the chat moved, tray access changed).
    if (!canSee(this.ctx.onlooker(), this.location)) return 'end';
    if (event.type === 'INTERACTION_CHANGED') return 'next';
    const m = event.message;
    if (m.sequence <= this.last) return 'next';
    if (m.sequence > this.last + 1) return 'look';
    this.last = m.sequence;
    // A consumer that is full takes this one, then waits; what follows comes from storage.
    if (this.shown(m) && !this.out.emit(m)) return 'replay';
    return 'next';
  }

  private shown(m: MessageView): boolean {
    return this.internal || m.visibility === 'PUBLIC';
  }

  private catchUp(first: 'replay' | 'look'): void {
    this.catchingUp = true;
    this.readStorage(first).catch((err) => this.out.fail(err));
  }

  /** Storage from `last` on, then the live events that waited; again while they ask for it. */
  private async readStorage(first: 'replay' | 'look'): Promise<void> {
    let look = first === 'look';
    for (;;) {
      await this.out.ready();
      if (this.out.closed) return;
      if (look && !(await this.stillInSight())) return this.out.end();
      look = false;
      const page = await listMessages(this.ctx.deps.orm.em.fork(), this.interactionId, this.last, REPLAY_PAGE, true);
      let full = false;
      for (const m of page) {
        this.last = m.sequence;
        if (this.shown(m) && !this.out.emit(m)) full = true;
      }
      if (this.out.closed) return;
      if (full || page.length === REPLAY_PAGE) continue;
      if (this.lost) {
        this.lost = false;
        look = true;
        continue;
      }
      const step = this.takeWaiting();
      if (step === 'end') return this.out.end();
      if (step === 'next') return;
      look = step === 'look';
    }
  }

  /** Decides the events that waited, in order; stops at the first that asks for storage again. */
  private takeWaiting(): Step {
    while (this.waiting.length > 0) {
      const step = this.decide(this.waiting.shift()!);
      if (step !== 'next') return step;
    }
    this.catchingUp = false;
    return 'next';
  }

  private async stillInSight(): Promise<boolean> {
    const fresh = await loadView(this.ctx.deps.orm.em.fork(), this.interactionId);
    if (fresh) this.location = locationOf(fresh);
    return fresh !== null && canSee(this.ctx.onlooker(), this.location);
  }
}
