import { CUSTOM_TRAY_IDS_SQL } from '../trays/tray-access.sql.js';
import { allExist, type Em, one, pgArray, prepared, rows, type Row } from '../../db/sql.js';
import type { Deps } from '../../shared/deps.js';
import { badInput, conflict, forbidden, notFound, unauthenticated } from '../../shared/errors.js';
import { Topic } from '../../shared/topics.js';
import { type Committed, committed } from '../domain-events/domain-event.js';
import type { Listener } from '../domain-events/dispatcher.js';
import { Role } from '../users/user.enums.js';
import { MIN_PASSWORD_LENGTH, normalizeEmail, validPassword } from '../users/user.rules.js';
import { hashToken, newToken, TokenKind, tokenKind } from './tokens.js';
import { requirePersonToActOn } from '../users/people.access.js';
import { type Granter, grantKey, type KeyDisplay, keyDisplay } from './api-key.rules.js';
import { campaignListSql, type Scope, scopeFrom } from './scope.rules.js';
import { ApiScope, type Viewer } from './viewer.js';
import type { ViewerCache } from './viewer-cache.js';
import { hashPassword, rehashed, verifyPassword } from './password-hashing.js';
import { SignInOutcome } from '../limits/sign-in-limits.js';

export { hashPassword };

/** The campaigns of person `u`'s security group, when it has one: what its scope is made of. */
const GROUP_CAMPAIGNS_SQL = `case when u.security_group_id is null then null else array(select gc.id::text from campaigns gc where gc.security_group_id = u.security_group_id) end`;

/** A signed-in person by session, the token's hash filtered by `tokenIs`: one shape for one token and for many. */
const sessionViewerSql = (tokenIs: string) =>
  // One round trip: the person and the custom trays granted to them or their teams.
  `select s.token_hash as hash, s.id as session_id, (extract(epoch from s.expires_at) * 1000)::float8 as expires_ms, u.id, u.role, u.name, ${CUSTOM_TRAY_IDS_SQL} as custom_tray_ids,
          u.security_group_id, ${GROUP_CAMPAIGNS_SQL} as group_campaign_ids
     from sessions s join users u on u.id = s.user_id
    where ${tokenIs} and s.revoked_at is null and s.expires_at > now() and u.active`;
// A key reaches at most what its creator reaches now: a creator moved into a group narrows its keys at once.
const apiKeyViewerSql = (secretIs: string) =>
  `select k.secret_hash as hash, k.id, coalesce(k.display_name, k.name) as name, k.avatar_url, k.scopes, k.campaign_ids, k.last_used_at, u.security_group_id, ${GROUP_CAMPAIGNS_SQL} as group_campaign_ids
     from api_keys k left join users u on u.id = k.created_by_id
    where ${secretIs} and k.revoked_at is null`;

// Every request of a signed-in person, bot or visitor runs one of these first.
const SESSION_VIEWER = prepared('session_viewer', sessionViewerSql('s.token_hash = ?'));
const API_KEY_VIEWER = prepared('api_key_viewer', apiKeyViewerSql('k.secret_hash = ?'));
const VISITOR_VIEWER = prepared('visitor_viewer', 'select id, contact_id from interactions where visitor_token_hash = ?');
// Every open socket of a process, resolved again at once when something a viewer is made of changes.
const SESSION_VIEWERS = prepared('session_viewers', sessionViewerSql('s.token_hash = any(?::text[])'));
const API_KEY_VIEWERS = prepared('api_key_viewers', apiKeyViewerSql('k.secret_hash = any(?::text[])'));

type UserViewer = Extract<Viewer, { kind: 'USER' }>;
type KeyViewer = Extract<Viewer, { kind: 'API_KEY' }>;

const sessionViewerOf = (row: Row): UserViewer => ({
  kind: 'USER',
  userId: row.id,
  role: row.role,
  sessionId: row.session_id,
  name: row.name,
  customTrayIds: row.custom_tray_ids,
  scope: scopeFrom({ securityGroupId: row.security_group_id, groupCampaignIds: row.group_campaign_ids }),
});

const keyViewerOf = (row: Row): KeyViewer => ({
  kind: 'API_KEY',
  keyId: row.id,
  name: row.name,
  avatarUrl: row.avatar_url,
  scopes: row.scopes,
  scope: scopeFrom({ securityGroupId: row.security_group_id, groupCampaignIds: row.group_campaign_ids, keyCampaignIds: row.campaign_ids }),
});

