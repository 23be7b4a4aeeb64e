// The one way the SPA reads callboard's API: fetch, check the status, parse the body with the contract's zod schema.
// Every failure becomes an ApiError the UI can show (network down, HTTP error, or a body that breaks the contract).
import type { z } from 'zod';
import { apiErrorSchema } from '@domain/api-schemas';

export type ApiErrorKind = 'network' | 'http' | 'contract';

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | null;

  constructor(kind: ApiErrorKind, message: string, status: number | null = null) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
  }
}

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
): Promise<z.infer<Schema>> {
  let response: Response;
  try {
    // `no-cache` revalidates through the browser's HTTP cache: it sends the stored ETag, and an unchanged answer is
    // a bodiless 304 that fetch hands back as the cached 200.
    response = await fetch(url, { signal, cache: 'no-cache', headers: { accept: 'application/json' } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('network', 'The callboard server did not answer.');
  }
  // A body that is not JSON (a proxy's HTML error page) is treated as no body.
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsedError = apiErrorSchema.safeParse(body);
    const message = parsedError.success ? parsedError.data.error : `The server answered ${response.status}.`;
    throw new ApiError('http', message, response.status);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError('contract', `Unexpected answer from the server: ${parsed.error.message}`);
  return parsed.data;
}
