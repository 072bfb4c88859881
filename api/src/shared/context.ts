import type { Em } from '../db/sql.js';
import type { Deps } from './deps.js';

/**
 * What every resolver receives. `em` is forked per HTTP request and per WebSocket operation. Who is
 * asking (`viewer`, `onlooker()`) is added by `modules/auth/request-context.ts`, which owns it.
 */
export interface Context {
  deps: Deps;
  em: Em;
}