/**
 * Resolves a bearer token to a viewer; an unknown, expired or revoked token is UNAUTHENTICATED.
 * With `cache`, a session's viewer is read from the database once until something it is made of
 * changes, and a visitor's once.
 */
export async function resolveViewer(em: Em, token: string | null, cache?: ViewerCache): Promise<Viewer> {
  if (!token) return { kind: 'ANONYMOUS' };
  const hash = hashToken(token);
  switch (tokenKind(token)) {
    case TokenKind.SESSION: {
      const kept = cache?.get(hash);
      if (kept) return kept;
      const generation = cache?.mark() ?? 0;
      const row = await one(em, SESSION_VIEWER, [hash]);
      if (!row) throw unauthenticated('Your session has ended; sign in again');
      const viewer = sessionViewerOf(row);
      cache?.keep(hash, viewer, generation, row.expires_ms);
      return viewer;
    }
    case TokenKind.API_KEY: {
      const row = await one(em, API_KEY_VIEWER, [hash]);
      if (!row) throw unauthenticated('Unknown or revoked API key');
      // "Last used" is for people auditing keys: minute precision is plenty, and a write per request
      // would queue every request of a busy bot on one row lock.
      if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > 60_000) {
        void rows(em.fork(), 'update api_keys set last_used_at = now() where id = ?', [row.id]).catch(() => undefined);
      }
      return keyViewerOf(row);
    }
    case TokenKind.VISITOR: {
      const kept = cache?.visitor(hash);
      if (kept) return { ...kept };
      const row = await one(em, VISITOR_VIEWER, [hash]);
      if (!row) throw unauthenticated('Unknown visitor token');
      const viewer = { kind: 'VISITOR' as const, interactionId: row.id, contactId: row.contact_id };
      cache?.keepVisitor(hash, viewer);
      return viewer;
    }
    default:
      throw unauthenticated('Malformed token');
  }
}

/** Token hashes to resolve together, by kind (visitors' tokens name one chat and never change). */
export interface TokenHashes {
  sessions: readonly string[];
  keys: readonly string[];
}

// Bounds one statement's parameter; a process holds a few thousand sockets at most.
const HASHES_PER_STATEMENT = 5000;

/**
 * The viewers of many session and key tokens at once, by token hash, as `resolveViewer` would
 * resolve each (never from the cache, and a key's last use is not touched: no request was made). A
 * hash missing from the answer no longer names anyone: the session ended, the person was
 * deactivated, the key was revoked.
 */
export async function resolveViewersByHash(em: Em, hashes: TokenHashes): Promise<Map<string, UserViewer | KeyViewer>> {
  const found = new Map<string, UserViewer | KeyViewer>();
  const kinds = [
    [SESSION_VIEWERS, hashes.sessions, sessionViewerOf],
    [API_KEY_VIEWERS, hashes.keys, keyViewerOf],
  ] as const;
  for (const [statement, all, viewerOf] of kinds) {
    for (let i = 0; i < all.length; i += HASHES_PER_STATEMENT) {
      for (const row of await rows(em, statement, [pgArray(all.slice(i, i + HASHES_PER_STATEMENT))])) found.set(row.hash, viewerOf(row));
    }
  }
  return found;
}

/** The active person with this e-mail when the password is theirs; null otherwise, in the same time. */
async function personWithPassword(em: Em, email: string, password: string): Promise<Row | null> {
  const user = await one(em, 'select id, password_hash from users where email = ? and active', [email]);
  return (await verifyPassword(user?.password_hash ?? null, password)) ? user : null;
}

export interface SignInRequest {
  email: string;
  password: string;
  /** The client's address, whose failures are counted. */
  address: string;
}

/**
 * A new session for the right e-mail and password. Refused with RATE_LIMITED, before the password is
 * looked at, while the account or the address has failed too often (SignInLimits), or while the
 * process has more passwords waiting to be checked than it takes (password-hashing.ts).
 */
export async function signIn(deps: Deps, em: Em, request: SignInRequest): Promise<{ token: string; userId: string }> {
  const email = normalizeEmail(request.email);
  const attempt = await deps.signInLimits.admit(email, request.address);
  const user = await personWithPassword(em, email, request.password).catch(async (err: unknown) => {
    await attempt.settle(SignInOutcome.UNDECIDED);
    throw err;
  });
  await attempt.settle(user ? SignInOutcome.PASSED : SignInOutcome.FAILED);
  if (!user) throw unauthenticated('Wrong e-mail or password');
  // The password is at hand only now to upgrade a hash made with older parameters; never over a
  // password changed meanwhile.
  const upgraded = await rehashed(user.password_hash, request.password);
  if (upgraded) await rows(em, 'update users set password_hash = ? where id = ? and password_hash = ?', [upgraded, user.id, user.password_hash]);
  const token = newToken(TokenKind.SESSION);
  const expires = new Date(Date.now() + deps.config.SESSION_TTL_HOURS * 3600_000);
  await rows(em, 'insert into sessions (id, token_hash, user_id, created_at, expires_at) values (gen_random_uuid(), ?, ?, now(), ?)', [hashToken(token), user.id, expires]);
  return { token, userId: user.id };
}

