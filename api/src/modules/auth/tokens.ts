import { createHash, randomBytes } from 'node:crypto';

/** Token kinds, told apart by prefix so one header carries any of them. */
export enum TokenKind {
  SESSION = 'pst',
  API_KEY = 'pak',
  VISITOR = 'pvt',
}

export function newToken(kind: TokenKind): string {
  return `${kind}_${randomBytes(32).toString('base64url')}`;
}

export function tokenKind(token: string): TokenKind | null {
  const prefix = token.slice(0, 3);
  return token[3] === '_' && (Object.values(TokenKind) as string[]).includes(prefix) ? (prefix as TokenKind) : null;
}

/** Tokens carry 256 random bits, so a fast hash is enough; argon2 is for passwords. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function bearer(header: string | undefined | null): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1]! : null;
}
