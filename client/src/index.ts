/**
 * @parley/client: Parley's GraphQL API for integrators (bots, channel bridges, back offices), with
 * subscriptions that resume where they left off and sends that happen once.
 */
export {
  ParleyClient,
  endpoints,
  type EventsOptions,
  type FeedEvent,
  type Interaction,
  type InteractionChange,
  type Message,
  type MessagesOptions,
  type ParleyClientOptions,
  type PostMessageOptions,
  type RequestOptions,
  type StartedInteraction,
  type TokenSource,
  type Tray,
} from './client.js';
export { ClientClosedError, ErrorCode, ParleyError, SocketClosedError, TransportError, TransportFailure, isTransient } from './errors.js';
export { type RetryPolicy, backoffDelay } from './retry.js';
export type { Stream, StreamOptions } from './stream.js';
// Every operation the helpers use, for `request` and `subscribe`, and the schema's types.
export * from './gql/graphql.js';