/** Revokes sessions in storage; every process then closes the matching sockets. */
export async function revokeSessions(em: Em, userId: string, sessionId: string | null): Promise<Committed<number>> {
  const revoked = sessionId
    ? await rows(em, 'update sessions set revoked_at = now() where id = ? and revoked_at is null returning id', [sessionId])
    : await rows(em, 'update sessions set revoked_at = now() where user_id = ? and revoked_at is null returning id', [userId]);
  return committed(revoked.length, [{ kind: 'SESSIONS_ENDED', userId, sessionId }]);
}

/** Revoked sessions and keys, and changed tray access, reach every process's open sockets. */
export const socketControlListener: Listener = async (deps, events) => {
  for (const e of events) {
    if (e.kind === 'SESSIONS_ENDED') await deps.topics.publish(Topic.CONTROL, undefined, { type: 'SESSIONS_REVOKED', userId: e.userId, sessionId: e.sessionId });
    if (e.kind === 'KEY_REVOKED') await deps.topics.publish(Topic.CONTROL, undefined, { type: 'KEY_REVOKED', keyId: e.keyId });
    if (e.kind === 'KEY_CHANGED') await deps.topics.publish(Topic.CONTROL, undefined, { type: 'KEY_CHANGED', keyId: e.keyId });
  }
  if (events.some((e) => e.kind === 'TRAY_ACCESS_CHANGED')) await deps.topics.publish(Topic.CONTROL, undefined, { type: 'ACCESS_CHANGED' });
};

export async function changePassword(em: Em, viewer: Viewer, current: string, next: string): Promise<Committed<void>> {
  if (viewer.kind !== 'USER') throw forbidden('Only people have passwords');
  if (!validPassword(next)) throw badInput(`The new password needs at least ${MIN_PASSWORD_LENGTH} characters`, 'newPassword');
  const user = await one(em, 'select password_hash from users where id = ?', [viewer.userId]);
  if (!user || !(await verifyPassword(user.password_hash, current))) throw badInput('The current password is wrong', 'currentPassword');
  await rows(em, 'update users set password_hash = ?, password_changed_at = now() where id = ?', [await hashPassword(next), viewer.userId]);
  return committed(undefined, (await revokeSessions(em, viewer.userId, null)).events);
}

/** A supervisor ends every session of a person it reaches and disconnects it at once (its sockets close). */
export async function endSessionsOf(em: Em, viewer: Viewer, userId: string): Promise<Committed<void>> {
  const supervisor = viewer.kind === 'USER' && viewer.role !== Role.AGENT;
  if (!supervisor) throw forbidden('Only supervisors can log others out');
  await requirePersonToActOn(em, viewer, userId);
  const { events } = await revokeSessions(em, userId, null);
  await rows(em, 'delete from agent_connections where user_id = ?', [userId]);
  return committed(undefined, events);
}

export interface CreatedApiKey extends ApiKeyView {
  secret: string;
}

export interface NewApiKey {
  name: string;
  scopes: ApiScope[];
  campaignIds?: string[] | null;
  displayName?: string | null;
  avatarUrl?: string | null;
}

