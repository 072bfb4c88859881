/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation closeInteraction($id: ID!, $result: InteractionResult!) {\n  closeInteraction(id: $id, result: $result) {\n    ...interactionFields\n  }\n}": typeof types.CloseInteractionDocument,
    "mutation createWebhook($input: CreateWebhookInput!) {\n  createWebhook(input: $input) {\n    secret\n    webhook {\n      id\n      url\n      active\n      campaignIds\n      eventTypes\n    }\n  }\n}": typeof types.CreateWebhookDocument,
    "fragment feedEventFields on InteractionFeedEvent {\n  cursor\n  type\n  interactionId\n  campaignId\n  channel\n  actorKind\n  actorId\n  data\n  createdAt\n}": typeof types.FeedEventFieldsFragmentDoc,
    "mutation handOff($input: HandOffInput!) {\n  handOff(input: $input) {\n    ...interactionFields\n  }\n}": typeof types.HandOffDocument,
    "query interaction($id: ID!) {\n  interaction(id: $id) {\n    ...interactionFields\n  }\n}": typeof types.InteractionDocument,
    "subscription interactionChanged($filter: InteractionChangedFilter) {\n  interactionChanged(filter: $filter) {\n    kind\n    interactionId\n    interaction {\n      ...interactionFields\n    }\n  }\n}": typeof types.InteractionChangedDocument,
    "subscription interactionEvents($after: String, $since: DateTimeISO, $filter: InteractionFeedFilter) {\n  interactionEvents(after: $after, since: $since, filter: $filter) {\n    ...feedEventFields\n  }\n}": typeof types.InteractionEventsDocument,
    "fragment interactionFields on Interaction {\n  id\n  protocol\n  channel\n  phase\n  status\n  result\n  lastSequence\n  createdAt\n  campaign {\n    id\n    name\n  }\n  tray {\n    id\n    kind\n    name\n  }\n  agent {\n    id\n    name\n  }\n  contact {\n    id\n    name\n    email\n    phone\n    externalId\n    state\n  }\n  botAnswers {\n    key\n    value\n  }\n}": typeof types.InteractionFieldsFragmentDoc,
    "query interactions($filter: InteractionFilterInput, $first: Int!, $after: String, $order: InteractionOrder!) {\n  interactions(filter: $filter, first: $first, after: $after, order: $order) {\n    totalCount\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    edges {\n      node {\n        ...interactionFields\n      }\n    }\n  }\n}": typeof types.InteractionsDocument,
    "subscription messageAdded($interactionId: ID!, $afterSequence: Int) {\n  messageAdded(interactionId: $interactionId, afterSequence: $afterSequence) {\n    ...messageFields\n  }\n}": typeof types.MessageAddedDocument,
    "fragment messageFields on Message {\n  id\n  interactionId\n  sequence\n  body\n  clientMessageId\n  visibility\n  createdAt\n  author {\n    kind\n    id\n    name\n    avatarUrl\n  }\n  attachments {\n    id\n    name\n    mime\n    size\n    url\n  }\n}": typeof types.MessageFieldsFragmentDoc,
    "query messageHistory($interactionId: ID!, $afterSequence: Int!, $first: Int!) {\n  messages(\n    interactionId: $interactionId\n    afterSequence: $afterSequence\n    first: $first\n  ) {\n    ...messageFields\n  }\n}": typeof types.MessageHistoryDocument,
    "mutation postMessage($input: PostMessageInput!) {\n  postMessage(input: $input) {\n    ...messageFields\n  }\n}": typeof types.PostMessageDocument,
    "mutation startInteraction($input: StartInteractionInput!) {\n  startInteraction(input: $input) {\n    admission\n    offlineMessagesAllowed\n    visitorToken\n    interaction {\n      ...interactionFields\n    }\n  }\n}": typeof types.StartInteractionDocument,
    "query trays {\n  trays {\n    id\n    kind\n    name\n    campaignId\n  }\n}": typeof types.TraysDocument,
};
const documents: Documents = {
    "mutation closeInteraction($id: ID!, $result: InteractionResult!) {\n  closeInteraction(id: $id, result: $result) {\n    ...interactionFields\n  }\n}": types.CloseInteractionDocument,
    "mutation createWebhook($input: CreateWebhookInput!) {\n  createWebhook(input: $input) {\n    secret\n    webhook {\n      id\n      url\n      active\n      campaignIds\n      eventTypes\n    }\n  }\n}": types.CreateWebhookDocument,
    "fragment feedEventFields on InteractionFeedEvent {\n  cursor\n  type\n  interactionId\n  campaignId\n  channel\n  actorKind\n  actorId\n  data\n  createdAt\n}": types.FeedEventFieldsFragmentDoc,
    "mutation handOff($input: HandOffInput!) {\n  handOff(input: $input) {\n    ...interactionFields\n  }\n}": types.HandOffDocument,
    "query interaction($id: ID!) {\n  interaction(id: $id) {\n    ...interactionFields\n  }\n}": types.InteractionDocument,
    "subscription interactionChanged($filter: InteractionChangedFilter) {\n  interactionChanged(filter: $filter) {\n    kind\n    interactionId\n    interaction {\n      ...interactionFields\n    }\n  }\n}": types.InteractionChangedDocument,
    "subscription interactionEvents($after: String, $since: DateTimeISO, $filter: InteractionFeedFilter) {\n  interactionEvents(after: $after, since: $since, filter: $filter) {\n    ...feedEventFields\n  }\n}": types.InteractionEventsDocument,
    "fragment interactionFields on Interaction {\n  id\n  protocol\n  channel\n  phase\n  status\n  result\n  lastSequence\n  createdAt\n  campaign {\n    id\n    name\n  }\n  tray {\n    id\n    kind\n    name\n  }\n  agent {\n    id\n    name\n  }\n  contact {\n    id\n    name\n    email\n    phone\n    externalId\n    state\n  }\n  botAnswers {\n    key\n    value\n  }\n}": types.InteractionFieldsFragmentDoc,
    "query interactions($filter: InteractionFilterInput, $first: Int!, $after: String, $order: InteractionOrder!) {\n  interactions(filter: $filter, first: $first, after: $after, order: $order) {\n    totalCount\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    edges {\n      node {\n        ...interactionFields\n      }\n    }\n  }\n}": types.InteractionsDocument,
    "subscription messageAdded($interactionId: ID!, $afterSequence: Int) {\n  messageAdded(interactionId: $interactionId, afterSequence: $afterSequence) {\n    ...messageFields\n  }\n}": types.MessageAddedDocument,
    "fragment messageFields on Message {\n  id\n  interactionId\n  sequence\n  body\n  clientMessageId\n  visibility\n  createdAt\n  author {\n    kind\n    id\n    name\n    avatarUrl\n  }\n  attachments {\n    id\n    name\n    mime\n    size\n    url\n  }\n}": types.MessageFieldsFragmentDoc,
    "query messageHistory($interactionId: ID!, $afterSequence: Int!, $first: Int!) {\n  messages(\n    interactionId: $interactionId\n    afterSequence: $afterSequence\n    first: $first\n  ) {\n    ...messageFields\n  }\n}": types.MessageHistoryDocument,
    "mutation postMessage($input: PostMessageInput!) {\n  postMessage(input: $input) {\n    ...messageFields\n  }\n}": types.PostMessageDocument,
    "mutation startInteraction($input: StartInteractionInput!) {\n  startInteraction(input: $input) {\n    admission\n    offlineMessagesAllowed\n    visitorToken\n    interaction {\n      ...interactionFields\n    }\n  }\n}": types.StartInteractionDocument,
    "query trays {\n  trays {\n    id\n    kind\n    name\n    campaignId\n  }\n}": types.TraysDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation closeInteraction($id: ID!, $result: InteractionResult!) {\n  closeInteraction(id: $id, result: $result) {\n    ...interactionFields\n  }\n}"): (typeof documents)["mutation closeInteraction($id: ID!, $result: InteractionResult!) {\n  closeInteraction(id: $id, result: $result) {\n    ...interactionFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation createWebhook($input: CreateWebhookInput!) {\n  createWebhook(input: $input) {\n    secret\n    webhook {\n      id\n      url\n      active\n      campaignIds\n      eventTypes\n    }\n  }\n}"): (typeof documents)["mutation createWebhook($input: CreateWebhookInput!) {\n  createWebhook(input: $input) {\n    secret\n    webhook {\n      id\n      url\n      active\n      campaignIds\n      eventTypes\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment feedEventFields on InteractionFeedEvent {\n  cursor\n  type\n  interactionId\n  campaignId\n  channel\n  actorKind\n  actorId\n  data\n  createdAt\n}"): (typeof documents)["fragment feedEventFields on InteractionFeedEvent {\n  cursor\n  type\n  interactionId\n  campaignId\n  channel\n  actorKind\n  actorId\n  data\n  createdAt\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation handOff($input: HandOffInput!) {\n  handOff(input: $input) {\n    ...interactionFields\n  }\n}"): (typeof documents)["mutation handOff($input: HandOffInput!) {\n  handOff(input: $input) {\n    ...interactionFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query interaction($id: ID!) {\n  interaction(id: $id) {\n    ...interactionFields\n  }\n}"): (typeof documents)["query interaction($id: ID!) {\n  interaction(id: $id) {\n    ...interactionFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription interactionChanged($filter: InteractionChangedFilter) {\n  interactionChanged(filter: $filter) {\n    kind\n    interactionId\n    interaction {\n      ...interactionFields\n    }\n  }\n}"): (typeof documents)["subscription interactionChanged($filter: InteractionChangedFilter) {\n  interactionChanged(filter: $filter) {\n    kind\n    interactionId\n    interaction {\n      ...interactionFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription interactionEvents($after: String, $since: DateTimeISO, $filter: InteractionFeedFilter) {\n  interactionEvents(after: $after, since: $since, filter: $filter) {\n    ...feedEventFields\n  }\n}"): (typeof documents)["subscription interactionEvents($after: String, $since: DateTimeISO, $filter: InteractionFeedFilter) {\n  interactionEvents(after: $after, since: $since, filter: $filter) {\n    ...feedEventFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment interactionFields on Interaction {\n  id\n  protocol\n  channel\n  phase\n  status\n  result\n  lastSequence\n  createdAt\n  campaign {\n    id\n    name\n  }\n  tray {\n    id\n    kind\n    name\n  }\n  agent {\n    id\n    name\n  }\n  contact {\n    id\n    name\n    email\n    phone\n    externalId\n    state\n  }\n  botAnswers {\n    key\n    value\n  }\n}"): (typeof documents)["fragment interactionFields on Interaction {\n  id\n  protocol\n  channel\n  phase\n  status\n  result\n  lastSequence\n  createdAt\n  campaign {\n    id\n    name\n  }\n  tray {\n    id\n    kind\n    name\n  }\n  agent {\n    id\n    name\n  }\n  contact {\n    id\n    name\n    email\n    phone\n    externalId\n    state\n  }\n  botAnswers {\n    key\n    value\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query interactions($filter: InteractionFilterInput, $first: Int!, $after: String, $order: InteractionOrder!) {\n  interactions(filter: $filter, first: $first, after: $after, order: $order) {\n    totalCount\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    edges {\n      node {\n        ...interactionFields\n      }\n    }\n  }\n}"): (typeof documents)["query interactions($filter: InteractionFilterInput, $first: Int!, $after: String, $order: InteractionOrder!) {\n  interactions(filter: $filter, first: $first, after: $after, order: $order) {\n    totalCount\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    edges {\n      node {\n        ...interactionFields\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription messageAdded($interactionId: ID!, $afterSequence: Int) {\n  messageAdded(interactionId: $interactionId, afterSequence: $afterSequence) {\n    ...messageFields\n  }\n}"): (typeof documents)["subscription messageAdded($interactionId: ID!, $afterSequence: Int) {\n  messageAdded(interactionId: $interactionId, afterSequence: $afterSequence) {\n    ...messageFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment messageFields on Message {\n  id\n  interactionId\n  sequence\n  body\n  clientMessageId\n  visibility\n  createdAt\n  author {\n    kind\n    id\n    name\n    avatarUrl\n  }\n  attachments {\n    id\n    name\n    mime\n    size\n    url\n  }\n}"): (typeof documents)["fragment messageFields on Message {\n  id\n  interactionId\n  sequence\n  body\n  clientMessageId\n  visibility\n  createdAt\n  author {\n    kind\n    id\n    name\n    avatarUrl\n  }\n  attachments {\n    id\n    name\n    mime\n    size\n    url\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query messageHistory($interactionId: ID!, $afterSequence: Int!, $first: Int!) {\n  messages(\n    interactionId: $interactionId\n    afterSequence: $afterSequence\n    first: $first\n  ) {\n    ...messageFields\n  }\n}"): (typeof documents)["query messageHistory($interactionId: ID!, $afterSequence: Int!, $first: Int!) {\n  messages(\n    interactionId: $interactionId\n    afterSequence: $afterSequence\n    first: $first\n  ) {\n    ...messageFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation postMessage($input: PostMessageInput!) {\n  postMessage(input: $input) {\n    ...messageFields\n  }\n}"): (typeof documents)["mutation postMessage($input: PostMessageInput!) {\n  postMessage(input: $input) {\n    ...messageFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation startInteraction($input: StartInteractionInput!) {\n  startInteraction(input: $input) {\n    admission\n    offlineMessagesAllowed\n    visitorToken\n    interaction {\n      ...interactionFields\n    }\n  }\n}"): (typeof documents)["mutation startInteraction($input: StartInteractionInput!) {\n  startInteraction(input: $input) {\n    admission\n    offlineMessagesAllowed\n    visitorToken\n    interaction {\n      ...interactionFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query trays {\n  trays {\n    id\n    kind\n    name\n    campaignId\n  }\n}"): (typeof documents)["query trays {\n  trays {\n    id\n    kind\n    name\n    campaignId\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;