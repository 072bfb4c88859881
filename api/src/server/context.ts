import type { Em } from '../db/sql.js';
import { onlookerFor } from '../modules/auth/access.js';
import type { Viewer } from '../modules/auth/viewer.js';
import type { Onlooker } from '../modules/interactions/visibility.rules.js';
import type { Deps } from './deps.js';

/** What every resolver receives. `em` is forked per HTTP request and per WebSocket operation. */
export interface Context {
  deps: Deps;
  viewer: Viewer;
  em: Em;
  /**
   * The viewer as the visibility table sees it, derived afresh on each call: a socket's viewer is
   * updated in place when its tray access changes, and long-lived subscriptions must see that.
   */
  onlooker(): Onlooker;
}

export function createContext(deps: Deps, viewer: Viewer, em: Em = deps.orm.em.fork() as Em): Context {
  // An access change replaces the viewer's tray list (never edits it), so the list's identity tells when to derive again.
  let derivedFrom: unknown = null;
  let who: Onlooker | null = null;
  const source = () => (viewer.kind === 'USER' ? viewer.customTrayIds : viewer);
  return {
    deps,
    viewer,
    em,
    onlooker: () => {
      if (who === null || derivedFrom !== source()) (derivedFrom = source()), (who = onlookerFor(viewer));
      return who;
    },
  };
}
