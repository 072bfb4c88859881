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
  /** The viewer as the visibility table sees it. */
  onlooker(): Promise<Onlooker>;
}

export function createContext(deps: Deps, viewer: Viewer): Context {
  const em = deps.orm.em.fork() as Em;
  const who = onlookerFor(viewer);
  return { deps, viewer, em, onlooker: async () => who };
}
