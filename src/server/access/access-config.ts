// The access settings, parsed from the environment with zod; config.ts folds them into the server's Config.
import { z } from 'zod';
import { emailSchema } from '../../domain/access/principal';
import type { IpRange } from './ip-address';
import { cookieSettingsFor, type CookieSettings } from './sessions';
import { parseTrustedProxies } from './trusted-proxy';

const accessEnvSchema = z.object({
  CALLBOARD_ADMIN_EMAIL: emailSchema.optional(),
  CALLBOARD_ADMIN_PASSWORD: z.string().min(1).optional(),
  /** e.g. `X-Forwarded-Email` from an SSO proxy; believed only from CALLBOARD_TRUSTED_PROXIES. */
  CALLBOARD_TRUSTED_USER_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/, 'a header name')
    .transform((name) => name.toLowerCase())
    .optional(),
  CALLBOARD_TRUSTED_PROXIES: z.string().optional(),
  CALLBOARD_PUBLIC_URL: z.url().optional(),
  /** Whether managers (not only admins) may create share links that show full numbers and names. */
  CALLBOARD_MANAGERS_SHARE_FULL_PII: z.enum(['true', 'false']).default('false'),
  /**
   * Origins that may embed callboard's pages in a frame (CSP frame-ancestors), e.g. an intranet portal showing a
   * wallboard: `'self'` or `https://host[:port]` (a leading `*.` allowed), comma- or space-separated. Empty: none.
   */
  CALLBOARD_FRAME_ANCESTORS: z
    .string()
    .default('')
    .transform((value) => value.split(/[\s,]+/).filter((entry) => entry !== ''))
    .pipe(z.array(z.string().regex(/^('self'|https?:\/\/(\*\.)?[A-Za-z0-9.-]+(:\d{1,5})?)$/, "'self' or origins like https://portal.example.com"))),
});

export interface AccessConfig {
  bootstrapAdmin: { email: string | null; password: string | null };
  trustedUserHeader: string | null;
  trustedProxies: IpRange[];
  cookie: CookieSettings;
  managersMayShareFullPii: boolean;
  /** CSP frame-ancestors sources; empty means `'none'`. */
  frameAncestors: string[];
}

export function parseAccessConfig(env: Record<string, string | undefined>): AccessConfig {
  const parsed = accessEnvSchema.safeParse(env);
  if (!parsed.success) {
    // Issue paths name the variable; values are never echoed, since one of them is a password.
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  if ((e.CALLBOARD_ADMIN_EMAIL === undefined) !== (e.CALLBOARD_ADMIN_PASSWORD === undefined)) {
    throw new Error('Invalid configuration: set both CALLBOARD_ADMIN_EMAIL and CALLBOARD_ADMIN_PASSWORD, or neither');
  }
  const proxies = parseTrustedProxies(e.CALLBOARD_TRUSTED_PROXIES);
  if (!proxies.ok) throw new Error(`Invalid configuration: CALLBOARD_TRUSTED_PROXIES: not an address or CIDR: ${proxies.invalid.join(', ')}`);
  if (e.CALLBOARD_TRUSTED_USER_HEADER !== undefined && proxies.ranges.length === 0) {
    throw new Error('Invalid configuration: CALLBOARD_TRUSTED_USER_HEADER needs CALLBOARD_TRUSTED_PROXIES (who may send it)');
  }
  return {
    bootstrapAdmin: { email: e.CALLBOARD_ADMIN_EMAIL ?? null, password: e.CALLBOARD_ADMIN_PASSWORD ?? null },
    trustedUserHeader: e.CALLBOARD_TRUSTED_USER_HEADER ?? null,
    trustedProxies: proxies.ranges,
    cookie: cookieSettingsFor(e.CALLBOARD_PUBLIC_URL ?? null),
    managersMayShareFullPii: e.CALLBOARD_MANAGERS_SHARE_FULL_PII === 'true',
    frameAncestors: e.CALLBOARD_FRAME_ANCESTORS,
  };
}
