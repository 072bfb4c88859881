import type { Orm } from '../db/orm.js';
import type { Logger } from '../shared/logger.js';
import type { Jobs } from '../shared/jobs.js';
import type { Topics } from '../shared/topics.js';
import type { Config } from './config.js';
import type { MonitorModel } from '../modules/monitor/monitor.model.js';
import type { RateLimits } from '../modules/limits/rate-limits.js';
import type { EventFeed } from '../modules/events/event-feed.js';
import type { ViewerCache } from '../modules/auth/viewer-cache.js';
import type { Mailer } from '../shared/mailer.js';
import type { FileLinks } from '../modules/files/file.service.js';
import type { ObjectStore } from '../modules/files/file.store.js';
import type { WebhookCourier } from '../modules/webhooks/webhook.courier.js';

/** The long-lived parts every request and event handler shares. */
export interface Deps {
  orm: Orm;
  topics: Topics;
  config: Config;
  log: Logger;
  jobs: Jobs;
  /** The live monitor's rows, shared by every supervisor's query and subscription in this process. */
  monitor: MonitorModel;
  /** Requests per minute per caller, shared by every process. */
  limits: RateLimits;
  /** Signed-in viewers between requests, forgotten at any change to what they are made of. */
  viewers: ViewerCache;
  /** The interaction trail as a resumable feed for integrators. */
  feed: EventFeed;
  mailer: Mailer;
  /** Signs download links with the secret all processes share. */
  files: FileLinks;
  /** Where uploads' bytes live when not in PostgreSQL (FILE_STORE=s3). */
  objectStore: ObjectStore | null;
  /** Turns committed events into webhook deliveries and sends them, in parallel across hooks. */
  webhooks: WebhookCourier;
}
