/* eslint-disable */
import * as types from './graphql';
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
    "query me {\n  me {\n    id\n    name\n    role\n    email\n  }\n}": typeof types.MeDocument,
    "mutation signIn($email: String!, $password: String!) {\n  signIn(email: $email, password: $password) {\n    token\n    user {\n      id\n      name\n      role\n      email\n    }\n  }\n}": typeof types.SignInDocument,
    "mutation signOut {\n  signOut\n}": typeof types.SignOutDocument,
    "subscription interactionChanged {\n  interactionChanged {\n    kind\n    interactionId\n    interaction {\n      ...interactionSummary\n    }\n  }\n}": typeof types.InteractionChangedDocument,
    "query interactions($first: Int!) {\n  interactions(first: $first) {\n    totalCount\n    edges {\n      node {\n        ...interactionSummary\n      }\n    }\n  }\n}": typeof types.InteractionsDocument,
    "mutation takeInteraction($id: ID!) {\n  takeInteraction(id: $id) {\n    ...interactionSummary\n  }\n}": typeof types.TakeInteractionDocument,
    "query trays {\n  trays {\n    id\n    name\n    kind\n    campaignId\n  }\n}": typeof types.TraysDocument,
    "fragment interactionSummary on Interaction {\n  id\n  protocol\n  phase\n  status\n  channel\n  createdAt\n  updatedAt\n  queuedAt\n  assignedAt\n  lastSequence\n  campaign {\n    id\n    name\n  }\n  contact {\n    id\n    name\n    email\n    phone\n  }\n  tray {\n    id\n    name\n    kind\n  }\n  agent {\n    id\n    name\n  }\n}": typeof types.InteractionSummaryFragmentDoc,
    "fragment chatMessage on Message {\n  id\n  interactionId\n  sequence\n  body\n  clientMessageId\n  createdAt\n  visibility\n  author {\n    id\n    kind\n    name\n  }\n}": typeof types.ChatMessageFragmentDoc,
    "subscription messageAdded($interactionId: ID!, $afterSequence: Int) {\n  messageAdded(interactionId: $interactionId, afterSequence: $afterSequence) {\n    ...chatMessage\n  }\n}": typeof types.MessageAddedDocument,
    "query messages($interactionId: ID!, $afterSequence: Int!) {\n  messages(interactionId: $interactionId, afterSequence: $afterSequence) {\n    ...chatMessage\n  }\n}": typeof types.MessagesDocument,
    "mutation postMessage($input: PostMessageInput!) {\n  postMessage(input: $input) {\n    ...chatMessage\n  }\n}": typeof types.PostMessageDocument,
    "query campaign($id: ID!) {\n  campaign(id: $id) {\n    id\n    name\n    askName\n    askEmail\n    askPhone\n    defaultLanguage\n    messages {\n      language\n      welcome\n    }\n  }\n}": typeof types.CampaignDocument,
    "mutation startInteraction($input: StartInteractionInput!) {\n  startInteraction(input: $input) {\n    visitorToken\n    interaction {\n      id\n      protocol\n    }\n  }\n}": typeof types.StartInteractionDocument,
};
const documents: Documents = {
    "query me {\n  me {\n    id\n    name\n    role\n    email\n  }\n}": types.MeDocument,
    "mutation signIn($email: String!, $password: String!) {\n  signIn(email: $email, password: $password) {\n    token\n    user {\n      id\n      name\n      role\n      email\n    }\n  }\n}": types.SignInDocument,
    "mutation signOut {\n  signOut\n}": types.SignOutDocument,
    "subscription interactionChanged {\n  interactionChanged {\n    kind\n    interactionId\n    interaction {\n      ...interactionSummary\n    }\n  }\n}": types.InteractionChangedDocument,
    "query interactions($first: Int!) {\n  interactions(first: $first) {\n    totalCount\n    edges {\n      node {\n        ...interactionSummary\n      }\n    }\n  }\n}": types.InteractionsDocument,
    "mutation takeInteraction($id: ID!) {\n  takeInteraction(id: $id) {\n    ...interactionSummary\n  }\n}": types.TakeInteractionDocument,
    "query trays {\n  trays {\n    id\n    name\n    kind\n    campaignId\n  }\n}": types.TraysDocument,
    "fragment interactionSummary on Interaction {\n  id\n  protocol\n  phase\n  status\n  channel\n  createdAt\n  updatedAt\n  queuedAt\n  assignedAt\n  lastSequence\n  campaign {\n    id\n    name\n  }\n  contact {\n    id\n    name\n    email\n    phone\n  }\n  tray {\n    id\n    name\n    kind\n  }\n  agent {\n    id\n    name\n  }\n}": types.InteractionSummaryFragmentDoc,
    "fragment chatMessage on Message {\n  id\n  interactionId\n  sequence\n  body\n  clientMessageId\n  createdAt\n  visibility\n  author {\n    id\n    kind\n    name\n  }\n}": types.ChatMessageFragmentDoc,
    "subscription messageAdded($interactionId: ID!, $afterSequence: Int) {\n  messageAdded(interactionId: $interactionId, afterSequence: $afterSequence) {\n    ...chatMessage\n  }\n}": types.MessageAddedDocument,
    "query messages($interactionId: ID!, $afterSequence: Int!) {\n  messages(interactionId: $interactionId, afterSequence: $afterSequence) {\n    ...chatMessage\n  }\n}": types.MessagesDocument,
    "mutation postMessage($input: PostMessageInput!) {\n  postMessage(input: $input) {\n    ...chatMessage\n  }\n}": types.PostMessageDocument,
    "query campaign($id: ID!) {\n  campaign(id: $id) {\n    id\n    name\n    askName\n    askEmail\n    askPhone\n    defaultLanguage\n    messages {\n      language\n      welcome\n    }\n  }\n}": types.CampaignDocument,
    "mutation startInteraction($input: StartInteractionInput!) {\n  startInteraction(input: $input) {\n    visitorToken\n    interaction {\n      id\n      protocol\n    }\n  }\n}": types.StartInteractionDocument,
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
export function graphql(source: "query me {\n  me {\n    id\n    name\n    role\n    email\n  }\n}"): (typeof documents)["query me {\n  me {\n    id\n    name\n    role\n    email\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation signIn($email: String!, $password: String!) {\n  signIn(email: $email, password: $password) {\n    token\n    user {\n      id\n      name\n      role\n      email\n    }\n  }\n}"): (typeof documents)["mutation signIn($email: String!, $password: String!) {\n  signIn(email: $email, password: $password) {\n    token\n    user {\n      id\n      name\n      role\n      email\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation signOut {\n  signOut\n}"): (typeof documents)["mutation signOut {\n  signOut\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription interactionChanged {\n  interactionChanged {\n    kind\n    interactionId\n    interaction {\n      ...interactionSummary\n    }\n  }\n}"): (typeof documents)["subscription interactionChanged {\n  interactionChanged {\n    kind\n    interactionId\n    interaction {\n      ...interactionSummary\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query interactions($first: Int!) {\n  interactions(first: $first) {\n    totalCount\n    edges {\n      node {\n        ...interactionSummary\n      }\n    }\n  }\n}"): (typeof documents)["query interactions($first: Int!) {\n  interactions(first: $first) {\n    totalCount\n    edges {\n      node {\n        ...interactionSummary\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation takeInteraction($id: ID!) {\n  takeInteraction(id: $id) {\n    ...interactionSummary\n  }\n}"): (typeof documents)["mutation takeInteraction($id: ID!) {\n  takeInteraction(id: $id) {\n    ...interactionSummary\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query trays {\n  trays {\n    id\n    name\n    kind\n    campaignId\n  }\n}"): (typeof documents)["query trays {\n  trays {\n    id\n    name\n    kind\n    campaignId\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment interactionSummary on Interaction {\n  id\n  protocol\n  phase\n  status\n  channel\n  createdAt\n  updatedAt\n  queuedAt\n  assignedAt\n  lastSequence\n  campaign {\n    id\n    name\n  }\n  contact {\n    id\n    name\n    email\n    phone\n  }\n  tray {\n    id\n    name\n    kind\n  }\n  agent {\n    id\n    name\n  }\n}"): (typeof documents)["fragment interactionSummary on Interaction {\n  id\n  protocol\n  phase\n  status\n  channel\n  createdAt\n  updatedAt\n  queuedAt\n  assignedAt\n  lastSequence\n  campaign {\n    id\n    name\n  }\n  contact {\n    id\n    name\n    email\n    phone\n  }\n  tray {\n    id\n    name\n    kind\n  }\n  agent {\n    id\n    name\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment chatMessage on Message {\n  id\n  interactionId\n  sequence\n  body\n  clientMessageId\n  createdAt\n  visibility\n  author {\n    id\n    kind\n    name\n  }\n}"): (typeof documents)["fragment chatMessage on Message {\n  id\n  interactionId\n  sequence\n  body\n  clientMessageId\n  createdAt\n  visibility\n  author {\n    id\n    kind\n    name\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription messageAdded($interactionId: ID!, $afterSequence: Int) {\n  messageAdded(interactionId: $interactionId, afterSequence: $afterSequence) {\n    ...chatMessage\n  }\n}"): (typeof documents)["subscription messageAdded($interactionId: ID!, $afterSequence: Int) {\n  messageAdded(interactionId: $interactionId, afterSequence: $afterSequence) {\n    ...chatMessage\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query messages($interactionId: ID!, $afterSequence: Int!) {\n  messages(interactionId: $interactionId, afterSequence: $afterSequence) {\n    ...chatMessage\n  }\n}"): (typeof documents)["query messages($interactionId: ID!, $afterSequence: Int!) {\n  messages(interactionId: $interactionId, afterSequence: $afterSequence) {\n    ...chatMessage\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation postMessage($input: PostMessageInput!) {\n  postMessage(input: $input) {\n    ...chatMessage\n  }\n}"): (typeof documents)["mutation postMessage($input: PostMessageInput!) {\n  postMessage(input: $input) {\n    ...chatMessage\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query campaign($id: ID!) {\n  campaign(id: $id) {\n    id\n    name\n    askName\n    askEmail\n    askPhone\n    defaultLanguage\n    messages {\n      language\n      welcome\n    }\n  }\n}"): (typeof documents)["query campaign($id: ID!) {\n  campaign(id: $id) {\n    id\n    name\n    askName\n    askEmail\n    askPhone\n    defaultLanguage\n    messages {\n      language\n      welcome\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation startInteraction($input: StartInteractionInput!) {\n  startInteraction(input: $input) {\n    visitorToken\n    interaction {\n      id\n      protocol\n    }\n  }\n}"): (typeof documents)["mutation startInteraction($input: StartInteractionInput!) {\n  startInteraction(input: $input) {\n    visitorToken\n    interaction {\n      id\n      protocol\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;