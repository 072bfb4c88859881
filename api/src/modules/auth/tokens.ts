import { createHash, randomBytes } from 'node:crypto';
import { unauthenticated } from '../../shared/errors.js';

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

/** Headers other APIs take a key in. Parley reads only Authorization, and says so rather than answer as to a stranger. */
const FOREIGN_CREDENTIALS = ['x-api-key', 'api-key', 'apikey', 'x-auth-token', 'x-access-token', 'access-token', 'x-parley-key'];
const HOW = 'send it as "Authorization: Bearer <token>"';

/**
 * The token a request carries, null if it carries none. A credential meant for Parley that it cannot
 * read (another scheme than Bearer, a Parley token in a header of another API) is UNAUTHENTICATED,
 * never anonymous: a caller who meant to be someone must not be answered as nobody. `Basic` is a
 * reverse proxy's (browsers repeat it on every request to its site), and another header's value
 * that is not a Parley token may be a proxy's too: both are left alone. `headers` are an HTTP
 * request's or a WebSocket's connection parameters, whose names come in any case.
 */
export function credentialOf(headers: Readonly<Record<string, unknown>>): string | null {
  let authorization: unknown;
  let foreign: string | null = null;
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === 'authorization') authorization = value;
    else if (typeof value === 'string' && FOREIGN_CREDENTIALS.includes(lower) && carriesToken(value)) foreign = name;
  }
  if (typeof authorization === 'string' && authorization.trim() !== '' && !/^Basic\s/i.test(authorization.trim())) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw unauthenticated(`The Authorization header holds no bearer token: ${HOW}`);
    return match[1]!;
  }
  if (foreign) throw unauthenticated(`Parley does not read a token from ${foreign}: ${HOW}`);
  return null;
}

const carriesToken = (value: string): boolean => tokenKind(value.trim().replace(/^Bearer\s+/i, '')) !== null;
