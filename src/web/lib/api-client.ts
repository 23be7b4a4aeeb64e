// The one way the SPA reads callboard's API: fetch, check the status, parse the body with the contract's zod schema.
// Every failure becomes an ApiError the UI can show (network down, HTTP error, or a body that breaks the contract).
import type { z } from 'zod';
import { apiErrorSchema } from '@domain/api-schemas';

export type ApiErrorKind = 'network' | 'http' | 'contract';

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | null;
  /** From a 429's Retry-After: how many seconds to wait before asking again. */
  readonly retryAfterSec: number | null;

  constructor(kind: ApiErrorKind, message: string, status: number | null = null, retryAfterSec: number | null = null) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.retryAfterSec = retryAfterSec;
  }
}

/** Where the API is read from: `/api` for a signed-in user, `/s/<token>/api` for a share link's view. */
export const DEFAULT_API_BASE = '/api';

/** Absolute URL on this origin: Node's fetch (component tests) refuses relative URLs. */
export function apiUrl(path: string, params?: Record<string, string | number | undefined>): string {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
  }
  return url.toString();
}

export async function apiGet<Schema extends z.ZodType>(
  url: string,
  schema: Schema,
  signal?: AbortSignal,
  headers: Readonly<Record<string, string>> = {},
): Promise<z.infer<Schema>> {
  let response: Response;
  try {
    // `no-cache` revalidates through the browser's HTTP cache: it sends the stored ETag, and an unchanged answer is
    // a bodiless 304 that fetch hands back as the cached 200. Same-origin cookies carry the session; a share link's
    // token is in the path instead.
    response = await fetch(url, { signal, cache: 'no-cache', credentials: 'same-origin', headers: { ...headers, accept: 'application/json' } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('network', 'The callboard server did not answer.');
  }
  return parseResponse(response, schema);
}

async function parseResponse<Schema extends z.ZodType>(response: Response, schema: Schema): Promise<z.infer<Schema>> {
  // A body that is not JSON (a proxy's HTML error page, a 204) is treated as no body.
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsedError = apiErrorSchema.safeParse(body);
    const message = parsedError.success ? parsedError.data.error : `The server answered ${response.status}.`;
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new ApiError('http', message, response.status, Number.isFinite(retryAfter) && retryAfter > 0 ? Math.ceil(retryAfter) : null);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError('contract', `Unexpected answer from the server: ${parsed.error.message}`);
  return parsed.data;
}

/**
 * A change (POST, DELETE) with an optional JSON body. The answer is parsed with `schema`; a 204 parses `null`, so
 * pass `z.null()` (or a schema accepting null) for endpoints that answer no content.
 */
export async function apiSend<Schema extends z.ZodType>(
  method: 'POST' | 'PUT' | 'DELETE',
  url: string,
  schema: Schema,
  body?: unknown,
): Promise<z.infer<Schema>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError('network', 'The callboard server did not answer.');
  }
  return parseResponse(response, schema);
}
