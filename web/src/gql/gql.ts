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
    "query adminApiKeys {\n  apiKeys {\n    id\n    name\n    displayName\n    avatarUrl\n    scopes\n    campaignIds\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n}": typeof types.AdminApiKeysDocument,
    "fragment adminCampaign on Campaign {\n  id\n  name\n  routingStrategy\n  serviceLevelSeconds\n  timeZone\n  schedule {\n    ranges {\n      day\n      from\n      to\n    }\n    holidays\n  }\n  waitingLimit\n  thresholdsSeconds\n  noAnswerTimeoutSeconds\n  allowAudio\n  allowVideo\n  askName\n  askEmail\n  askPhone\n  allowOfflineMessages\n  botFirst\n  defaultLanguage\n  securityGroup {\n    id\n    name\n  }\n  messages {\n    language\n    welcome\n    botWelcome\n    outOfHours\n    unavailable\n    agentGreeting\n    offline\n    closing\n  }\n}": typeof types.AdminCampaignFragmentDoc,
    "query adminCampaignMembers($campaignId: ID!) {\n  campaignMembers(campaignId: $campaignId) {\n    id\n  }\n}": typeof types.AdminCampaignMembersDocument,
    "query adminCampaigns {\n  campaigns {\n    ...adminCampaign\n  }\n}": typeof types.AdminCampaignsDocument,
    "query adminLabels {\n  tagUsage {\n    name\n    chats\n    people\n  }\n  skillUsage {\n    name\n    chats\n    people\n  }\n}": typeof types.AdminLabelsDocument,
    "query adminOfflineMessages($campaignId: ID) {\n  offlineMessages(campaignId: $campaignId) {\n    ...OfflineMessageFields\n  }\n}": typeof types.AdminOfflineMessagesDocument,
    "query adminPauseReasons {\n  pauseReasons(includeRetired: true) {\n    id\n    name\n    icon\n    active\n  }\n}": typeof types.AdminPauseReasonsDocument,
    "query adminReport($filter: InteractionFilterInput, $after: String) {\n  interactions(filter: $filter, after: $after, first: 50) {\n    totalCount\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    edges {\n      node {\n        id\n        protocol\n        createdAt\n        closedAt\n        result\n        phase\n        channel\n        campaign {\n          id\n          name\n        }\n        agent {\n          id\n          name\n        }\n        contact {\n          id\n          name\n        }\n      }\n    }\n  }\n}": typeof types.AdminReportDocument,
    "query adminTeams {\n  teams {\n    id\n    name\n    members {\n      id\n      name\n    }\n  }\n}": typeof types.AdminTeamsDocument,
    "query adminTrayAccess($trayId: ID!) {\n  trayAccess(trayId: $trayId) {\n    users {\n      id\n    }\n    teams {\n      id\n    }\n  }\n}": typeof types.AdminTrayAccessDocument,
    "query adminTrays {\n  trays {\n    id\n    name\n    kind\n    campaignId\n  }\n}": typeof types.AdminTraysDocument,
    "query adminUsers {\n  users(includeInactive: true) {\n    id\n    name\n    email\n    role\n    active\n    languages\n    skills\n    maxConcurrentChats\n    mayMonitorScreen\n    securityGroup {\n      id\n      name\n    }\n    teams {\n      id\n      name\n    }\n  }\n}": typeof types.AdminUsersDocument,
    "query adminWebhookDeliveries($webhookId: ID!) {\n  webhookDeliveries(webhookId: $webhookId) {\n    id\n    eventType\n    status\n    attempts\n    lastStatusCode\n    lastError\n    createdAt\n    deliveredAt\n  }\n}": typeof types.AdminWebhookDeliveriesDocument,
    "query adminWebhooks {\n  webhooks {\n    id\n    url\n    active\n    campaignIds\n    eventTypes\n    consecutiveFailures\n    disabledReason\n    createdAt\n  }\n}": typeof types.AdminWebhooksDocument,
    "mutation createApiKey($input: CreateApiKeyInput!) {\n  createApiKey(input: $input) {\n    secret\n    apiKey {\n      id\n    }\n  }\n}": typeof types.CreateApiKeyDocument,
    "mutation createCampaign($input: CreateCampaignInput!) {\n  createCampaign(input: $input) {\n    ...adminCampaign\n  }\n}": typeof types.CreateCampaignDocument,
    "mutation createCannedResponse($input: CreateCannedResponseInput!) {\n  createCannedResponse(input: $input) {\n    id\n    shortcut\n    body\n    language\n  }\n}": typeof types.CreateCannedResponseDocument,
    "mutation createPauseReason($name: String!, $icon: String!) {\n  createPauseReason(name: $name, icon: $icon) {\n    id\n  }\n}": typeof types.CreatePauseReasonDocument,
    "mutation createSkill($name: String!) {\n  createSkill(name: $name) {\n    name\n  }\n}": typeof types.CreateSkillDocument,
    "mutation createTag($name: String!) {\n  createTag(name: $name) {\n    name\n  }\n}": typeof types.CreateTagDocument,
    "mutation createTeam($input: CreateTeamInput!) {\n  createTeam(input: $input) {\n    id\n  }\n}": typeof types.CreateTeamDocument,
    "mutation createTray($input: CreateTrayInput!) {\n  createTray(input: $input) {\n    id\n  }\n}": typeof types.CreateTrayDocument,
    "mutation createUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    id\n  }\n}": typeof types.CreateUserDocument,
    "mutation createUsers($input: [CreateUserInput!]!) {\n  createUsers(input: $input) {\n    id\n  }\n}": typeof types.CreateUsersDocument,
    "mutation createWebhook($input: CreateWebhookInput!) {\n  createWebhook(input: $input) {\n    secret\n    webhook {\n      id\n    }\n  }\n}": typeof types.CreateWebhookDocument,
    "mutation deleteSkill($name: String!) {\n  deleteSkill(name: $name)\n}": typeof types.DeleteSkillDocument,
    "mutation deleteTag($name: String!) {\n  deleteTag(name: $name)\n}": typeof types.DeleteTagDocument,
    "mutation deleteWebhook($id: ID!) {\n  deleteWebhook(id: $id)\n}": typeof types.DeleteWebhookDocument,
    "mutation pingWebhook($id: ID!) {\n  pingWebhook(id: $id) {\n    id\n  }\n}": typeof types.PingWebhookDocument,
    "mutation redeliverWebhook($deliveryId: ID!) {\n  redeliverWebhook(deliveryId: $deliveryId) {\n    id\n    status\n    attempts\n  }\n}": typeof types.RedeliverWebhookDocument,
    "mutation renameSkill($name: String!, $newName: String!) {\n  renameSkill(name: $name, newName: $newName) {\n    name\n  }\n}": typeof types.RenameSkillDocument,
    "mutation renameTag($name: String!, $newName: String!) {\n  renameTag(name: $name, newName: $newName) {\n    name\n  }\n}": typeof types.RenameTagDocument,
    "mutation revokeApiKey($id: ID!) {\n  revokeApiKey(id: $id) {\n    id\n    revokedAt\n  }\n}": typeof types.RevokeApiKeyDocument,
    "mutation setPauseReasonActive($id: ID!, $active: Boolean!) {\n  setPauseReasonActive(id: $id, active: $active) {\n    id\n    active\n  }\n}": typeof types.SetPauseReasonActiveDocument,
    "mutation setTrayAccess($trayId: ID!, $userIds: [ID!]!, $teamIds: [ID!]!) {\n  setTrayAccess(trayId: $trayId, userIds: $userIds, teamIds: $teamIds) {\n    id\n  }\n}": typeof types.SetTrayAccessDocument,
    "mutation setUserActive($id: ID!, $active: Boolean!) {\n  setUserActive(id: $id, active: $active) {\n    id\n    active\n  }\n}": typeof types.SetUserActiveDocument,
    "mutation setWebhookActive($id: ID!, $active: Boolean!) {\n  setWebhookActive(id: $id, active: $active) {\n    id\n    active\n  }\n}": typeof types.SetWebhookActiveDocument,
    "mutation updateCampaign($id: ID!, $input: UpdateCampaignInput!) {\n  updateCampaign(id: $id, input: $input) {\n    ...adminCampaign\n  }\n}": typeof types.UpdateCampaignDocument,
    "mutation updatePauseReason($id: ID!, $input: UpdatePauseReasonInput!) {\n  updatePauseReason(id: $id, input: $input) {\n    id\n    name\n    icon\n    active\n  }\n}": typeof types.UpdatePauseReasonDocument,
    "mutation updateUser($id: ID!, $input: UpdateUserInput!) {\n  updateUser(id: $id, input: $input) {\n    id\n  }\n}": typeof types.UpdateUserDocument,
    "query adminSecurityGroups {\n  securityGroups {\n    id\n    name\n  }\n  me {\n    id\n    securityGroup {\n      id\n      name\n    }\n  }\n}": typeof types.AdminSecurityGroupsDocument,
    "mutation createSecurityGroup($name: String!) {\n  createSecurityGroup(name: $name) {\n    id\n    name\n  }\n}": typeof types.CreateSecurityGroupDocument,
    "mutation renameSecurityGroup($id: ID!, $name: String!) {\n  renameSecurityGroup(id: $id, name: $name) {\n    id\n    name\n  }\n}": typeof types.RenameSecurityGroupDocument,
    "subscription myStatusChanged {\n  myStatusChanged {\n    ...myStatusFields\n  }\n}": typeof types.MyStatusChangedDocument,
    "fragment myStatusFields on AgentStatus {\n  userId\n  state\n  paused\n  stateChangedAt\n  activeChats\n  pauseReason {\n    id\n    name\n    icon\n  }\n}": typeof types.MyStatusFieldsFragmentDoc,
    "query pauseReasons {\n  pauseReasons {\n    id\n    name\n    icon\n  }\n}": typeof types.PauseReasonsDocument,
    "mutation setMyState($state: MyState!, $pauseReasonId: ID) {\n  setMyState(state: $state, pauseReasonId: $pauseReasonId) {\n    ...myStatusFields\n  }\n}": typeof types.SetMyStateDocument,
    "query me {\n  me {\n    id\n    name\n    role\n    email\n  }\n}": typeof types.MeDocument,
    "mutation signIn($email: String!, $password: String!) {\n  signIn(email: $email, password: $password) {\n    token\n    user {\n      id\n      name\n      role\n      email\n    }\n  }\n}": typeof types.SignInDocument,
    "mutation signOut {\n  signOut\n}": typeof types.SignOutDocument,
    "mutation answerCall($callId: ID!, $accept: Boolean!) {\n  answerCall(callId: $callId, accept: $accept) {\n    ...callFields\n  }\n}": typeof types.AnswerCallDocument,
    "query callingChat($id: ID!) {\n  interaction(id: $id) {\n    id\n    protocol\n    contact {\n      id\n      name\n    }\n  }\n}": typeof types.CallingChatDocument,
    "query screenSupervisors {\n  supervisors {\n    id\n    name\n  }\n}": typeof types.ScreenSupervisorsDocument,
    "query contact($id: ID!, $first: Int!) {\n  contact(id: $id) {\n    ...contactFields\n    externalId\n    country\n    language\n    createdAt\n    conversations(first: $first) {\n      edges {\n        node {\n          ...interactionSummary\n          result\n          closedAt\n        }\n      }\n    }\n  }\n}": typeof types.ContactDocument,
    "subscription contactActivity {\n  interactionChanged {\n    kind\n    interactionId\n  }\n}": typeof types.ContactActivityDocument,
    "fragment contactFields on ContactRecord {\n  id\n  name\n  email\n  phone\n  state\n  previousState\n  stateChangedAt\n  lastActivityAt\n  channel\n  conversationCount\n  campaign {\n    id\n    name\n    timeZone\n  }\n}": typeof types.ContactFieldsFragmentDoc,
    "query contacts($filter: ContactFilterInput, $first: Int!, $after: String) {\n  contacts(filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        ...contactFields\n      }\n    }\n  }\n}": typeof types.ContactsDocument,
    "mutation closeInteraction($id: ID!, $result: InteractionResult!) {\n  closeInteraction(id: $id, result: $result) {\n    ...interactionSummary\n    result\n  }\n}": typeof types.CloseInteractionDocument,
    "query conversationTrail($id: ID!) {\n  interaction(id: $id) {\n    id\n    events {\n      ...trailEvent\n    }\n    trailNames {\n      id\n      name\n    }\n  }\n}": typeof types.ConversationTrailDocument,
    "mutation joinInteraction($id: ID!) {\n  joinInteraction(id: $id) {\n    ...interactionSummary\n  }\n}": typeof types.JoinInteractionDocument,
    "mutation leaveInteraction($id: ID!) {\n  leaveInteraction(id: $id) {\n    ...interactionSummary\n  }\n}": typeof types.LeaveInteractionDocument,
    "query linkedInteraction($id: ID!) {\n  interaction(id: $id) {\n    ...interactionSummary\n  }\n}": typeof types.LinkedInteractionDocument,
    "mutation returnToTray($id: ID!) {\n  returnToTray(id: $id) {\n    ...interactionSummary\n  }\n}": typeof types.ReturnToTrayDocument,
    "mutation setInteractionStatus($id: ID!, $status: InteractionStatus!) {\n  setInteractionStatus(id: $id, status: $status) {\n    ...interactionSummary\n  }\n}": typeof types.SetInteractionStatusDocument,
    "query contactInteractions($filter: InteractionFilterInput!, $first: Int!) {\n  interactions(filter: $filter, first: $first) {\n    edges {\n      node {\n        ...interactionSummary\n        result\n        closedAt\n      }\n    }\n  }\n}": typeof types.ContactInteractionsDocument,
    "subscription inboxUpdates {\n  inboxUpdates {\n    reset\n    changes {\n      kind\n      interactionId\n      interaction {\n        ...interactionSummary\n      }\n    }\n    queues {\n      trayId\n      waiting\n    }\n  }\n}": typeof types.InboxUpdatesDocument,
    "query interactions($first: Int!, $after: String, $filter: InteractionFilterInput, $order: InteractionOrder) {\n  interactions(first: $first, after: $after, filter: $filter, order: $order) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        ...interactionSummary\n      }\n    }\n  }\n}": typeof types.InteractionsDocument,
    "mutation takeInteraction($id: ID!) {\n  takeInteraction(id: $id) {\n    ...interactionSummary\n  }\n}": typeof types.TakeInteractionDocument,
    "query trays {\n  trays {\n    id\n    name\n    kind\n    campaignId\n  }\n}": typeof types.TraysDocument,
    "mutation addNote($id: ID!, $body: String!) {\n  addNote(id: $id, body: $body) {\n    ...interactionDetails\n  }\n}": typeof types.AddNoteDocument,
    "fragment interactionDetails on Interaction {\n  id\n  phase\n  status\n  result\n  closedAt\n  country\n  language\n  tags\n  expertise\n  botAnswers {\n    key\n    value\n  }\n  notes {\n    authorId\n    authorName\n    body\n    createdAt\n  }\n  contact {\n    id\n    email\n    country\n    language\n  }\n}": typeof types.InteractionDetailsFragmentDoc,
    "query interactionInfo($id: ID!) {\n  interaction(id: $id) {\n    ...interactionDetails\n  }\n}": typeof types.InteractionInfoDocument,
    "query knownLabels {\n  tags\n  skills\n}": typeof types.KnownLabelsDocument,
    "mutation sendTranscript($interactionId: ID!, $to: String) {\n  sendTranscript(interactionId: $interactionId, to: $to) {\n    to\n  }\n}": typeof types.SendTranscriptDocument,
    "mutation setExpertise($id: ID!, $skills: [String!]!) {\n  setExpertise(id: $id, skills: $skills) {\n    ...interactionDetails\n  }\n}": typeof types.SetExpertiseDocument,
    "mutation setTags($id: ID!, $tags: [String!]!) {\n  setTags(id: $id, tags: $tags) {\n    ...interactionDetails\n  }\n}": typeof types.SetTagsDocument,
    "query chatTrail($id: ID!) {\n  interaction(id: $id) {\n    ...interactionSummary\n    closedAt\n    result\n    events {\n      ...trailEvent\n    }\n  }\n  users(includeInactive: true) {\n    id\n    name\n  }\n  teams {\n    id\n    name\n  }\n  trays {\n    id\n    name\n  }\n}": typeof types.ChatTrailDocument,
    "mutation closeInteractions($ids: [ID!]!, $result: InteractionResult!) {\n  closeInteractions(ids: $ids, result: $result) {\n    id\n    phase\n  }\n}": typeof types.CloseInteractionsDocument,
    "mutation logoutAgent($userId: ID!) {\n  logoutAgent(userId: $userId)\n}": typeof types.LogoutAgentDocument,
    "fragment monitorChatFields on MonitorChat {\n  id\n  protocol\n  phase\n  status\n  channel\n  since\n  waitingSince\n  band\n  alert\n  agentId\n  campaign {\n    id\n    name\n    timeZone\n  }\n  contact {\n    name\n    email\n    phone\n    state\n  }\n}\n\nfragment monitorAgentFields on MonitorAgentSummary {\n  userId\n  name\n  state\n  onCall\n  pauseReason {\n    id\n    name\n    icon\n  }\n  stateChangedAt\n  channels\n  activeChats\n  completedToday\n  maxConcurrentChats\n  alert\n  teamIds\n  bands {\n    green\n    yellow\n    red\n  }\n}": typeof types.MonitorChatFieldsFragmentDoc,
    "query monitorOptions {\n  users(role: AGENT) {\n    id\n    name\n    email\n    mayMonitorScreen\n    teams {\n      id\n      name\n    }\n  }\n  teams {\n    id\n    name\n  }\n  campaigns {\n    id\n    thresholdsSeconds\n  }\n  pauseReasons {\n    id\n    name\n    icon\n  }\n}": typeof types.MonitorOptionsDocument,
    "query monitorToday($filter: MonitorTodayFilterInput) {\n  monitorToday(filter: $filter) {\n    ...monitorTodayFields\n  }\n}": typeof types.MonitorTodayDocument,
    "subscription monitorTodayChanged($filter: MonitorTodayFilterInput) {\n  monitorTodayChanged(filter: $filter) {\n    ...monitorTodayFields\n  }\n}": typeof types.MonitorTodayChangedDocument,
    "fragment monitorTodayFields on MonitorToday {\n  generatedAt\n  hours {\n    hour\n    received\n    answered\n    answeredWithinLevel\n    abandoned\n    serviceLevel\n  }\n  campaigns {\n    campaign {\n      id\n      name\n    }\n    serviceLevelSeconds\n    date\n  }\n}": typeof types.MonitorTodayFieldsFragmentDoc,
    "subscription monitorUpdates($filter: MonitorFilterInput) {\n  monitorUpdates(filter: $filter) {\n    full\n    generatedAt\n    totals {\n      open\n      bot\n      waiting\n      inService\n    }\n    campaigns {\n      campaign {\n        id\n        name\n      }\n      serviceLevel\n      serviceLevelSeconds\n      queuedToday\n    }\n    teams {\n      team {\n        id\n        name\n      }\n      agentIds\n      activeChats\n    }\n    agents {\n      ...monitorAgentFields\n    }\n    removedAgentIds\n    chats {\n      ...monitorChatFields\n    }\n    removedChatIds\n  }\n}": typeof types.MonitorUpdatesDocument,
    "mutation pauseAgent($userId: ID!, $pauseReasonId: ID!) {\n  pauseAgent(userId: $userId, pauseReasonId: $pauseReasonId) {\n    userId\n    state\n  }\n}": typeof types.PauseAgentDocument,
    "mutation requestScreen($agentId: ID!) {\n  requestScreen(agentId: $agentId) {\n    ...callFields\n  }\n}": typeof types.RequestScreenDocument,
    "mutation resumeAgent($userId: ID!) {\n  resumeAgent(userId: $userId) {\n    userId\n    state\n  }\n}": typeof types.ResumeAgentDocument,
    "mutation transferInteractions($ids: [ID!]!, $to: TransferTargetInput!, $note: String) {\n  transferInteractions(ids: $ids, to: $to, note: $note) {\n    id\n    phase\n  }\n}": typeof types.TransferInteractionsDocument,
    "subscription internalMessageAdded($after: DateTimeISO) {\n  internalMessageAdded(after: $after) {\n    ...internalMessageFields\n  }\n}": typeof types.InternalMessageAddedDocument,
    "fragment internalMessageFields on InternalMessage {\n  id\n  fromUserId\n  fromName\n  toUserId\n  toName\n  body\n  clientMessageId\n  createdAt\n}": typeof types.InternalMessageFieldsFragmentDoc,
    "query internalMessages($withUserId: ID!) {\n  internalMessages(withUserId: $withUserId) {\n    ...internalMessageFields\n  }\n}": typeof types.InternalMessagesDocument,
    "mutation sendInternalMessage($toUserId: ID!, $body: String!, $clientMessageId: String) {\n  sendInternalMessage(\n    toUserId: $toUserId\n    body: $body\n    clientMessageId: $clientMessageId\n  ) {\n    ...internalMessageFields\n  }\n}": typeof types.SendInternalMessageDocument,
    "mutation AnswerOfflineMessage($id: ID!, $body: String!) {\n  answerOfflineMessage(id: $id, body: $body) {\n    ...OfflineMessageFields\n  }\n}": typeof types.AnswerOfflineMessageDocument,
    "fragment OfflineMessageFields on OfflineMessage {\n  id\n  campaignId\n  campaignName\n  name\n  email\n  phone\n  language\n  body\n  createdAt\n  handled {\n    how\n    at\n    byId\n    byName\n    reply\n    interactionId\n    protocol\n  }\n}": typeof types.OfflineMessageFieldsFragmentDoc,
    "mutation OfflineMessageToConversation($id: ID!) {\n  offlineMessageToConversation(id: $id) {\n    ...OfflineMessageFields\n  }\n}": typeof types.OfflineMessageToConversationDocument,
    "query OfflineMessages($handled: Boolean) {\n  offlineMessages(handled: $handled) {\n    ...OfflineMessageFields\n  }\n}": typeof types.OfflineMessagesDocument,
    "subscription UnhandledOfflineMessagesChanged {\n  unhandledOfflineMessagesChanged\n}": typeof types.UnhandledOfflineMessagesChangedDocument,
    "mutation transferInteraction($id: ID!, $to: TransferTargetInput!, $note: String) {\n  transferInteraction(id: $id, to: $to, note: $note) {\n    ...interactionSummary\n  }\n}": typeof types.TransferInteractionDocument,
    "query transferTargets($interactionId: ID!) {\n  transferTargets(interactionId: $interactionId) {\n    trays {\n      id\n      name\n      kind\n    }\n    agents {\n      id\n      name\n      state\n    }\n    teams {\n      id\n      name\n    }\n  }\n}": typeof types.TransferTargetsDocument,
    "query callCursor {\n  callCursor\n}": typeof types.CallCursorDocument,
    "subscription callEvents($interactionId: ID, $after: String) {\n  callEvents(interactionId: $interactionId, after: $after) {\n    type\n    from\n    cursor\n    call {\n      ...callFields\n    }\n    signal {\n      kind\n      payload\n    }\n  }\n}": typeof types.CallEventsDocument,
    "fragment callFields on Call {\n  id\n  interactionId\n  agentId\n  supervisorId\n  kind\n  state\n  requestedAt\n  startedAt\n  endedAt\n  endReason\n  endedBy\n}": typeof types.CallFieldsFragmentDoc,
    "mutation endCall($callId: ID!) {\n  endCall(callId: $callId) {\n    ...callFields\n  }\n}": typeof types.EndCallDocument,
    "query iceServers {\n  iceServers {\n    urls\n    username\n    credential\n  }\n}": typeof types.IceServersDocument,
    "mutation sendCallSignal($callId: ID!, $kind: CallSignalKind!, $payload: String!) {\n  sendCallSignal(callId: $callId, kind: $kind, payload: $payload)\n}": typeof types.SendCallSignalDocument,
    "query cannedResponses($campaignId: ID!) {\n  cannedResponses(campaignId: $campaignId) {\n    id\n    shortcut\n    body\n    language\n  }\n}": typeof types.CannedResponsesDocument,
    "subscription directoryChanged {\n  directoryChanged {\n    parts\n    campaignId\n  }\n}": typeof types.DirectoryChangedDocument,
    "fragment trailEvent on InteractionEvent {\n  id\n  type\n  actorKind\n  actorId\n  createdAt\n  data\n}": typeof types.TrailEventFragmentDoc,
    "fragment interactionSummary on Interaction {\n  id\n  protocol\n  phase\n  status\n  channel\n  createdAt\n  updatedAt\n  queuedAt\n  waitingSince\n  assignedAt\n  firstAssignedAt\n  closedAt\n  lastSequence\n  transferCount\n  language\n  participants {\n    id\n    name\n  }\n  campaign {\n    id\n    name\n    timeZone\n  }\n  contact {\n    id\n    name\n    email\n    phone\n  }\n  tray {\n    id\n    name\n    kind\n  }\n  agent {\n    id\n    name\n  }\n}": typeof types.InteractionSummaryFragmentDoc,
    "fragment chatMessage on Message {\n  id\n  interactionId\n  sequence\n  body\n  clientMessageId\n  createdAt\n  visibility\n  author {\n    id\n    kind\n    name\n    avatarUrl\n  }\n  attachments {\n    id\n    name\n    mime\n    size\n    durationSeconds\n    url\n  }\n}": typeof types.ChatMessageFragmentDoc,
    "subscription messageAdded($interactionId: ID!, $afterSequence: Int) {\n  messageAdded(interactionId: $interactionId, afterSequence: $afterSequence) {\n    ...chatMessage\n  }\n}": typeof types.MessageAddedDocument,
    "query messages($interactionId: ID!, $afterSequence: Int!, $first: Int! = 100) {\n  messages(\n    interactionId: $interactionId\n    afterSequence: $afterSequence\n    first: $first\n  ) {\n    ...chatMessage\n  }\n}": typeof types.MessagesDocument,
    "mutation postMessage($input: PostMessageInput!) {\n  postMessage(input: $input) {\n    ...chatMessage\n  }\n}": typeof types.PostMessageDocument,
    "mutation requestCall($interactionId: ID!, $kind: CallKind!) {\n  requestCall(interactionId: $interactionId, kind: $kind) {\n    ...callFields\n  }\n}": typeof types.RequestCallDocument,
    "query campaign($id: ID!) {\n  campaign(id: $id) {\n    id\n    name\n    askName\n    askEmail\n    askPhone\n    allowOfflineMessages\n    allowAudio\n    allowVideo\n    botFirst\n    defaultLanguage\n    messages {\n      language\n      welcome\n      botWelcome\n      outOfHours\n      unavailable\n      offline\n      closing\n    }\n  }\n}": typeof types.CampaignDocument,
    "query campaignAvailability($campaignId: ID!) {\n  campaignAvailability(campaignId: $campaignId) {\n    admission\n    offlineMessagesAllowed\n  }\n}": typeof types.CampaignAvailabilityDocument,
    "mutation leaveOfflineMessage($input: LeaveOfflineMessageInput!) {\n  leaveOfflineMessage(input: $input) {\n    id\n  }\n}": typeof types.LeaveOfflineMessageDocument,
    "mutation startInteraction($input: StartInteractionInput!) {\n  startInteraction(input: $input) {\n    admission\n    offlineMessagesAllowed\n    visitorToken\n    interaction {\n      id\n      protocol\n    }\n  }\n}": typeof types.StartInteractionDocument,
    "query widgetConversation($id: ID!) {\n  interaction(id: $id) {\n    ...widgetConversationState\n  }\n}": typeof types.WidgetConversationDocument,
    "subscription widgetConversationChanged {\n  interactionChanged {\n    kind\n    interaction {\n      ...widgetConversationState\n    }\n  }\n}": typeof types.WidgetConversationChangedDocument,
    "fragment widgetConversationState on Interaction {\n  id\n  phase\n  closedAt\n  agent {\n    id\n    name\n  }\n  participants {\n    id\n    name\n  }\n}": typeof types.WidgetConversationStateFragmentDoc,
};
const documents: Documents = {
    "query adminApiKeys {\n  apiKeys {\n    id\n    name\n    displayName\n    avatarUrl\n    scopes\n    campaignIds\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n}": types.AdminApiKeysDocument,
    "fragment adminCampaign on Campaign {\n  id\n  name\n  routingStrategy\n  serviceLevelSeconds\n  timeZone\n  schedule {\n    ranges {\n      day\n      from\n      to\n    }\n    holidays\n  }\n  waitingLimit\n  thresholdsSeconds\n  noAnswerTimeoutSeconds\n  allowAudio\n  allowVideo\n  askName\n  askEmail\n  askPhone\n  allowOfflineMessages\n  botFirst\n  defaultLanguage\n  securityGroup {\n    id\n    name\n  }\n  messages {\n    language\n    welcome\n    botWelcome\n    outOfHours\n    unavailable\n    agentGreeting\n    offline\n    closing\n  }\n}": types.AdminCampaignFragmentDoc,
    "query adminCampaignMembers($campaignId: ID!) {\n  campaignMembers(campaignId: $campaignId) {\n    id\n  }\n}": types.AdminCampaignMembersDocument,
    "query adminCampaigns {\n  campaigns {\n    ...adminCampaign\n  }\n}": types.AdminCampaignsDocument,
    "query adminLabels {\n  tagUsage {\n    name\n    chats\n    people\n  }\n  skillUsage {\n    name\n    chats\n    people\n  }\n}": types.AdminLabelsDocument,
    "query adminOfflineMessages($campaignId: ID) {\n  offlineMessages(campaignId: $campaignId) {\n    ...OfflineMessageFields\n  }\n}": types.AdminOfflineMessagesDocument,
    "query adminPauseReasons {\n  pauseReasons(includeRetired: true) {\n    id\n    name\n    icon\n    active\n  }\n}": types.AdminPauseReasonsDocument,
    "query adminReport($filter: InteractionFilterInput, $after: String) {\n  interactions(filter: $filter, after: $after, first: 50) {\n    totalCount\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    edges {\n      node {\n        id\n        protocol\n        createdAt\n        closedAt\n        result\n        phase\n        channel\n        campaign {\n          id\n          name\n        }\n        agent {\n          id\n          name\n        }\n        contact {\n          id\n          name\n        }\n      }\n    }\n  }\n}": types.AdminReportDocument,
    "query adminTeams {\n  teams {\n    id\n    name\n    members {\n      id\n      name\n    }\n  }\n}": types.AdminTeamsDocument,
    "query adminTrayAccess($trayId: ID!) {\n  trayAccess(trayId: $trayId) {\n    users {\n      id\n    }\n    teams {\n      id\n    }\n  }\n}": types.AdminTrayAccessDocument,
    "query adminTrays {\n  trays {\n    id\n    name\n    kind\n    campaignId\n  }\n}": types.AdminTraysDocument,
    "query adminUsers {\n  users(includeInactive: true) {\n    id\n    name\n    email\n    role\n    active\n    languages\n    skills\n    maxConcurrentChats\n    mayMonitorScreen\n    securityGroup {\n      id\n      name\n    }\n    teams {\n      id\n      name\n    }\n  }\n}": types.AdminUsersDocument,
    "query adminWebhookDeliveries($webhookId: ID!) {\n  webhookDeliveries(webhookId: $webhookId) {\n    id\n    eventType\n    status\n    attempts\n    lastStatusCode\n    lastError\n    createdAt\n    deliveredAt\n  }\n}": types.AdminWebhookDeliveriesDocument,
    "query adminWebhooks {\n  webhooks {\n    id\n    url\n    active\n    campaignIds\n    eventTypes\n    consecutiveFailures\n    disabledReason\n    createdAt\n  }\n}": types.AdminWebhooksDocument,
    "mutation createApiKey($input: CreateApiKeyInput!) {\n  createApiKey(input: $input) {\n    secret\n    apiKey {\n      id\n    }\n  }\n}": types.CreateApiKeyDocument,
    "mutation createCampaign($input: CreateCampaignInput!) {\n  createCampaign(input: $input) {\n    ...adminCampaign\n  }\n}": types.CreateCampaignDocument,
    "mutation createCannedResponse($input: CreateCannedResponseInput!) {\n  createCannedResponse(input: $input) {\n    id\n    shortcut\n    body\n    language\n  }\n}": types.CreateCannedResponseDocument,
    "mutation createPauseReason($name: String!, $icon: String!) {\n  createPauseReason(name: $name, icon: $icon) {\n    id\n  }\n}": types.CreatePauseReasonDocument,
    "mutation createSkill($name: String!) {\n  createSkill(name: $name) {\n    name\n  }\n}": types.CreateSkillDocument,
    "mutation createTag($name: String!) {\n  createTag(name: $name) {\n    name\n  }\n}": types.CreateTagDocument,
    "mutation createTeam($input: CreateTeamInput!) {\n  createTeam(input: $input) {\n    id\n  }\n}": types.CreateTeamDocument,
    "mutation createTray($input: CreateTrayInput!) {\n  createTray(input: $input) {\n    id\n  }\n}": types.CreateTrayDocument,
    "mutation createUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    id\n  }\n}": types.CreateUserDocument,
    "mutation createUsers($input: [CreateUserInput!]!) {\n  createUsers(input: $input) {\n    id\n  }\n}": types.CreateUsersDocument,
    "mutation createWebhook($input: CreateWebhookInput!) {\n  createWebhook(input: $input) {\n    secret\n    webhook {\n      id\n    }\n  }\n}": types.CreateWebhookDocument,
    "mutation deleteSkill($name: String!) {\n  deleteSkill(name: $name)\n}": types.DeleteSkillDocument,
    "mutation deleteTag($name: String!) {\n  deleteTag(name: $name)\n}": types.DeleteTagDocument,
    "mutation deleteWebhook($id: ID!) {\n  deleteWebhook(id: $id)\n}": types.DeleteWebhookDocument,
    "mutation pingWebhook($id: ID!) {\n  pingWebhook(id: $id) {\n    id\n  }\n}": types.PingWebhookDocument,
    "mutation redeliverWebhook($deliveryId: ID!) {\n  redeliverWebhook(deliveryId: $deliveryId) {\n    id\n    status\n    attempts\n  }\n}": types.RedeliverWebhookDocument,
    "mutation renameSkill($name: String!, $newName: String!) {\n  renameSkill(name: $name, newName: $newName) {\n    name\n  }\n}": types.RenameSkillDocument,
    "mutation renameTag($name: String!, $newName: String!) {\n  renameTag(name: $name, newName: $newName) {\n    name\n  }\n}": types.RenameTagDocument,
    "mutation revokeApiKey($id: ID!) {\n  revokeApiKey(id: $id) {\n    id\n    revokedAt\n  }\n}": types.RevokeApiKeyDocument,
    "mutation setPauseReasonActive($id: ID!, $active: Boolean!) {\n  setPauseReasonActive(id: $id, active: $active) {\n    id\n    active\n  }\n}": types.SetPauseReasonActiveDocument,
    "mutation setTrayAccess($trayId: ID!, $userIds: [ID!]!, $teamIds: [ID!]!) {\n  setTrayAccess(trayId: $trayId, userIds: $userIds, teamIds: $teamIds) {\n    id\n  }\n}": types.SetTrayAccessDocument,
    "mutation setUserActive($id: ID!, $active: Boolean!) {\n  setUserActive(id: $id, active: $active) {\n    id\n    active\n  }\n}": types.SetUserActiveDocument,
    "mutation setWebhookActive($id: ID!, $active: Boolean!) {\n  setWebhookActive(id: $id, active: $active) {\n    id\n    active\n  }\n}": types.SetWebhookActiveDocument,
    "mutation updateCampaign($id: ID!, $input: UpdateCampaignInput!) {\n  updateCampaign(id: $id, input: $input) {\n    ...adminCampaign\n  }\n}": types.UpdateCampaignDocument,
    "mutation updatePauseReason($id: ID!, $input: UpdatePauseReasonInput!) {\n  updatePauseReason(id: $id, input: $input) {\n    id\n    name\n    icon\n    active\n  }\n}": types.UpdatePauseReasonDocument,
    "mutation updateUser($id: ID!, $input: UpdateUserInput!) {\n  updateUser(id: $id, input: $input) {\n    id\n  }\n}": types.UpdateUserDocument,
    "query adminSecurityGroups {\n  securityGroups {\n    id\n    name\n  }\n  me {\n    id\n    securityGroup {\n      id\n      name\n    }\n  }\n}": types.AdminSecurityGroupsDocument,
    "mutation createSecurityGroup($name: String!) {\n  createSecurityGroup(name: $name) {\n    id\n    name\n  }\n}": types.CreateSecurityGroupDocument,
    "mutation renameSecurityGroup($id: ID!, $name: String!) {\n  renameSecurityGroup(id: $id, name: $name) {\n    id\n    name\n  }\n}": types.RenameSecurityGroupDocument,
    "subscription myStatusChanged {\n  myStatusChanged {\n    ...myStatusFields\n  }\n}": types.MyStatusChangedDocument,
    "fragment myStatusFields on AgentStatus {\n  userId\n  state\n  paused\n  stateChangedAt\n  activeChats\n  pauseReason {\n    id\n    name\n    icon\n  }\n}": types.MyStatusFieldsFragmentDoc,
    "query pauseReasons {\n  pauseReasons {\n    id\n    name\n    icon\n  }\n}": types.PauseReasonsDocument,
    "mutation setMyState($state: MyState!, $pauseReasonId: ID) {\n  setMyState(state: $state, pauseReasonId: $pauseReasonId) {\n    ...myStatusFields\n  }\n}": types.SetMyStateDocument,
    "query me {\n  me {\n    id\n    name\n    role\n    email\n  }\n}": types.MeDocument,
    "mutation signIn($email: String!, $password: String!) {\n  signIn(email: $email, password: $password) {\n    token\n    user {\n      id\n      name\n      role\n      email\n    }\n  }\n}": types.SignInDocument,
    "mutation signOut {\n  signOut\n}": types.SignOutDocument,
    "mutation answerCall($callId: ID!, $accept: Boolean!) {\n  answerCall(callId: $callId, accept: $accept) {\n    ...callFields\n  }\n}": types.AnswerCallDocument,
    "query callingChat($id: ID!) {\n  interaction(id: $id) {\n    id\n    protocol\n    contact {\n      id\n      name\n    }\n  }\n}": types.CallingChatDocument,
    "query screenSupervisors {\n  supervisors {\n    id\n    name\n  }\n}": types.ScreenSupervisorsDocument,
    "query contact($id: ID!, $first: Int!) {\n  contact(id: $id) {\n    ...contactFields\n    externalId\n    country\n    language\n    createdAt\n    conversations(first: $first) {\n      edges {\n        node {\n          ...interactionSummary\n          result\n          closedAt\n        }\n      }\n    }\n  }\n}": types.ContactDocument,
    "subscription contactActivity {\n  interactionChanged {\n    kind\n    interactionId\n  }\n}": types.ContactActivityDocument,
    "fragment contactFields on ContactRecord {\n  id\n  name\n  email\n  phone\n  state\n  previousState\n  stateChangedAt\n  lastActivityAt\n  channel\n  conversationCount\n  campaign {\n    id\n    name\n    timeZone\n  }\n}": types.ContactFieldsFragmentDoc,
    "query contacts($filter: ContactFilterInput, $first: Int!, $after: String) {\n  contacts(filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        ...contactFields\n      }\n    }\n  }\n}": types.ContactsDocument,
    "mutation closeInteraction($id: ID!, $result: InteractionResult!) {\n  closeInteraction(id: $id, result: $result) {\n    ...interactionSummary\n    result\n  }\n}": types.CloseInteractionDocument,
    "query conversationTrail($id: ID!) {\n  interaction(id: $id) {\n    id\n    events {\n      ...trailEvent\n    }\n    trailNames {\n      id\n      name\n    }\n  }\n}": types.ConversationTrailDocument,
    "mutation joinInteraction($id: ID!) {\n  joinInteraction(id: $id) {\n    ...interactionSummary\n  }\n}": types.JoinInteractionDocument,
    "mutation leaveInteraction($id: ID!) {\n  leaveInteraction(id: $id) {\n    ...interactionSummary\n  }\n}": types.LeaveInteractionDocument,
    "query linkedInteraction($id: ID!) {\n  interaction(id: $id) {\n    ...interactionSummary\n  }\n}": types.LinkedInteractionDocument,
    "mutation returnToTray($id: ID!) {\n  returnToTray(id: $id) {\n    ...interactionSummary\n  }\n}": types.ReturnToTrayDocument,
    "mutation setInteractionStatus($id: ID!, $status: InteractionStatus!) {\n  setInteractionStatus(id: $id, status: $status) {\n    ...interactionSummary\n  }\n}": types.SetInteractionStatusDocument,
    "query contactInteractions($filter: InteractionFilterInput!, $first: Int!) {\n  interactions(filter: $filter, first: $first) {\n    edges {\n      node {\n        ...interactionSummary\n        result\n        closedAt\n      }\n    }\n  }\n}": types.ContactInteractionsDocument,
    "subscription inboxUpdates {\n  inboxUpdates {\n    reset\n    changes {\n      kind\n      interactionId\n      interaction {\n        ...interactionSummary\n      }\n    }\n    queues {\n      trayId\n      waiting\n    }\n  }\n}": types.InboxUpdatesDocument,
    "query interactions($first: Int!, $after: String, $filter: InteractionFilterInput, $order: InteractionOrder) {\n  interactions(first: $first, after: $after, filter: $filter, order: $order) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        ...interactionSummary\n      }\n    }\n  }\n}": types.InteractionsDocument,
    "mutation takeInteraction($id: ID!) {\n  takeInteraction(id: $id) {\n    ...interactionSummary\n  }\n}": types.TakeInteractionDocument,
    "query trays {\n  trays {\n    id\n    name\n    kind\n    campaignId\n  }\n}": types.TraysDocument,
    "mutation addNote($id: ID!, $body: String!) {\n  addNote(id: $id, body: $body) {\n    ...interactionDetails\n  }\n}": types.AddNoteDocument,
    "fragment interactionDetails on Interaction {\n  id\n  phase\n  status\n  result\n  closedAt\n  country\n  language\n  tags\n  expertise\n  botAnswers {\n    key\n    value\n  }\n  notes {\n    authorId\n    authorName\n    body\n    createdAt\n  }\n  contact {\n    id\n    email\n    country\n    language\n  }\n}": types.InteractionDetailsFragmentDoc,
    "query interactionInfo($id: ID!) {\n  interaction(id: $id) {\n    ...interactionDetails\n  }\n}": types.InteractionInfoDocument,
    "query knownLabels {\n  tags\n  skills\n}": types.KnownLabelsDocument,
    "mutation sendTranscript($interactionId: ID!, $to: String) {\n  sendTranscript(interactionId: $interactionId, to: $to) {\n    to\n  }\n}": types.SendTranscriptDocument,
    "mutation setExpertise($id: ID!, $skills: [String!]!) {\n  setExpertise(id: $id, skills: $skills) {\n    ...interactionDetails\n  }\n}": types.SetExpertiseDocument,
    "mutation setTags($id: ID!, $tags: [String!]!) {\n  setTags(id: $id, tags: $tags) {\n    ...interactionDetails\n  }\n}": types.SetTagsDocument,
    "query chatTrail($id: ID!) {\n  interaction(id: $id) {\n    ...interactionSummary\n    closedAt\n    result\n    events {\n      ...trailEvent\n    }\n  }\n  users(includeInactive: true) {\n    id\n    name\n  }\n  teams {\n    id\n    name\n  }\n  trays {\n    id\n    name\n  }\n}": types.ChatTrailDocument,
    "mutation closeInteractions($ids: [ID!]!, $result: InteractionResult!) {\n  closeInteractions(ids: $ids, result: $result) {\n    id\n    phase\n  }\n}": types.CloseInteractionsDocument,
    "mutation logoutAgent($userId: ID!) {\n  logoutAgent(userId: $userId)\n}": types.LogoutAgentDocument,
    "fragment monitorChatFields on MonitorChat {\n  id\n  protocol\n  phase\n  status\n  channel\n  since\n  waitingSince\n  band\n  alert\n  agentId\n  campaign {\n    id\n    name\n    timeZone\n  }\n  contact {\n    name\n    email\n    phone\n    state\n  }\n}\n\nfragment monitorAgentFields on MonitorAgentSummary {\n  userId\n  name\n  state\n  onCall\n  pauseReason {\n    id\n    name\n    icon\n  }\n  stateChangedAt\n  channels\n  activeChats\n  completedToday\n  maxConcurrentChats\n  alert\n  teamIds\n  bands {\n    green\n    yellow\n    red\n  }\n}": types.MonitorChatFieldsFragmentDoc,
    "query monitorOptions {\n  users(role: AGENT) {\n    id\n    name\n    email\n    mayMonitorScreen\n    teams {\n      id\n      name\n    }\n  }\n  teams {\n    id\n    name\n  }\n  campaigns {\n    id\n    thresholdsSeconds\n  }\n  pauseReasons {\n    id\n    name\n    icon\n  }\n}": types.MonitorOptionsDocument,
    "query monitorToday($filter: MonitorTodayFilterInput) {\n  monitorToday(filter: $filter) {\n    ...monitorTodayFields\n  }\n}": types.MonitorTodayDocument,
    "subscription monitorTodayChanged($filter: MonitorTodayFilterInput) {\n  monitorTodayChanged(filter: $filter) {\n    ...monitorTodayFields\n  }\n}": types.MonitorTodayChangedDocument,
    "fragment monitorTodayFields on MonitorToday {\n  generatedAt\n  hours {\n    hour\n    received\n    answered\n    answeredWithinLevel\n    abandoned\n    serviceLevel\n  }\n  campaigns {\n    campaign {\n      id\n      name\n    }\n    serviceLevelSeconds\n    date\n  }\n}": types.MonitorTodayFieldsFragmentDoc,
    "subscription monitorUpdates($filter: MonitorFilterInput) {\n  monitorUpdates(filter: $filter) {\n    full\n    generatedAt\n    totals {\n      open\n      bot\n      waiting\n      inService\n    }\n    campaigns {\n      campaign {\n        id\n        name\n      }\n      serviceLevel\n      serviceLevelSeconds\n      queuedToday\n    }\n    teams {\n      team {\n        id\n        name\n      }\n      agentIds\n      activeChats\n    }\n    agents {\n      ...monitorAgentFields\n    }\n    removedAgentIds\n    chats {\n      ...monitorChatFields\n    }\n    removedChatIds\n  }\n}": types.MonitorUpdatesDocument,
    "mutation pauseAgent($userId: ID!, $pauseReasonId: ID!) {\n  pauseAgent(userId: $userId, pauseReasonId: $pauseReasonId) {\n    userId\n    state\n  }\n}": types.PauseAgentDocument,
    "mutation requestScreen($agentId: ID!) {\n  requestScreen(agentId: $agentId) {\n    ...callFields\n  }\n}": types.RequestScreenDocument,
    "mutation resumeAgent($userId: ID!) {\n  resumeAgent(userId: $userId) {\n    userId\n    state\n  }\n}": types.ResumeAgentDocument,
    "mutation transferInteractions($ids: [ID!]!, $to: TransferTargetInput!, $note: String) {\n  transferInteractions(ids: $ids, to: $to, note: $note) {\n    id\n    phase\n  }\n}": types.TransferInteractionsDocument,
    "subscription internalMessageAdded($after: DateTimeISO) {\n  internalMessageAdded(after: $after) {\n    ...internalMessageFields\n  }\n}": types.InternalMessageAddedDocument,
    "fragment internalMessageFields on InternalMessage {\n  id\n  fromUserId\n  fromName\n  toUserId\n  toName\n  body\n  clientMessageId\n  createdAt\n}": types.InternalMessageFieldsFragmentDoc,
    "query internalMessages($withUserId: ID!) {\n  internalMessages(withUserId: $withUserId) {\n    ...internalMessageFields\n  }\n}": types.InternalMessagesDocument,
    "mutation sendInternalMessage($toUserId: ID!, $body: String!, $clientMessageId: String) {\n  sendInternalMessage(\n    toUserId: $toUserId\n    body: $body\n    clientMessageId: $clientMessageId\n  ) {\n    ...internalMessageFields\n  }\n}": types.SendInternalMessageDocument,
    "mutation AnswerOfflineMessage($id: ID!, $body: String!) {\n  answerOfflineMessage(id: $id, body: $body) {\n    ...OfflineMessageFields\n  }\n}": types.AnswerOfflineMessageDocument,
    "fragment OfflineMessageFields on OfflineMessage {\n  id\n  campaignId\n  campaignName\n  name\n  email\n  phone\n  language\n  body\n  createdAt\n  handled {\n    how\n    at\n    byId\n    byName\n    reply\n    interactionId\n    protocol\n  }\n}": types.OfflineMessageFieldsFragmentDoc,
    "mutation OfflineMessageToConversation($id: ID!) {\n  offlineMessageToConversation(id: $id) {\n    ...OfflineMessageFields\n  }\n}": types.OfflineMessageToConversationDocument,
    "query OfflineMessages($handled: Boolean) {\n  offlineMessages(handled: $handled) {\n    ...OfflineMessageFields\n  }\n}": types.OfflineMessagesDocument,
    "subscription UnhandledOfflineMessagesChanged {\n  unhandledOfflineMessagesChanged\n}": types.UnhandledOfflineMessagesChangedDocument,
    "mutation transferInteraction($id: ID!, $to: TransferTargetInput!, $note: String) {\n  transferInteraction(id: $id, to: $to, note: $note) {\n    ...interactionSummary\n  }\n}": types.TransferInteractionDocument,
    "query transferTargets($interactionId: ID!) {\n  transferTargets(interactionId: $interactionId) {\n    trays {\n      id\n      name\n      kind\n    }\n    agents {\n      id\n      name\n      state\n    }\n    teams {\n      id\n      name\n    }\n  }\n}": types.TransferTargetsDocument,
    "query callCursor {\n  callCursor\n}": types.CallCursorDocument,
    "subscription callEvents($interactionId: ID, $after: String) {\n  callEvents(interactionId: $interactionId, after: $after) {\n    type\n    from\n    cursor\n    call {\n      ...callFields\n    }\n    signal {\n      kind\n      payload\n    }\n  }\n}": types.CallEventsDocument,
    "fragment callFields on Call {\n  id\n  interactionId\n  agentId\n  supervisorId\n  kind\n  state\n  requestedAt\n  startedAt\n  endedAt\n  endReason\n  endedBy\n}": types.CallFieldsFragmentDoc,
    "mutation endCall($callId: ID!) {\n  endCall(callId: $callId) {\n    ...callFields\n  }\n}": types.EndCallDocument,
    "query iceServers {\n  iceServers {\n    urls\n    username\n    credential\n  }\n}": types.IceServersDocument,
    "mutation sendCallSignal($callId: ID!, $kind: CallSignalKind!, $payload: String!) {\n  sendCallSignal(callId: $callId, kind: $kind, payload: $payload)\n}": types.SendCallSignalDocument,
    "query cannedResponses($campaignId: ID!) {\n  cannedResponses(campaignId: $campaignId) {\n    id\n    shortcut\n    body\n    language\n  }\n}": types.CannedResponsesDocument,
    "subscription directoryChanged {\n  directoryChanged {\n    parts\n    campaignId\n  }\n}": types.DirectoryChangedDocument,
    "fragment trailEvent on InteractionEvent {\n  id\n  type\n  actorKind\n  actorId\n  createdAt\n  data\n}": types.TrailEventFragmentDoc,
    "fragment interactionSummary on Interaction {\n  id\n  protocol\n  phase\n  status\n  channel\n  createdAt\n  updatedAt\n  queuedAt\n  waitingSince\n  assignedAt\n  firstAssignedAt\n  closedAt\n  lastSequence\n  transferCount\n  language\n  participants {\n    id\n    name\n  }\n  campaign {\n    id\n    name\n    timeZone\n  }\n  contact {\n    id\n    name\n    email\n    phone\n  }\n  tray {\n    id\n    name\n    kind\n  }\n  agent {\n    id\n    name\n  }\n}": types.InteractionSummaryFragmentDoc,
    "fragment chatMessage on Message {\n  id\n  interactionId\n  sequence\n  body\n  clientMessageId\n  createdAt\n  visibility\n  author {\n    id\n    kind\n    name\n    avatarUrl\n  }\n  attachments {\n    id\n    name\n    mime\n    size\n    durationSeconds\n    url\n  }\n}": types.ChatMessageFragmentDoc,
    "subscription messageAdded($interactionId: ID!, $afterSequence: Int) {\n  messageAdded(interactionId: $interactionId, afterSequence: $afterSequence) {\n    ...chatMessage\n  }\n}": types.MessageAddedDocument,
    "query messages($interactionId: ID!, $afterSequence: Int!, $first: Int! = 100) {\n  messages(\n    interactionId: $interactionId\n    afterSequence: $afterSequence\n    first: $first\n  ) {\n    ...chatMessage\n  }\n}": types.MessagesDocument,
    "mutation postMessage($input: PostMessageInput!) {\n  postMessage(input: $input) {\n    ...chatMessage\n  }\n}": types.PostMessageDocument,
    "mutation requestCall($interactionId: ID!, $kind: CallKind!) {\n  requestCall(interactionId: $interactionId, kind: $kind) {\n    ...callFields\n  }\n}": types.RequestCallDocument,
    "query campaign($id: ID!) {\n  campaign(id: $id) {\n    id\n    name\n    askName\n    askEmail\n    askPhone\n    allowOfflineMessages\n    allowAudio\n    allowVideo\n    botFirst\n    defaultLanguage\n    messages {\n      language\n      welcome\n      botWelcome\n      outOfHours\n      unavailable\n      offline\n      closing\n    }\n  }\n}": types.CampaignDocument,
    "query campaignAvailability($campaignId: ID!) {\n  campaignAvailability(campaignId: $campaignId) {\n    admission\n    offlineMessagesAllowed\n  }\n}": types.CampaignAvailabilityDocument,
    "mutation leaveOfflineMessage($input: LeaveOfflineMessageInput!) {\n  leaveOfflineMessage(input: $input) {\n    id\n  }\n}": types.LeaveOfflineMessageDocument,
    "mutation startInteraction($input: StartInteractionInput!) {\n  startInteraction(input: $input) {\n    admission\n    offlineMessagesAllowed\n    visitorToken\n    interaction {\n      id\n      protocol\n    }\n  }\n}": types.StartInteractionDocument,
    "query widgetConversation($id: ID!) {\n  interaction(id: $id) {\n    ...widgetConversationState\n  }\n}": types.WidgetConversationDocument,
    "subscription widgetConversationChanged {\n  interactionChanged {\n    kind\n    interaction {\n      ...widgetConversationState\n    }\n  }\n}": types.WidgetConversationChangedDocument,
    "fragment widgetConversationState on Interaction {\n  id\n  phase\n  closedAt\n  agent {\n    id\n    name\n  }\n  participants {\n    id\n    name\n  }\n}": types.WidgetConversationStateFragmentDoc,
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
export function graphql(source: "query adminApiKeys {\n  apiKeys {\n    id\n    name\n    displayName\n    avatarUrl\n    scopes\n    campaignIds\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n}"): (typeof documents)["query adminApiKeys {\n  apiKeys {\n    id\n    name\n    displayName\n    avatarUrl\n    scopes\n    campaignIds\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment adminCampaign on Campaign {\n  id\n  name\n  routingStrategy\n  serviceLevelSeconds\n  timeZone\n  schedule {\n    ranges {\n      day\n      from\n      to\n    }\n    holidays\n  }\n  waitingLimit\n  thresholdsSeconds\n  noAnswerTimeoutSeconds\n  allowAudio\n  allowVideo\n  askName\n  askEmail\n  askPhone\n  allowOfflineMessages\n  botFirst\n  defaultLanguage\n  securityGroup {\n    id\n    name\n  }\n  messages {\n    language\n    welcome\n    botWelcome\n    outOfHours\n    unavailable\n    agentGreeting\n    offline\n    closing\n  }\n}"): (typeof documents)["fragment adminCampaign on Campaign {\n  id\n  name\n  routingStrategy\n  serviceLevelSeconds\n  timeZone\n  schedule {\n    ranges {\n      day\n      from\n      to\n    }\n    holidays\n  }\n  waitingLimit\n  thresholdsSeconds\n  noAnswerTimeoutSeconds\n  allowAudio\n  allowVideo\n  askName\n  askEmail\n  askPhone\n  allowOfflineMessages\n  botFirst\n  defaultLanguage\n  securityGroup {\n    id\n    name\n  }\n  messages {\n    language\n    welcome\n    botWelcome\n    outOfHours\n    unavailable\n    agentGreeting\n    offline\n    closing\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query adminCampaignMembers($campaignId: ID!) {\n  campaignMembers(campaignId: $campaignId) {\n    id\n  }\n}"): (typeof documents)["query adminCampaignMembers($campaignId: ID!) {\n  campaignMembers(campaignId: $campaignId) {\n    id\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query adminCampaigns {\n  campaigns {\n    ...adminCampaign\n  }\n}"): (typeof documents)["query adminCampaigns {\n  campaigns {\n    ...adminCampaign\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query adminLabels {\n  tagUsage {\n    name\n    chats\n    people\n  }\n  skillUsage {\n    name\n    chats\n    people\n  }\n}"): (typeof documents)["query adminLabels {\n  tagUsage {\n    name\n    chats\n    people\n  }\n  skillUsage {\n    name\n    chats\n    people\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query adminOfflineMessages($campaignId: ID) {\n  offlineMessages(campaignId: $campaignId) {\n    ...OfflineMessageFields\n  }\n}"): (typeof documents)["query adminOfflineMessages($campaignId: ID) {\n  offlineMessages(campaignId: $campaignId) {\n    ...OfflineMessageFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query adminPauseReasons {\n  pauseReasons(includeRetired: true) {\n    id\n    name\n    icon\n    active\n  }\n}"): (typeof documents)["query adminPauseReasons {\n  pauseReasons(includeRetired: true) {\n    id\n    name\n    icon\n    active\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query adminReport($filter: InteractionFilterInput, $after: String) {\n  interactions(filter: $filter, after: $after, first: 50) {\n    totalCount\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    edges {\n      node {\n        id\n        protocol\n        createdAt\n        closedAt\n        result\n        phase\n        channel\n        campaign {\n          id\n          name\n        }\n        agent {\n          id\n          name\n        }\n        contact {\n          id\n          name\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query adminReport($filter: InteractionFilterInput, $after: String) {\n  interactions(filter: $filter, after: $after, first: 50) {\n    totalCount\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    edges {\n      node {\n        id\n        protocol\n        createdAt\n        closedAt\n        result\n        phase\n        channel\n        campaign {\n          id\n          name\n        }\n        agent {\n          id\n          name\n        }\n        contact {\n          id\n          name\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query adminTeams {\n  teams {\n    id\n    name\n    members {\n      id\n      name\n    }\n  }\n}"): (typeof documents)["query adminTeams {\n  teams {\n    id\n    name\n    members {\n      id\n      name\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query adminTrayAccess($trayId: ID!) {\n  trayAccess(trayId: $trayId) {\n    users {\n      id\n    }\n    teams {\n      id\n    }\n  }\n}"): (typeof documents)["query adminTrayAccess($trayId: ID!) {\n  trayAccess(trayId: $trayId) {\n    users {\n      id\n    }\n    teams {\n      id\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query adminTrays {\n  trays {\n    id\n    name\n    kind\n    campaignId\n  }\n}"): (typeof documents)["query adminTrays {\n  trays {\n    id\n    name\n    kind\n    campaignId\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query adminUsers {\n  users(includeInactive: true) {\n    id\n    name\n    email\n    role\n    active\n    languages\n    skills\n    maxConcurrentChats\n    mayMonitorScreen\n    securityGroup {\n      id\n      name\n    }\n    teams {\n      id\n      name\n    }\n  }\n}"): (typeof documents)["query adminUsers {\n  users(includeInactive: true) {\n    id\n    name\n    email\n    role\n    active\n    languages\n    skills\n    maxConcurrentChats\n    mayMonitorScreen\n    securityGroup {\n      id\n      name\n    }\n    teams {\n      id\n      name\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query adminWebhookDeliveries($webhookId: ID!) {\n  webhookDeliveries(webhookId: $webhookId) {\n    id\n    eventType\n    status\n    attempts\n    lastStatusCode\n    lastError\n    createdAt\n    deliveredAt\n  }\n}"): (typeof documents)["query adminWebhookDeliveries($webhookId: ID!) {\n  webhookDeliveries(webhookId: $webhookId) {\n    id\n    eventType\n    status\n    attempts\n    lastStatusCode\n    lastError\n    createdAt\n    deliveredAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query adminWebhooks {\n  webhooks {\n    id\n    url\n    active\n    campaignIds\n    eventTypes\n    consecutiveFailures\n    disabledReason\n    createdAt\n  }\n}"): (typeof documents)["query adminWebhooks {\n  webhooks {\n    id\n    url\n    active\n    campaignIds\n    eventTypes\n    consecutiveFailures\n    disabledReason\n    createdAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation createApiKey($input: CreateApiKeyInput!) {\n  createApiKey(input: $input) {\n    secret\n    apiKey {\n      id\n    }\n  }\n}"): (typeof documents)["mutation createApiKey($input: CreateApiKeyInput!) {\n  createApiKey(input: $input) {\n    secret\n    apiKey {\n      id\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation createCampaign($input: CreateCampaignInput!) {\n  createCampaign(input: $input) {\n    ...adminCampaign\n  }\n}"): (typeof documents)["mutation createCampaign($input: CreateCampaignInput!) {\n  createCampaign(input: $input) {\n    ...adminCampaign\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation createCannedResponse($input: CreateCannedResponseInput!) {\n  createCannedResponse(input: $input) {\n    id\n    shortcut\n    body\n    language\n  }\n}"): (typeof documents)["mutation createCannedResponse($input: CreateCannedResponseInput!) {\n  createCannedResponse(input: $input) {\n    id\n    shortcut\n    body\n    language\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation createPauseReason($name: String!, $icon: String!) {\n  createPauseReason(name: $name, icon: $icon) {\n    id\n  }\n}"): (typeof documents)["mutation createPauseReason($name: String!, $icon: String!) {\n  createPauseReason(name: $name, icon: $icon) {\n    id\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation createSkill($name: String!) {\n  createSkill(name: $name) {\n    name\n  }\n}"): (typeof documents)["mutation createSkill($name: String!) {\n  createSkill(name: $name) {\n    name\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation createTag($name: String!) {\n  createTag(name: $name) {\n    name\n  }\n}"): (typeof documents)["mutation createTag($name: String!) {\n  createTag(name: $name) {\n    name\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation createTeam($input: CreateTeamInput!) {\n  createTeam(input: $input) {\n    id\n  }\n}"): (typeof documents)["mutation createTeam($input: CreateTeamInput!) {\n  createTeam(input: $input) {\n    id\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation createTray($input: CreateTrayInput!) {\n  createTray(input: $input) {\n    id\n  }\n}"): (typeof documents)["mutation createTray($input: CreateTrayInput!) {\n  createTray(input: $input) {\n    id\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation createUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    id\n  }\n}"): (typeof documents)["mutation createUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    id\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation createUsers($input: [CreateUserInput!]!) {\n  createUsers(input: $input) {\n    id\n  }\n}"): (typeof documents)["mutation createUsers($input: [CreateUserInput!]!) {\n  createUsers(input: $input) {\n    id\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation createWebhook($input: CreateWebhookInput!) {\n  createWebhook(input: $input) {\n    secret\n    webhook {\n      id\n    }\n  }\n}"): (typeof documents)["mutation createWebhook($input: CreateWebhookInput!) {\n  createWebhook(input: $input) {\n    secret\n    webhook {\n      id\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation deleteSkill($name: String!) {\n  deleteSkill(name: $name)\n}"): (typeof documents)["mutation deleteSkill($name: String!) {\n  deleteSkill(name: $name)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation deleteTag($name: String!) {\n  deleteTag(name: $name)\n}"): (typeof documents)["mutation deleteTag($name: String!) {\n  deleteTag(name: $name)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation deleteWebhook($id: ID!) {\n  deleteWebhook(id: $id)\n}"): (typeof documents)["mutation deleteWebhook($id: ID!) {\n  deleteWebhook(id: $id)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation pingWebhook($id: ID!) {\n  pingWebhook(id: $id) {\n    id\n  }\n}"): (typeof documents)["mutation pingWebhook($id: ID!) {\n  pingWebhook(id: $id) {\n    id\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation redeliverWebhook($deliveryId: ID!) {\n  redeliverWebhook(deliveryId: $deliveryId) {\n    id\n    status\n    attempts\n  }\n}"): (typeof documents)["mutation redeliverWebhook($deliveryId: ID!) {\n  redeliverWebhook(deliveryId: $deliveryId) {\n    id\n    status\n    attempts\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation renameSkill($name: String!, $newName: String!) {\n  renameSkill(name: $name, newName: $newName) {\n    name\n  }\n}"): (typeof documents)["mutation renameSkill($name: String!, $newName: String!) {\n  renameSkill(name: $name, newName: $newName) {\n    name\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation renameTag($name: String!, $newName: String!) {\n  renameTag(name: $name, newName: $newName) {\n    name\n  }\n}"): (typeof documents)["mutation renameTag($name: String!, $newName: String!) {\n  renameTag(name: $name, newName: $newName) {\n    name\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation revokeApiKey($id: ID!) {\n  revokeApiKey(id: $id) {\n    id\n    revokedAt\n  }\n}"): (typeof documents)["mutation revokeApiKey($id: ID!) {\n  revokeApiKey(id: $id) {\n    id\n    revokedAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation setPauseReasonActive($id: ID!, $active: Boolean!) {\n  setPauseReasonActive(id: $id, active: $active) {\n    id\n    active\n  }\n}"): (typeof documents)["mutation setPauseReasonActive($id: ID!, $active: Boolean!) {\n  setPauseReasonActive(id: $id, active: $active) {\n    id\n    active\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation setTrayAccess($trayId: ID!, $userIds: [ID!]!, $teamIds: [ID!]!) {\n  setTrayAccess(trayId: $trayId, userIds: $userIds, teamIds: $teamIds) {\n    id\n  }\n}"): (typeof documents)["mutation setTrayAccess($trayId: ID!, $userIds: [ID!]!, $teamIds: [ID!]!) {\n  setTrayAccess(trayId: $trayId, userIds: $userIds, teamIds: $teamIds) {\n    id\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation setUserActive($id: ID!, $active: Boolean!) {\n  setUserActive(id: $id, active: $active) {\n    id\n    active\n  }\n}"): (typeof documents)["mutation setUserActive($id: ID!, $active: Boolean!) {\n  setUserActive(id: $id, active: $active) {\n    id\n    active\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation setWebhookActive($id: ID!, $active: Boolean!) {\n  setWebhookActive(id: $id, active: $active) {\n    id\n    active\n  }\n}"): (typeof documents)["mutation setWebhookActive($id: ID!, $active: Boolean!) {\n  setWebhookActive(id: $id, active: $active) {\n    id\n    active\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation updateCampaign($id: ID!, $input: UpdateCampaignInput!) {\n  updateCampaign(id: $id, input: $input) {\n    ...adminCampaign\n  }\n}"): (typeof documents)["mutation updateCampaign($id: ID!, $input: UpdateCampaignInput!) {\n  updateCampaign(id: $id, input: $input) {\n    ...adminCampaign\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation updatePauseReason($id: ID!, $input: UpdatePauseReasonInput!) {\n  updatePauseReason(id: $id, input: $input) {\n    id\n    name\n    icon\n    active\n  }\n}"): (typeof documents)["mutation updatePauseReason($id: ID!, $input: UpdatePauseReasonInput!) {\n  updatePauseReason(id: $id, input: $input) {\n    id\n    name\n    icon\n    active\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation updateUser($id: ID!, $input: UpdateUserInput!) {\n  updateUser(id: $id, input: $input) {\n    id\n  }\n}"): (typeof documents)["mutation updateUser($id: ID!, $input: UpdateUserInput!) {\n  updateUser(id: $id, input: $input) {\n    id\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query adminSecurityGroups {\n  securityGroups {\n    id\n    name\n  }\n  me {\n    id\n    securityGroup {\n      id\n      name\n    }\n  }\n}"): (typeof documents)["query adminSecurityGroups {\n  securityGroups {\n    id\n    name\n  }\n  me {\n    id\n    securityGroup {\n      id\n      name\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation createSecurityGroup($name: String!) {\n  createSecurityGroup(name: $name) {\n    id\n    name\n  }\n}"): (typeof documents)["mutation createSecurityGroup($name: String!) {\n  createSecurityGroup(name: $name) {\n    id\n    name\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation renameSecurityGroup($id: ID!, $name: String!) {\n  renameSecurityGroup(id: $id, name: $name) {\n    id\n    name\n  }\n}"): (typeof documents)["mutation renameSecurityGroup($id: ID!, $name: String!) {\n  renameSecurityGroup(id: $id, name: $name) {\n    id\n    name\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription myStatusChanged {\n  myStatusChanged {\n    ...myStatusFields\n  }\n}"): (typeof documents)["subscription myStatusChanged {\n  myStatusChanged {\n    ...myStatusFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment myStatusFields on AgentStatus {\n  userId\n  state\n  paused\n  stateChangedAt\n  activeChats\n  pauseReason {\n    id\n    name\n    icon\n  }\n}"): (typeof documents)["fragment myStatusFields on AgentStatus {\n  userId\n  state\n  paused\n  stateChangedAt\n  activeChats\n  pauseReason {\n    id\n    name\n    icon\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query pauseReasons {\n  pauseReasons {\n    id\n    name\n    icon\n  }\n}"): (typeof documents)["query pauseReasons {\n  pauseReasons {\n    id\n    name\n    icon\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation setMyState($state: MyState!, $pauseReasonId: ID) {\n  setMyState(state: $state, pauseReasonId: $pauseReasonId) {\n    ...myStatusFields\n  }\n}"): (typeof documents)["mutation setMyState($state: MyState!, $pauseReasonId: ID) {\n  setMyState(state: $state, pauseReasonId: $pauseReasonId) {\n    ...myStatusFields\n  }\n}"];
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
export function graphql(source: "mutation answerCall($callId: ID!, $accept: Boolean!) {\n  answerCall(callId: $callId, accept: $accept) {\n    ...callFields\n  }\n}"): (typeof documents)["mutation answerCall($callId: ID!, $accept: Boolean!) {\n  answerCall(callId: $callId, accept: $accept) {\n    ...callFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query callingChat($id: ID!) {\n  interaction(id: $id) {\n    id\n    protocol\n    contact {\n      id\n      name\n    }\n  }\n}"): (typeof documents)["query callingChat($id: ID!) {\n  interaction(id: $id) {\n    id\n    protocol\n    contact {\n      id\n      name\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query screenSupervisors {\n  supervisors {\n    id\n    name\n  }\n}"): (typeof documents)["query screenSupervisors {\n  supervisors {\n    id\n    name\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query contact($id: ID!, $first: Int!) {\n  contact(id: $id) {\n    ...contactFields\n    externalId\n    country\n    language\n    createdAt\n    conversations(first: $first) {\n      edges {\n        node {\n          ...interactionSummary\n          result\n          closedAt\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query contact($id: ID!, $first: Int!) {\n  contact(id: $id) {\n    ...contactFields\n    externalId\n    country\n    language\n    createdAt\n    conversations(first: $first) {\n      edges {\n        node {\n          ...interactionSummary\n          result\n          closedAt\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription contactActivity {\n  interactionChanged {\n    kind\n    interactionId\n  }\n}"): (typeof documents)["subscription contactActivity {\n  interactionChanged {\n    kind\n    interactionId\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment contactFields on ContactRecord {\n  id\n  name\n  email\n  phone\n  state\n  previousState\n  stateChangedAt\n  lastActivityAt\n  channel\n  conversationCount\n  campaign {\n    id\n    name\n    timeZone\n  }\n}"): (typeof documents)["fragment contactFields on ContactRecord {\n  id\n  name\n  email\n  phone\n  state\n  previousState\n  stateChangedAt\n  lastActivityAt\n  channel\n  conversationCount\n  campaign {\n    id\n    name\n    timeZone\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query contacts($filter: ContactFilterInput, $first: Int!, $after: String) {\n  contacts(filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        ...contactFields\n      }\n    }\n  }\n}"): (typeof documents)["query contacts($filter: ContactFilterInput, $first: Int!, $after: String) {\n  contacts(filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        ...contactFields\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation closeInteraction($id: ID!, $result: InteractionResult!) {\n  closeInteraction(id: $id, result: $result) {\n    ...interactionSummary\n    result\n  }\n}"): (typeof documents)["mutation closeInteraction($id: ID!, $result: InteractionResult!) {\n  closeInteraction(id: $id, result: $result) {\n    ...interactionSummary\n    result\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query conversationTrail($id: ID!) {\n  interaction(id: $id) {\n    id\n    events {\n      ...trailEvent\n    }\n    trailNames {\n      id\n      name\n    }\n  }\n}"): (typeof documents)["query conversationTrail($id: ID!) {\n  interaction(id: $id) {\n    id\n    events {\n      ...trailEvent\n    }\n    trailNames {\n      id\n      name\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation joinInteraction($id: ID!) {\n  joinInteraction(id: $id) {\n    ...interactionSummary\n  }\n}"): (typeof documents)["mutation joinInteraction($id: ID!) {\n  joinInteraction(id: $id) {\n    ...interactionSummary\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation leaveInteraction($id: ID!) {\n  leaveInteraction(id: $id) {\n    ...interactionSummary\n  }\n}"): (typeof documents)["mutation leaveInteraction($id: ID!) {\n  leaveInteraction(id: $id) {\n    ...interactionSummary\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query linkedInteraction($id: ID!) {\n  interaction(id: $id) {\n    ...interactionSummary\n  }\n}"): (typeof documents)["query linkedInteraction($id: ID!) {\n  interaction(id: $id) {\n    ...interactionSummary\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation returnToTray($id: ID!) {\n  returnToTray(id: $id) {\n    ...interactionSummary\n  }\n}"): (typeof documents)["mutation returnToTray($id: ID!) {\n  returnToTray(id: $id) {\n    ...interactionSummary\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation setInteractionStatus($id: ID!, $status: InteractionStatus!) {\n  setInteractionStatus(id: $id, status: $status) {\n    ...interactionSummary\n  }\n}"): (typeof documents)["mutation setInteractionStatus($id: ID!, $status: InteractionStatus!) {\n  setInteractionStatus(id: $id, status: $status) {\n    ...interactionSummary\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query contactInteractions($filter: InteractionFilterInput!, $first: Int!) {\n  interactions(filter: $filter, first: $first) {\n    edges {\n      node {\n        ...interactionSummary\n        result\n        closedAt\n      }\n    }\n  }\n}"): (typeof documents)["query contactInteractions($filter: InteractionFilterInput!, $first: Int!) {\n  interactions(filter: $filter, first: $first) {\n    edges {\n      node {\n        ...interactionSummary\n        result\n        closedAt\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription inboxUpdates {\n  inboxUpdates {\n    reset\n    changes {\n      kind\n      interactionId\n      interaction {\n        ...interactionSummary\n      }\n    }\n    queues {\n      trayId\n      waiting\n    }\n  }\n}"): (typeof documents)["subscription inboxUpdates {\n  inboxUpdates {\n    reset\n    changes {\n      kind\n      interactionId\n      interaction {\n        ...interactionSummary\n      }\n    }\n    queues {\n      trayId\n      waiting\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query interactions($first: Int!, $after: String, $filter: InteractionFilterInput, $order: InteractionOrder) {\n  interactions(first: $first, after: $after, filter: $filter, order: $order) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        ...interactionSummary\n      }\n    }\n  }\n}"): (typeof documents)["query interactions($first: Int!, $after: String, $filter: InteractionFilterInput, $order: InteractionOrder) {\n  interactions(first: $first, after: $after, filter: $filter, order: $order) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        ...interactionSummary\n      }\n    }\n  }\n}"];
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
export function graphql(source: "mutation addNote($id: ID!, $body: String!) {\n  addNote(id: $id, body: $body) {\n    ...interactionDetails\n  }\n}"): (typeof documents)["mutation addNote($id: ID!, $body: String!) {\n  addNote(id: $id, body: $body) {\n    ...interactionDetails\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment interactionDetails on Interaction {\n  id\n  phase\n  status\n  result\n  closedAt\n  country\n  language\n  tags\n  expertise\n  botAnswers {\n    key\n    value\n  }\n  notes {\n    authorId\n    authorName\n    body\n    createdAt\n  }\n  contact {\n    id\n    email\n    country\n    language\n  }\n}"): (typeof documents)["fragment interactionDetails on Interaction {\n  id\n  phase\n  status\n  result\n  closedAt\n  country\n  language\n  tags\n  expertise\n  botAnswers {\n    key\n    value\n  }\n  notes {\n    authorId\n    authorName\n    body\n    createdAt\n  }\n  contact {\n    id\n    email\n    country\n    language\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query interactionInfo($id: ID!) {\n  interaction(id: $id) {\n    ...interactionDetails\n  }\n}"): (typeof documents)["query interactionInfo($id: ID!) {\n  interaction(id: $id) {\n    ...interactionDetails\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query knownLabels {\n  tags\n  skills\n}"): (typeof documents)["query knownLabels {\n  tags\n  skills\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation sendTranscript($interactionId: ID!, $to: String) {\n  sendTranscript(interactionId: $interactionId, to: $to) {\n    to\n  }\n}"): (typeof documents)["mutation sendTranscript($interactionId: ID!, $to: String) {\n  sendTranscript(interactionId: $interactionId, to: $to) {\n    to\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation setExpertise($id: ID!, $skills: [String!]!) {\n  setExpertise(id: $id, skills: $skills) {\n    ...interactionDetails\n  }\n}"): (typeof documents)["mutation setExpertise($id: ID!, $skills: [String!]!) {\n  setExpertise(id: $id, skills: $skills) {\n    ...interactionDetails\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation setTags($id: ID!, $tags: [String!]!) {\n  setTags(id: $id, tags: $tags) {\n    ...interactionDetails\n  }\n}"): (typeof documents)["mutation setTags($id: ID!, $tags: [String!]!) {\n  setTags(id: $id, tags: $tags) {\n    ...interactionDetails\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query chatTrail($id: ID!) {\n  interaction(id: $id) {\n    ...interactionSummary\n    closedAt\n    result\n    events {\n      ...trailEvent\n    }\n  }\n  users(includeInactive: true) {\n    id\n    name\n  }\n  teams {\n    id\n    name\n  }\n  trays {\n    id\n    name\n  }\n}"): (typeof documents)["query chatTrail($id: ID!) {\n  interaction(id: $id) {\n    ...interactionSummary\n    closedAt\n    result\n    events {\n      ...trailEvent\n    }\n  }\n  users(includeInactive: true) {\n    id\n    name\n  }\n  teams {\n    id\n    name\n  }\n  trays {\n    id\n    name\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation closeInteractions($ids: [ID!]!, $result: InteractionResult!) {\n  closeInteractions(ids: $ids, result: $result) {\n    id\n    phase\n  }\n}"): (typeof documents)["mutation closeInteractions($ids: [ID!]!, $result: InteractionResult!) {\n  closeInteractions(ids: $ids, result: $result) {\n    id\n    phase\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation logoutAgent($userId: ID!) {\n  logoutAgent(userId: $userId)\n}"): (typeof documents)["mutation logoutAgent($userId: ID!) {\n  logoutAgent(userId: $userId)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment monitorChatFields on MonitorChat {\n  id\n  protocol\n  phase\n  status\n  channel\n  since\n  waitingSince\n  band\n  alert\n  agentId\n  campaign {\n    id\n    name\n    timeZone\n  }\n  contact {\n    name\n    email\n    phone\n    state\n  }\n}\n\nfragment monitorAgentFields on MonitorAgentSummary {\n  userId\n  name\n  state\n  onCall\n  pauseReason {\n    id\n    name\n    icon\n  }\n  stateChangedAt\n  channels\n  activeChats\n  completedToday\n  maxConcurrentChats\n  alert\n  teamIds\n  bands {\n    green\n    yellow\n    red\n  }\n}"): (typeof documents)["fragment monitorChatFields on MonitorChat {\n  id\n  protocol\n  phase\n  status\n  channel\n  since\n  waitingSince\n  band\n  alert\n  agentId\n  campaign {\n    id\n    name\n    timeZone\n  }\n  contact {\n    name\n    email\n    phone\n    state\n  }\n}\n\nfragment monitorAgentFields on MonitorAgentSummary {\n  userId\n  name\n  state\n  onCall\n  pauseReason {\n    id\n    name\n    icon\n  }\n  stateChangedAt\n  channels\n  activeChats\n  completedToday\n  maxConcurrentChats\n  alert\n  teamIds\n  bands {\n    green\n    yellow\n    red\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query monitorOptions {\n  users(role: AGENT) {\n    id\n    name\n    email\n    mayMonitorScreen\n    teams {\n      id\n      name\n    }\n  }\n  teams {\n    id\n    name\n  }\n  campaigns {\n    id\n    thresholdsSeconds\n  }\n  pauseReasons {\n    id\n    name\n    icon\n  }\n}"): (typeof documents)["query monitorOptions {\n  users(role: AGENT) {\n    id\n    name\n    email\n    mayMonitorScreen\n    teams {\n      id\n      name\n    }\n  }\n  teams {\n    id\n    name\n  }\n  campaigns {\n    id\n    thresholdsSeconds\n  }\n  pauseReasons {\n    id\n    name\n    icon\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query monitorToday($filter: MonitorTodayFilterInput) {\n  monitorToday(filter: $filter) {\n    ...monitorTodayFields\n  }\n}"): (typeof documents)["query monitorToday($filter: MonitorTodayFilterInput) {\n  monitorToday(filter: $filter) {\n    ...monitorTodayFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription monitorTodayChanged($filter: MonitorTodayFilterInput) {\n  monitorTodayChanged(filter: $filter) {\n    ...monitorTodayFields\n  }\n}"): (typeof documents)["subscription monitorTodayChanged($filter: MonitorTodayFilterInput) {\n  monitorTodayChanged(filter: $filter) {\n    ...monitorTodayFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment monitorTodayFields on MonitorToday {\n  generatedAt\n  hours {\n    hour\n    received\n    answered\n    answeredWithinLevel\n    abandoned\n    serviceLevel\n  }\n  campaigns {\n    campaign {\n      id\n      name\n    }\n    serviceLevelSeconds\n    date\n  }\n}"): (typeof documents)["fragment monitorTodayFields on MonitorToday {\n  generatedAt\n  hours {\n    hour\n    received\n    answered\n    answeredWithinLevel\n    abandoned\n    serviceLevel\n  }\n  campaigns {\n    campaign {\n      id\n      name\n    }\n    serviceLevelSeconds\n    date\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription monitorUpdates($filter: MonitorFilterInput) {\n  monitorUpdates(filter: $filter) {\n    full\n    generatedAt\n    totals {\n      open\n      bot\n      waiting\n      inService\n    }\n    campaigns {\n      campaign {\n        id\n        name\n      }\n      serviceLevel\n      serviceLevelSeconds\n      queuedToday\n    }\n    teams {\n      team {\n        id\n        name\n      }\n      agentIds\n      activeChats\n    }\n    agents {\n      ...monitorAgentFields\n    }\n    removedAgentIds\n    chats {\n      ...monitorChatFields\n    }\n    removedChatIds\n  }\n}"): (typeof documents)["subscription monitorUpdates($filter: MonitorFilterInput) {\n  monitorUpdates(filter: $filter) {\n    full\n    generatedAt\n    totals {\n      open\n      bot\n      waiting\n      inService\n    }\n    campaigns {\n      campaign {\n        id\n        name\n      }\n      serviceLevel\n      serviceLevelSeconds\n      queuedToday\n    }\n    teams {\n      team {\n        id\n        name\n      }\n      agentIds\n      activeChats\n    }\n    agents {\n      ...monitorAgentFields\n    }\n    removedAgentIds\n    chats {\n      ...monitorChatFields\n    }\n    removedChatIds\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation pauseAgent($userId: ID!, $pauseReasonId: ID!) {\n  pauseAgent(userId: $userId, pauseReasonId: $pauseReasonId) {\n    userId\n    state\n  }\n}"): (typeof documents)["mutation pauseAgent($userId: ID!, $pauseReasonId: ID!) {\n  pauseAgent(userId: $userId, pauseReasonId: $pauseReasonId) {\n    userId\n    state\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation requestScreen($agentId: ID!) {\n  requestScreen(agentId: $agentId) {\n    ...callFields\n  }\n}"): (typeof documents)["mutation requestScreen($agentId: ID!) {\n  requestScreen(agentId: $agentId) {\n    ...callFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation resumeAgent($userId: ID!) {\n  resumeAgent(userId: $userId) {\n    userId\n    state\n  }\n}"): (typeof documents)["mutation resumeAgent($userId: ID!) {\n  resumeAgent(userId: $userId) {\n    userId\n    state\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation transferInteractions($ids: [ID!]!, $to: TransferTargetInput!, $note: String) {\n  transferInteractions(ids: $ids, to: $to, note: $note) {\n    id\n    phase\n  }\n}"): (typeof documents)["mutation transferInteractions($ids: [ID!]!, $to: TransferTargetInput!, $note: String) {\n  transferInteractions(ids: $ids, to: $to, note: $note) {\n    id\n    phase\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription internalMessageAdded($after: DateTimeISO) {\n  internalMessageAdded(after: $after) {\n    ...internalMessageFields\n  }\n}"): (typeof documents)["subscription internalMessageAdded($after: DateTimeISO) {\n  internalMessageAdded(after: $after) {\n    ...internalMessageFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment internalMessageFields on InternalMessage {\n  id\n  fromUserId\n  fromName\n  toUserId\n  toName\n  body\n  clientMessageId\n  createdAt\n}"): (typeof documents)["fragment internalMessageFields on InternalMessage {\n  id\n  fromUserId\n  fromName\n  toUserId\n  toName\n  body\n  clientMessageId\n  createdAt\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query internalMessages($withUserId: ID!) {\n  internalMessages(withUserId: $withUserId) {\n    ...internalMessageFields\n  }\n}"): (typeof documents)["query internalMessages($withUserId: ID!) {\n  internalMessages(withUserId: $withUserId) {\n    ...internalMessageFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation sendInternalMessage($toUserId: ID!, $body: String!, $clientMessageId: String) {\n  sendInternalMessage(\n    toUserId: $toUserId\n    body: $body\n    clientMessageId: $clientMessageId\n  ) {\n    ...internalMessageFields\n  }\n}"): (typeof documents)["mutation sendInternalMessage($toUserId: ID!, $body: String!, $clientMessageId: String) {\n  sendInternalMessage(\n    toUserId: $toUserId\n    body: $body\n    clientMessageId: $clientMessageId\n  ) {\n    ...internalMessageFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AnswerOfflineMessage($id: ID!, $body: String!) {\n  answerOfflineMessage(id: $id, body: $body) {\n    ...OfflineMessageFields\n  }\n}"): (typeof documents)["mutation AnswerOfflineMessage($id: ID!, $body: String!) {\n  answerOfflineMessage(id: $id, body: $body) {\n    ...OfflineMessageFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment OfflineMessageFields on OfflineMessage {\n  id\n  campaignId\n  campaignName\n  name\n  email\n  phone\n  language\n  body\n  createdAt\n  handled {\n    how\n    at\n    byId\n    byName\n    reply\n    interactionId\n    protocol\n  }\n}"): (typeof documents)["fragment OfflineMessageFields on OfflineMessage {\n  id\n  campaignId\n  campaignName\n  name\n  email\n  phone\n  language\n  body\n  createdAt\n  handled {\n    how\n    at\n    byId\n    byName\n    reply\n    interactionId\n    protocol\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OfflineMessageToConversation($id: ID!) {\n  offlineMessageToConversation(id: $id) {\n    ...OfflineMessageFields\n  }\n}"): (typeof documents)["mutation OfflineMessageToConversation($id: ID!) {\n  offlineMessageToConversation(id: $id) {\n    ...OfflineMessageFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OfflineMessages($handled: Boolean) {\n  offlineMessages(handled: $handled) {\n    ...OfflineMessageFields\n  }\n}"): (typeof documents)["query OfflineMessages($handled: Boolean) {\n  offlineMessages(handled: $handled) {\n    ...OfflineMessageFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription UnhandledOfflineMessagesChanged {\n  unhandledOfflineMessagesChanged\n}"): (typeof documents)["subscription UnhandledOfflineMessagesChanged {\n  unhandledOfflineMessagesChanged\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation transferInteraction($id: ID!, $to: TransferTargetInput!, $note: String) {\n  transferInteraction(id: $id, to: $to, note: $note) {\n    ...interactionSummary\n  }\n}"): (typeof documents)["mutation transferInteraction($id: ID!, $to: TransferTargetInput!, $note: String) {\n  transferInteraction(id: $id, to: $to, note: $note) {\n    ...interactionSummary\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query transferTargets($interactionId: ID!) {\n  transferTargets(interactionId: $interactionId) {\n    trays {\n      id\n      name\n      kind\n    }\n    agents {\n      id\n      name\n      state\n    }\n    teams {\n      id\n      name\n    }\n  }\n}"): (typeof documents)["query transferTargets($interactionId: ID!) {\n  transferTargets(interactionId: $interactionId) {\n    trays {\n      id\n      name\n      kind\n    }\n    agents {\n      id\n      name\n      state\n    }\n    teams {\n      id\n      name\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query callCursor {\n  callCursor\n}"): (typeof documents)["query callCursor {\n  callCursor\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription callEvents($interactionId: ID, $after: String) {\n  callEvents(interactionId: $interactionId, after: $after) {\n    type\n    from\n    cursor\n    call {\n      ...callFields\n    }\n    signal {\n      kind\n      payload\n    }\n  }\n}"): (typeof documents)["subscription callEvents($interactionId: ID, $after: String) {\n  callEvents(interactionId: $interactionId, after: $after) {\n    type\n    from\n    cursor\n    call {\n      ...callFields\n    }\n    signal {\n      kind\n      payload\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment callFields on Call {\n  id\n  interactionId\n  agentId\n  supervisorId\n  kind\n  state\n  requestedAt\n  startedAt\n  endedAt\n  endReason\n  endedBy\n}"): (typeof documents)["fragment callFields on Call {\n  id\n  interactionId\n  agentId\n  supervisorId\n  kind\n  state\n  requestedAt\n  startedAt\n  endedAt\n  endReason\n  endedBy\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation endCall($callId: ID!) {\n  endCall(callId: $callId) {\n    ...callFields\n  }\n}"): (typeof documents)["mutation endCall($callId: ID!) {\n  endCall(callId: $callId) {\n    ...callFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query iceServers {\n  iceServers {\n    urls\n    username\n    credential\n  }\n}"): (typeof documents)["query iceServers {\n  iceServers {\n    urls\n    username\n    credential\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation sendCallSignal($callId: ID!, $kind: CallSignalKind!, $payload: String!) {\n  sendCallSignal(callId: $callId, kind: $kind, payload: $payload)\n}"): (typeof documents)["mutation sendCallSignal($callId: ID!, $kind: CallSignalKind!, $payload: String!) {\n  sendCallSignal(callId: $callId, kind: $kind, payload: $payload)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query cannedResponses($campaignId: ID!) {\n  cannedResponses(campaignId: $campaignId) {\n    id\n    shortcut\n    body\n    language\n  }\n}"): (typeof documents)["query cannedResponses($campaignId: ID!) {\n  cannedResponses(campaignId: $campaignId) {\n    id\n    shortcut\n    body\n    language\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription directoryChanged {\n  directoryChanged {\n    parts\n    campaignId\n  }\n}"): (typeof documents)["subscription directoryChanged {\n  directoryChanged {\n    parts\n    campaignId\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment trailEvent on InteractionEvent {\n  id\n  type\n  actorKind\n  actorId\n  createdAt\n  data\n}"): (typeof documents)["fragment trailEvent on InteractionEvent {\n  id\n  type\n  actorKind\n  actorId\n  createdAt\n  data\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment interactionSummary on Interaction {\n  id\n  protocol\n  phase\n  status\n  channel\n  createdAt\n  updatedAt\n  queuedAt\n  waitingSince\n  assignedAt\n  firstAssignedAt\n  closedAt\n  lastSequence\n  transferCount\n  language\n  participants {\n    id\n    name\n  }\n  campaign {\n    id\n    name\n    timeZone\n  }\n  contact {\n    id\n    name\n    email\n    phone\n  }\n  tray {\n    id\n    name\n    kind\n  }\n  agent {\n    id\n    name\n  }\n}"): (typeof documents)["fragment interactionSummary on Interaction {\n  id\n  protocol\n  phase\n  status\n  channel\n  createdAt\n  updatedAt\n  queuedAt\n  waitingSince\n  assignedAt\n  firstAssignedAt\n  closedAt\n  lastSequence\n  transferCount\n  language\n  participants {\n    id\n    name\n  }\n  campaign {\n    id\n    name\n    timeZone\n  }\n  contact {\n    id\n    name\n    email\n    phone\n  }\n  tray {\n    id\n    name\n    kind\n  }\n  agent {\n    id\n    name\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment chatMessage on Message {\n  id\n  interactionId\n  sequence\n  body\n  clientMessageId\n  createdAt\n  visibility\n  author {\n    id\n    kind\n    name\n    avatarUrl\n  }\n  attachments {\n    id\n    name\n    mime\n    size\n    durationSeconds\n    url\n  }\n}"): (typeof documents)["fragment chatMessage on Message {\n  id\n  interactionId\n  sequence\n  body\n  clientMessageId\n  createdAt\n  visibility\n  author {\n    id\n    kind\n    name\n    avatarUrl\n  }\n  attachments {\n    id\n    name\n    mime\n    size\n    durationSeconds\n    url\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription messageAdded($interactionId: ID!, $afterSequence: Int) {\n  messageAdded(interactionId: $interactionId, afterSequence: $afterSequence) {\n    ...chatMessage\n  }\n}"): (typeof documents)["subscription messageAdded($interactionId: ID!, $afterSequence: Int) {\n  messageAdded(interactionId: $interactionId, afterSequence: $afterSequence) {\n    ...chatMessage\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query messages($interactionId: ID!, $afterSequence: Int!, $first: Int! = 100) {\n  messages(\n    interactionId: $interactionId\n    afterSequence: $afterSequence\n    first: $first\n  ) {\n    ...chatMessage\n  }\n}"): (typeof documents)["query messages($interactionId: ID!, $afterSequence: Int!, $first: Int! = 100) {\n  messages(\n    interactionId: $interactionId\n    afterSequence: $afterSequence\n    first: $first\n  ) {\n    ...chatMessage\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation postMessage($input: PostMessageInput!) {\n  postMessage(input: $input) {\n    ...chatMessage\n  }\n}"): (typeof documents)["mutation postMessage($input: PostMessageInput!) {\n  postMessage(input: $input) {\n    ...chatMessage\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation requestCall($interactionId: ID!, $kind: CallKind!) {\n  requestCall(interactionId: $interactionId, kind: $kind) {\n    ...callFields\n  }\n}"): (typeof documents)["mutation requestCall($interactionId: ID!, $kind: CallKind!) {\n  requestCall(interactionId: $interactionId, kind: $kind) {\n    ...callFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query campaign($id: ID!) {\n  campaign(id: $id) {\n    id\n    name\n    askName\n    askEmail\n    askPhone\n    allowOfflineMessages\n    allowAudio\n    allowVideo\n    botFirst\n    defaultLanguage\n    messages {\n      language\n      welcome\n      botWelcome\n      outOfHours\n      unavailable\n      offline\n      closing\n    }\n  }\n}"): (typeof documents)["query campaign($id: ID!) {\n  campaign(id: $id) {\n    id\n    name\n    askName\n    askEmail\n    askPhone\n    allowOfflineMessages\n    allowAudio\n    allowVideo\n    botFirst\n    defaultLanguage\n    messages {\n      language\n      welcome\n      botWelcome\n      outOfHours\n      unavailable\n      offline\n      closing\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query campaignAvailability($campaignId: ID!) {\n  campaignAvailability(campaignId: $campaignId) {\n    admission\n    offlineMessagesAllowed\n  }\n}"): (typeof documents)["query campaignAvailability($campaignId: ID!) {\n  campaignAvailability(campaignId: $campaignId) {\n    admission\n    offlineMessagesAllowed\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation leaveOfflineMessage($input: LeaveOfflineMessageInput!) {\n  leaveOfflineMessage(input: $input) {\n    id\n  }\n}"): (typeof documents)["mutation leaveOfflineMessage($input: LeaveOfflineMessageInput!) {\n  leaveOfflineMessage(input: $input) {\n    id\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation startInteraction($input: StartInteractionInput!) {\n  startInteraction(input: $input) {\n    admission\n    offlineMessagesAllowed\n    visitorToken\n    interaction {\n      id\n      protocol\n    }\n  }\n}"): (typeof documents)["mutation startInteraction($input: StartInteractionInput!) {\n  startInteraction(input: $input) {\n    admission\n    offlineMessagesAllowed\n    visitorToken\n    interaction {\n      id\n      protocol\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query widgetConversation($id: ID!) {\n  interaction(id: $id) {\n    ...widgetConversationState\n  }\n}"): (typeof documents)["query widgetConversation($id: ID!) {\n  interaction(id: $id) {\n    ...widgetConversationState\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription widgetConversationChanged {\n  interactionChanged {\n    kind\n    interaction {\n      ...widgetConversationState\n    }\n  }\n}"): (typeof documents)["subscription widgetConversationChanged {\n  interactionChanged {\n    kind\n    interaction {\n      ...widgetConversationState\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment widgetConversationState on Interaction {\n  id\n  phase\n  closedAt\n  agent {\n    id\n    name\n  }\n  participants {\n    id\n    name\n  }\n}"): (typeof documents)["fragment widgetConversationState on Interaction {\n  id\n  phase\n  closedAt\n  agent {\n    id\n    name\n  }\n  participants {\n    id\n    name\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;