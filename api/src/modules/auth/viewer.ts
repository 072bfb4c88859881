import { Role } from '../users/user.enums.js';

/** Who is asking: resolved once per HTTP request or WebSocket connection. */
export type Viewer =
  | { kind: 'ANONYMOUS' }
  | { kind: 'USER'; userId: string; role: Role; sessionId: string; name: string; customTrayIds: string[] }
  | { kind: 'API_KEY'; keyId: string; name: string; scopes: ApiScope[]; campaignIds: string[] }
  | { kind: 'VISITOR'; interactionId: string; contactId: string };

export enum ApiScope {
  /** Read interactions and messages that everyone may see. */
  READ = 'READ',
  /** Start interactions, post as a bot, hand off. */
  BOT = 'BOT',
  /** See and act on every interaction of its campaigns, as a supervisor would. */
  SUPERVISE = 'SUPERVISE',
  /** Administration through the API. */
  ADMIN = 'ADMIN',
}

export const isSupervisorLike = (v: Viewer): boolean =>
  (v.kind === 'USER' && (v.role === Role.SUPERVISOR || v.role === Role.ADMIN)) ||
  (v.kind === 'API_KEY' && v.scopes.includes(ApiScope.SUPERVISE));

export const isAdmin = (v: Viewer): boolean =>
  (v.kind === 'USER' && v.role === Role.ADMIN) || (v.kind === 'API_KEY' && v.scopes.includes(ApiScope.ADMIN));

export const canUseCampaign = (v: Viewer, campaignId: string): boolean =>
  v.kind !== 'API_KEY' || v.campaignIds.length === 0 || v.campaignIds.includes(campaignId);
