// Password hashing with node's scrypt: a per-user random salt, the cost parameters written into the stored string
// (so the cost can rise later and old hashes still verify, then get rehashed), and a constant-time comparison.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';

export interface ScryptParams {
  /** log2 of scrypt's N (CPU/memory cost). */
  logN: number;
  r: number;
  p: number;
}

/**
 * N = 2^15, r = 8, p = 3: one of OWASP's equivalent scrypt settings (to N = 2^17, p = 1) that needs 32 MiB per
 * hash instead of 128 MiB, which matters on a small shared box. The cost is CPU time: 1.2 s per hash was measured
 * on a 2-core machine at load 12, so an idle one should take a fraction of that; the throttle bounds how often.
 */
export const DEFAULT_SCRYPT: ScryptParams = { logN: 15, r: 8, p: 3 };

const KEY_BYTES = 32;
const SALT_BYTES = 16;
// Limits for what a stored string may ask for, so a tampered row cannot make a sign-in allocate gigabytes.
const MAX = { logN: 20, r: 16, p: 16 } as const;

/** Rules for a new password (sign-in takes any password up to the login schema's cap). */
export const newPasswordSchema = z
  .string()
  .min(12, 'use at least 12 characters')
  .max(1024, 'use at most 1024 characters');

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.logN;
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 256 * N * params.r };
  return new Promise((resolve, reject) => {
    // The async form runs on libuv's pool, so a sign-in does not stall every other request for 0.2 s.
    scrypt(password.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** `scrypt$15$8$3$<salt b64url>$<hash b64url>` */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params);
  return ['scrypt', params.logN, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

const ENCODED = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9_-]{16,64})\$([A-Za-z0-9_-]{32,128})$/;

function parseHash(encoded: string): ParsedHash | null {
  const match = ENCODED.exec(encoded);
  if (!match) return null;
  const [, logN, r, p, salt, key] = match;
  const params = { logN: Number(logN), r: Number(r), p: Number(p) };
  if (params.logN < 1 || params.logN > MAX.logN || params.r < 1 || params.r > MAX.r || params.p < 1 || params.p > MAX.p) return null;
  return { params, salt: Buffer.from(salt ?? '', 'base64url'), key: Buffer.from(key ?? '', 'base64url') };
}

export interface PasswordCheck {
  ok: boolean;
  /** The hash is valid but made with other parameters than today's: store a fresh hash after this sign-in. */
  needsRehash: boolean;
}

export async function verifyPassword(password: string, encoded: string, current: ScryptParams = DEFAULT_SCRYPT): Promise<PasswordCheck> {
  const parsed = parseHash(encoded);
  if (!parsed) return { ok: false, needsRehash: false };
  const key = await derive(password, parsed.salt, parsed.params);
  const ok = key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
  const sameParams = parsed.params.logN === current.logN && parsed.params.r === current.r && parsed.params.p === current.p;
  return { ok, needsRehash: ok && !sameParams };
}

/**
 * Spends the same time as a real check, for a sign-in with an unknown email: without it, how fast a 401 came back
 * would tell whether the account exists.
 */
export async function spendPasswordCheck(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<void> {
  await derive(password, Buffer.alloc(SALT_BYTES), params);
}
