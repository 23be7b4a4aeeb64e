// Reading an Exotel answer: its body as JSON (or text), the error message inside either error shape, a thrown
// fetch error as text, and the rate-limit headers (Retry-After / X-RateLimit-Reset, X-RateLimit-Limit).
import { z } from 'zod';
import { envelopeSchema, responseItems } from './normalise';

const DEFAULT_RETRY_AFTER_MS = 60_000;

const restExceptionSchema = z.object({
  RestException: z.object({ Message: z.string().nullish(), Code: z.union([z.string(), z.number()]).nullish() }),
});

export function parseJson(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

/** The message of either error body: the v2 envelope's error_data or the v1-style RestException. */
export function errorDetail(body: unknown): string | null {
  const rest = restExceptionSchema.safeParse(body);
  if (rest.success) return rest.data.RestException.Message ?? null;
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) return null;
  const first = responseItems(envelope.data)[0];
  const wrapped = z.object({ error_data: z.object({ description: z.string().nullish(), message: z.string().nullish() }) }).safeParse(first);
  if (!wrapped.success) return null;
  return wrapped.data.error_data.description ?? wrapped.data.error_data.message ?? null;
}

/** Retry-After (seconds or an HTTP date), else X-RateLimit-Reset (epoch seconds), else 60 s. */
export function retryAfter(headers: Headers, now: number): number {
  const header = headers.get('retry-after')?.trim();
  if (header) {
    if (/^\d+(\.\d+)?$/.test(header)) return Math.ceil(Number(header) * 1000);
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const reset = headers.get('x-ratelimit-reset')?.trim();
  if (reset && /^\d+$/.test(reset)) {
    const epochMs = Number(reset) > 1e12 ? Number(reset) : Number(reset) * 1000;
    return Math.max(0, epochMs - now);
  }
  return DEFAULT_RETRY_AFTER_MS;
}

/** X-RateLimit-Limit, the account's real limit when Exotel announces it; null when absent or not a whole number. */
export function advertisedLimit(headers: Headers): number | null {
  const value = headers.get('x-ratelimit-limit')?.trim();
  return value && /^\d+$/.test(value) ? Number(value) : null;
}
