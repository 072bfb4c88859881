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
 * After a commit, its events go to every listener in the one order given at start-up, each listener
 * finishing before the next starts (subscribers hear of a change before routing acts on it, and
 * routing has acted before agents' states are told). A listener's failure is logged and the next
 * still runs: the change is committed and stays.
 */
export class Dispatcher {
  constructor(private readonly listeners: readonly (readonly [name: string, listener: Listener])[]) {}

  async dispatch(deps: Deps, events: readonly DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    for (const [name, listener] of this.listeners) {
      try {
        await listener(deps, events);
      } catch (err) {
        deps.log.error({ err, listener: name }, 'after a commit: a listener failed');
      }
    }
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
