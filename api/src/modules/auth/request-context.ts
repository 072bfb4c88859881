import type { Em } from '../../db/sql.js';
import type { Context } from '../../shared/context.js';
import type { Deps } from '../../shared/deps.js';
import type { Onlooker } from '../interactions/visibility.rules.js';
import { onlookerFor } from './access.js';
import type { Viewer } from './viewer.js';

declare module '../../shared/context.js' {
  interface Context {
    /**
     * Who is asking. Fixed for an HTTP request; over a WebSocket, the socket's caller as it is now:
     * an open socket's caller is resolved again when its tray access or teams change (server/ws.ts),
     * and an operation sent after that, or a subscription's next event, must see it.
     */
    readonly viewer: Viewer;
    /** The viewer as the visibility table sees it, derived again whenever the viewer is replaced. */
    onlooker(): Onlooker;
    /** The client's address, as the rate limits read it (behind a trusted proxy, the one it forwards). */
    readonly address: string;
  }
}

/** `viewer` is the caller itself, or for a socket a function answering its caller now. */
export function createContext(deps: Deps, viewer: Viewer | (() => Viewer), em: Em = deps.orm.em.fork() as Em, address = 'unknown'): Context {
  const current = typeof viewer === 'function' ? viewer : () => viewer;
  // A socket's caller is replaced whole, never edited, so its identity tells when to derive again.
  let derivedFrom: Viewer | null = null;
  let who: Onlooker | null = null;
  return {
    deps,
    get viewer() {
      return current();
    },
    em,
    address,
    onlooker: () => {
      const now = current();
      if (who === null || derivedFrom !== now) {
        derivedFrom = now;
        who = onlookerFor(now);
      }
      return who;
    },
  };
}
