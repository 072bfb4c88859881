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
  onlooker(): Promise<Onlooker>;
}

export function createContext(deps: Deps, viewer: Viewer): Context {
  const em = deps.orm.em.fork() as Em;
  return { deps, viewer, em, onlooker: async () => onlookerFor(viewer) };
}
