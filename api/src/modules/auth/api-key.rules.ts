import { campaignsWithin, type Scope } from './scope.rules.js';
import { ApiScope } from './viewer.js';

/** What the creator of a key may give it: a person's role gives every scope; a key gives at most its own. */
export type Granter = { kind: 'PERSON'; scope: Scope } | { kind: 'KEY'; scopes: readonly ApiScope[]; scope: Scope };

export type KeyGrant = { ok: true; scopes: ApiScope[]; campaignIds: string[] } | { ok: false; field: 'scopes' | 'campaignIds'; reason: string };

/**
 * A new key reaches at most what its creator reaches, with at most the scopes its creator has: asking
 * for more is refused, and "every campaign" from a creator limited to some is written out as those.
 */
export function grantKey(granter: Granter, scopes: readonly ApiScope[], campaignIds: readonly string[]): KeyGrant {
  if (scopes.length === 0) return { ok: false, field: 'scopes', reason: 'Give the key at least one scope' };
  if (granter.kind === 'KEY') {
    const beyond = scopes.filter((s) => !granter.scopes.includes(s));
    if (beyond.length) return { ok: false, field: 'scopes', reason: `A key cannot give scopes it does not have: ${beyond.join(', ')}` };
  }
  const within = campaignsWithin(granter.scope, campaignIds);
  if ('outside' in within) return { ok: false, field: 'campaignIds', reason: 'Unknown campaign' };
  if (granter.scope.kind === 'LIMITED' && within.ids.length === 0) return { ok: false, field: 'campaignIds', reason: 'You reach no campaign to give the key' };
  return { ok: true, scopes: [...new Set(scopes)], campaignIds: within.ids };
}

/** Scopes that let a key change anything; a key with none of them (READ alone) only reads. */
const WRITING_SCOPES: readonly ApiScope[] = [ApiScope.BOT, ApiScope.CHANNEL, ApiScope.SUPERVISE, ApiScope.ADMIN];

export const keyMayWrite = (scopes: readonly ApiScope[]): boolean => scopes.some((s) => WRITING_SCOPES.includes(s));

/** What customers and agents see of a key: undefined leaves a field as it is, null (or blank) clears it. */
export interface KeyDisplay {
  displayName?: string | null;
  avatarUrl?: string | null;
}

export const DISPLAY_NAME_MAX = 80;
export const AVATAR_URL_MAX = 2000;

/**
 * A display name is a short line; an avatar is an https address, since the widget shows it inside
 * customers' https pages, where a plain http image would be blocked or warned about.
 */
export function keyDisplay(input: KeyDisplay): { ok: true; display: KeyDisplay } | { ok: false; field: 'displayName' | 'avatarUrl'; reason: string } {
  const display: KeyDisplay = {};
  if (input.displayName !== undefined) {
    const name = input.displayName?.trim() || null;
    if (name && name.length > DISPLAY_NAME_MAX) return { ok: false, field: 'displayName', reason: `A display name has at most ${DISPLAY_NAME_MAX} characters` };
    display.displayName = name;
  }
  if (input.avatarUrl !== undefined) {
    const url = input.avatarUrl?.trim() || null;
    if (url && (url.length > AVATAR_URL_MAX || !isHttpsUrl(url))) return { ok: false, field: 'avatarUrl', reason: `An avatar is an https:// address of at most ${AVATAR_URL_MAX} characters` };
    display.avatarUrl = url;
  }
  return { ok: true, display };
}

function isHttpsUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
