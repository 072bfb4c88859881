import type { Orm } from '../db/orm.js';
import type { Config } from './config.js';
import type { Jobs } from './jobs.js';
import type { Logger } from './logger.js';
import type { Mailer } from './mailer.js';
import type { Topics } from './topics.js';

/**
 * The long-lived parts every request and event handler shares. This file names the ones every module
 * may use; a module that owns a long-lived part adds it here from its own file
 * (`declare module '…/shared/deps.js'`), so `shared/` imports no module and `server/` only builds them.
 */
export interface Deps {
  orm: Orm;
  topics: Topics;
  config: Config;
  log: Logger;
  jobs: Jobs;
  mailer: Mailer;
}
