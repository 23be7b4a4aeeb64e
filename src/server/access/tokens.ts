// Bearer secrets (session cookies, share links, display links): random bytes in base64url, stored only as a
// SHA-256 hash. A stolen database therefore opens nothing, and logs name a row's own id, never the token.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

/** 256 bits for sessions and display links; share links may use 128 (shorter URLs for phones), never fewer. */
export const TOKEN_BYTES = { session: 32, share: 16, display: 32 } as const;
const MIN_TOKEN_BYTES = 16;

export function newToken(bytes: number): string {
  if (!Number.isInteger(bytes) || bytes < MIN_TOKEN_BYTES) throw new Error(`a token needs at least ${MIN_TOKEN_BYTES} random bytes`);
  return randomBytes(bytes).toString('base64url');
}

/**
 * Hex SHA-256. A plain (unkeyed, unsalted) hash is enough: the token is 128+ random bits, so there is nothing to
 * guess from the hash, and a lookup by hash through a unique index needs the same hash for the same token.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * What a token from a URL or cookie must look like before it is hashed and looked up: base64url of 16 to 64 bytes.
 * Anything else is refused without touching the database.
 */
export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{22,86}$/);

/**
 * A row's public id (`sl_…`, `tv_…`, `se_…`): random, separate from the token, so it stays the same when a link is
 * rotated, can appear in URLs of the admin API and in logs, and says nothing about the token.
 */
export function newId(prefix: 'sl' | 'tv' | 'se' | 'us'): string {
  return `${prefix}_${randomBytes(9).toString('base64url')}`;
}