/** A key for an administrator or an ADMIN key, within what the creator reaches (see api-key.rules.ts). */
export async function createApiKey(em: Em, creator: Viewer, input: NewApiKey): Promise<CreatedApiKey> {
  const name = input.name;
  if (!name.trim()) throw badInput('Give the key a name', 'name');
  const display = enforceDisplay(input);
  const granter: Granter | null =
    creator.kind === 'USER' ? { kind: 'PERSON', scope: creator.scope } : creator.kind === 'API_KEY' ? { kind: 'KEY', scopes: creator.scopes, scope: creator.scope } : null;
  if (!granter) throw forbidden('Only administrators create keys');
  const grant = grantKey(granter, input.scopes, input.campaignIds ?? []);
  if (!grant.ok) throw badInput(grant.reason, grant.field);
  const { scopes, campaignIds } = grant;
  // A key made by a key stands for the person behind that one, whose reach bounds both.
  const [byPerson, byKey] = creator.kind === 'USER' ? [creator.userId, null] : creator.kind === 'API_KEY' ? [null, creator.keyId] : [null, null];
  if (!(await allExist(em, 'campaigns', campaignIds))) throw badInput('Unknown campaign', 'campaignIds');
  const secret = newToken(TokenKind.API_KEY);
  const row = await one(
    em,
    `insert into api_keys (id, name, display_name, avatar_url, secret_hash, scopes, campaign_ids, created_by_id, created_at)
     values (gen_random_uuid(), ?, ?, ?, ?, ?::text[], ?::text[], coalesce(?::uuid, (select created_by_id from api_keys where id = ?::uuid)), now()) returning ${API_KEY_COLUMNS}`,
    [name.trim(), display.displayName ?? null, display.avatarUrl ?? null, hashToken(secret), pgArray(scopes), pgArray(campaignIds), byPerson, byKey],
  );
  return { ...toApiKeyView(row!), secret };
}

function enforceDisplay(input: KeyDisplay): KeyDisplay {
  const checked = keyDisplay(input);
  if (!checked.ok) throw badInput(checked.reason, checked.field);
  return checked.display;
}

/**
 * Administrators rename a key or change what customers and agents see of it (fields left out stay;
 * an empty display name or avatar clears it). Messages already sent keep the name and avatar they
 * were sent with; open sockets of the key speak with the new ones at once.
 */
export async function updateApiKey(em: Em, id: string, scope: Scope, input: { name?: string | null } & KeyDisplay): Promise<Committed<ApiKeyView>> {
  if (input.name != null && !input.name.trim()) throw badInput('Give the key a name', 'name');
  const display = enforceDisplay(input);
  const inScope = keyScopeSql(scope);
  const updated = await one(
    em,
    `update api_keys set name = coalesce(?, name),
            display_name = case when ?::boolean then ? else display_name end,
            avatar_url = case when ?::boolean then ? else avatar_url end
      where id = ? and ${inScope.sql} returning ${API_KEY_COLUMNS}`,
    [input.name?.trim() ?? null, display.displayName !== undefined, display.displayName ?? null, display.avatarUrl !== undefined, display.avatarUrl ?? null, id, ...inScope.params],
  );
  if (!updated) throw notFound('API key');
  return committed(toApiKeyView(updated), [{ kind: 'KEY_CHANGED', keyId: id }]);
}

export interface ApiKeyView {
  id: string;
  name: string;
  displayName: string | null;
  avatarUrl: string | null;
  scopes: ApiScope[];
  campaignIds: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const API_KEY_COLUMNS = 'id, name, display_name, avatar_url, scopes, campaign_ids, created_at, last_used_at, revoked_at';
const toApiKeyView = (r: Row): ApiKeyView => ({
  id: r.id,
  name: r.name,
  displayName: r.display_name,
  avatarUrl: r.avatar_url,
  scopes: r.scopes,
  campaignIds: r.campaign_ids,
  createdAt: new Date(r.created_at),
  lastUsedAt: r.last_used_at ? new Date(r.last_used_at) : null,
  revokedAt: r.revoked_at ? new Date(r.revoked_at) : null,
});

/** The keys within a scope: those whose campaigns it all reaches. */
const keyScopeSql = (scope: Scope) => campaignListSql(scope, 'campaign_ids');

/** The keys within the scope, newest first; never their secrets, which are only ever stored hashed. */
export async function listApiKeys(em: Em, scope: Scope): Promise<ApiKeyView[]> {
  const inScope = keyScopeSql(scope);
  return (await rows(em, `select ${API_KEY_COLUMNS} from api_keys where ${inScope.sql} order by created_at desc, id`, inScope.params)).map(toApiKeyView);
}

/** Revokes a key at once on every process: its requests are refused and its open sockets closed. */
export async function revokeApiKey(em: Em, id: string, scope: Scope): Promise<Committed<ApiKeyView>> {
  const inScope = keyScopeSql(scope);
  const revoked = await one(em, `update api_keys set revoked_at = now() where id = ? and revoked_at is null and ${inScope.sql} returning ${API_KEY_COLUMNS}`, [id, ...inScope.params]);
  if (!revoked) {
    if (await one(em, `select 1 from api_keys where id = ? and ${inScope.sql}`, [id, ...inScope.params])) throw conflict('This key is already revoked');
    throw notFound('API key');
  }
  return committed(toApiKeyView(revoked), [{ kind: 'KEY_REVOKED', keyId: id }]);
}
