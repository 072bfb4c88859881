import type { Deps } from '../../shared/deps.js';
import type { Committed, DomainEvent } from './domain-event.js';

declare module '../../shared/deps.js' {
  interface Deps {
    /** Hands what a commit caused to the modules that react to it (`server/after-commit.ts` lists them). */
    dispatcher: Dispatcher;
  }
}

/** A module's reaction to committed events; it picks the kinds it cares about. */
export type Listener = (deps: Deps, events: readonly DomainEvent[]) => Promise<void>;

/**
 * What a listener's failure means to the caller. `TELL`: the caller hears it as an error after every
 * listener has run, and retries (a send retried with its client id publishes the stored message
 * again), so a message or change nobody heard is not left for the next one to reveal. `LOG`: it is
 * logged only (routing and agents' states are worked out again at the next event).
 */
export type OnFailure = 'TELL' | 'LOG';

/**
 * After a commit, its events go to every listener in the one order given at start-up, each listener
 * finishing before the next starts (subscribers hear of a change before routing acts on it, and
 * routing has acted before agents' states are told). A failing listener does not stop the next: the
 * change is committed and stays.
 */
export class Dispatcher {
  constructor(private readonly listeners: readonly (readonly [name: string, listener: Listener, onFailure: OnFailure])[]) {}

  async dispatch(deps: Deps, events: readonly DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    let told: unknown = null;
    for (const [name, listener, onFailure] of this.listeners) {
      try {
        await listener(deps, events);
      } catch (err) {
        deps.log.error({ err, listener: name }, 'after a commit: a listener failed');
        if (onFailure === 'TELL') told ??= err;
      }
    }
    if (told !== null) throw told;
  }
}

/** Waits for a service's commit, hands its events on, and answers its result. */
export async function dispatched<T>(deps: Deps, work: Committed<T> | Promise<Committed<T>>): Promise<T> {
  const { value, events } = await work;
  await deps.dispatcher.dispatch(deps, events);
  return value;
}

/** The distinct values of one field of the events of one kind, in the order first seen. */
export function distinct<K extends DomainEvent['kind'], V>(events: readonly DomainEvent[], kind: K, pick: (e: Extract<DomainEvent, { kind: K }>) => V): V[] {
  return [...new Set(events.filter((e): e is Extract<DomainEvent, { kind: K }> => e.kind === kind).map(pick))];
}
