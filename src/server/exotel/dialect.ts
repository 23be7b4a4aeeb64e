// Exotel's wire dialects, read in one place: keys folded (case, hyphens, underscores and spaces ignored, so
// `CallSid`, `call_sid` and `call-sid` are one key), values read with zod, and every number and date held to the
// bounds of src/domain/value-bounds.ts. Used by the call-details and campaign parser (normalise.ts) and by the
// webhook parser (webhooks/webhook-event.ts), so the two can no longer drift apart.
import { z } from 'zod';
import { foldKey } from '../../domain/call-status';
import { msOfIso } from '../../domain/instant';
import {
  FUTURE_SLACK_MS,
  isPlausibleDuration,
  isPlausibleInstant,
  isPlausiblePrice,
  MAX_ATTEMPT_NUMBER,
} from '../../domain/value-bounds';

/** A record's fields under their folded keys. */
export type Folded = ReadonlyMap<string, unknown>;

export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/**
 * Folds a record's keys. When two spellings fold to one key (`Status` and `status`), the first non-blank value in
 * the sender's key order wins: an empty duplicate (a form encoder's placeholder) never hides a real value, and a
 * later spelling never silently overrides an earlier one.
 */
export function foldRecord(record: Record<string, unknown>): Folded {
  const folded = new Map<string, unknown>();
  for (const [key, value] of Object.entries(record)) {
    const foldedKey = foldKey(key);
    if (!folded.has(foldedKey) || isBlank(folded.get(foldedKey))) folded.set(foldedKey, value);
  }
  return folded;
}

/** The first of `keys` (folded spellings) whose value passes `schema`; null when none is present or valid. */
export function pick<T>(folded: Folded, schema: z.ZodType<T>, ...keys: string[]): T | null {
  for (const key of keys) {
    const value = folded.get(key);
    if (isBlank(value)) continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
  }
  return null;
}

/** Whether any of `keys` carries a non-blank value. */
export function present(folded: Folded, ...keys: string[]): boolean {
  return keys.some((key) => !isBlank(folded.get(key)));
}

/** Non-empty text; a number (`"name": 42`) is read as its digits. */
export const text = z.union([z.string(), z.number().transform(String)]).pipe(z.string().trim().min(1));

/**
 * A number sent as JSON or as a numeric string ("43", "1.500"). Signs and exponents are read too ("-3", "1e308"),
 * so that the bounds, not the pattern, refuse them and say so.
 */
export const wireNumber = z.union([
  z.number(),
  z.string().trim().regex(/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/).transform(Number),
]).pipe(z.number().finite());

/** A count or amount that is not negative (stats, retry settings). */
export const nonNegative = wireNumber.pipe(z.number().nonnegative());

/** Text that parses as a date, any date: for required fields whose bounds are checked separately. */
export const dateText = text.refine((value) => msOfIso(value) !== null, 'not a date');

/** A field read against its bounds: absent or unreadable (null), read, or readable but outside what is possible. */
export type BoundedRead<T> = { ok: true; value: T | null } | { ok: false; error: string };

const absent = { ok: true, value: null } as const;

function outOfBounds(field: string, rule: string): { ok: false; error: string } {
  return { ok: false, error: `${field} is out of bounds (${rule})` };
}

/** Seconds, 0..86,400. Unreadable text stays absent, as before; a readable number outside the bounds is refused. */
export function readDuration(folded: Folded, field: string, ...keys: string[]): BoundedRead<number> {
  const value = pick(folded, wireNumber, ...keys);
  if (value === null) return absent;
  return isPlausibleDuration(value) ? { ok: true, value } : outOfBounds(field, 'seconds, 0 to 86400');
}

export function readPrice(folded: Folded, field: string, ...keys: string[]): BoundedRead<number> {
  const value = pick(folded, wireNumber, ...keys);
  if (value === null) return absent;
  return isPlausiblePrice(value) ? { ok: true, value } : outOfBounds(field, '0 to 100000');
}

/** 1 = first call. Zero or a fraction means "not given", as senders use them; a huge number is refused. */
export function readAttempt(folded: Folded, field: string, ...keys: string[]): BoundedRead<number> {
  const value = pick(folded, wireNumber, ...keys);
  if (value === null || !Number.isInteger(value) || value < 1) return absent;
  return value <= MAX_ATTEMPT_NUMBER ? { ok: true, value } : outOfBounds(field, `1 to ${MAX_ATTEMPT_NUMBER}`);
}

/**
 * A date (kept as Exotel wrote it) between 2000 and `nowMs` plus a slack: a call cannot be dated decades ago or
 * years ahead. Text that is no date stays absent, as before.
 */
export function readDate(folded: Folded, field: string, nowMs: number, keys: string[], slackMs = FUTURE_SLACK_MS): BoundedRead<string> {
  const value = pick(folded, dateText, ...keys);
  if (value === null) return absent;
  return isPlausibleInstant(msOfIso(value) ?? Number.NaN, nowMs, slackMs) ? { ok: true, value } : outOfBounds(field, 'not between 2000 and now');
}
