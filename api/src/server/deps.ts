import type { Orm } from '../db/orm.js';
import type { Logger } from '../shared/logger.js';
import type { Jobs } from '../shared/jobs.js';
import type { Topics } from '../shared/topics.js';
import type { Config } from './config.js';

/** The long-lived parts every request and event handler shares. */
export interface Deps {
  orm: Orm;
  topics: Topics;
  config: Config;
  log: Logger;
  jobs: Jobs;
}
