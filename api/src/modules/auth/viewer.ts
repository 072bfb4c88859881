import { Role } from '../users/user.enums.js';
import { ALL, reaches, type Scope } from './scope.rules.js';

/** Who is asking: resolved once per HTTP request or WebSocket connection. */
export type Viewer =
  | { kind: 'ANONYMOUS' }
  | { kind: 'USER'; userId: string; role: Role; sessionId: string; name: string; customTrayIds: string[]; scope: Scope }
  /** `name` is what people see of the key: its display name, else the name it was filed under. */
  | { kind: 'API_KEY'; keyId: string; name: string; avatarUrl: string | null; scopes: ApiScope[]; scope: Scope }
  | { kind: 'VISITOR'; interactionId: string; contactId: string };

export enum ApiScope {
  /** Read interactions and messages that everyone may see. It grants no write: a key with READ alone changes nothing. */
  READ = 'READ',
  /** Start interactions and serve them as the bot: speak in chats a bot serves (phase BOT), close or hand them off; never once a human has them. */
  BOT = 'BOT',
  /** See and act on every interaction of its campaigns as a supervisor would (internal messages, notes, transfers, closing); never as the customer. */
  SUPERVISE = 'SUPERVISE',
  /** Administration through the API. */
  ADMIN = 'ADMIN',
  /** Bridge an external channel: start chats on its campaigns' non-webchat channels, see them throughout and write their customer's side, and no other chat's. */
  CHANNEL = 'CHANNEL',
}

export const isSupervisorLike = (v: Viewer): boolean => (v.kind === 'USER' && (v.role === Role.SUPERVISOR || v.role === Role.ADMIN)) || (v.kind === 'API_KEY' && v.scopes.includes(ApiScope.SUPERVISE));

export const isAdmin = (v: Viewer): boolean => (v.kind === 'USER' && v.role === Role.ADMIN) || (v.kind === 'API_KEY' && v.scopes.includes(ApiScope.ADMIN));

/**
 * The caller's scope. Visitors and the anonymous are governed by rules of their own (a visitor sees
 * its own chat; anyone reads a campaign's public settings), so their scope does not narrow.
 */
export const scopeOf = (v: Viewer): Scope => (v.kind === 'USER' || v.kind === 'API_KEY' ? v.scope : ALL);

export const canUseCampaign = (v: Viewer, campaignId: string): boolean => reaches(scopeOf(v), campaignId);
