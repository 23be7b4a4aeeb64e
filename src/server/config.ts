// The server's settings, parsed once from the environment with zod. No Exotel credentials means demo mode.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DEFAULT_PULSE_SEC, type Pricing } from '../domain/report/business';
import { DEFAULT_TIME_ZONE } from '../domain/report/time-zone';
import { parseAccessConfig, type AccessConfig } from './access/access-config';

/** An Exotel account sid: letters, digits, `-` and `_`; it becomes part of every upstream URL path. */
export const ACCOUNT_SID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const envSchema = z.object({
  EXOTEL_API_KEY: z.string().min(1).optional(),
  EXOTEL_API_TOKEN: z.string().min(1).optional(),
  EXOTEL_ACCOUNT_SID: z.string().regex(ACCOUNT_SID_PATTERN, 'letters, digits, - and _ only (at most 64)').optional(),
  EXOTEL_BASE_URL: z.url().default('https://api.exotel.com').superRefine(checkBaseUrl),
  EXOTEL_RATE_LIMIT_PER_MIN: z.coerce.number().int().positive().default(30),
  EXOTEL_PAGE_SIZE: z.coerce.number().int().min(1).max(500).default(500),
  CALLBOARD_WEBHOOK_SECRET: z.string().min(16, 'use at least 16 characters').optional(),
  CALLBOARD_TIME_ZONE: z.string().default(DEFAULT_TIME_ZONE),
  /** Rupees per pulse: with it, costs are also shown in rupees and revenue can be set against cost. */
  CALLBOARD_RUPEES_PER_PULSE: z.coerce.number().positive().max(1000).optional(),
  /** Pulse length in seconds, for estimating pulses where Exotel sends no price. */
  CALLBOARD_PULSE_SEC: z.coerce.number().int().min(1).max(3600).default(DEFAULT_PULSE_SEC),
  /** The public URL Exotel posts webhooks to (e.g. https://callboard.example.com); shown in the log at start. */
  CALLBOARD_PUBLIC_URL: z.url().optional(),
  /** Further host names callboard answers to besides the public URL's and the bound address (comma-separated). */
  CALLBOARD_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((name) => name.trim()).filter((name) => name !== ''))
    .pipe(z.array(z.string().regex(/^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+)$/, 'host names only (no scheme, port or path), comma-separated'))),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  CALLBOARD_DB: z.string().min(1).optional(),
  // Several instances share one PostgreSQL; without it, SQLite at CALLBOARD_DB. The message never repeats the value.
  CALLBOARD_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// URL').optional(),
  /** Demo mode only: how many times faster than real time the simulator runs. */
  CALLBOARD_DEMO_SPEED: z.coerce.number().positive().default(30),
  CALLBOARD_DEMO_SEED: z.coerce.number().int().default(7),
});

/**
 * Exotel's docs print `https://<key>:<token>@api.exotel.com`. Credentials in the URL are refused rather than taken
 * apart: the key and token would then have two homes, and a URL travels into logs, error texts and shell history
 * where a variable named *_TOKEN does not. The message never repeats the value.
 */
function checkBaseUrl(value: string, ctx: z.RefinementCtx): void {
  const url = new URL(value);
  if (url.username !== '' || url.password !== '') {
    ctx.addIssue({
      code: 'custom',
      message: 'must not contain the API key and token (remove "<key>:<token>@"; set EXOTEL_API_KEY and EXOTEL_API_TOKEN instead)',
    });
  } else if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    ctx.addIssue({ code: 'custom', message: 'must be an https:// URL such as https://api.exotel.com' });
  }
}

export interface ExotelCredentials {
  apiKey: string;
  apiToken: string;
  accountSid: string;
  baseUrl: string;
}

export interface Config {
  mode: 'live' | 'demo';
  /** Null in demo mode until the simulator is started and its loopback URL known. */
  exotel: ExotelCredentials | null;
  rateLimitPerMin: number;
  pageSize: number;
  webhookSecret: string;
  timeZone: string;
  /** Price per pulse (rupees, optional) and pulse length, for the report's business metrics. */
  pricing: Pricing;
  publicUrl: string | null;
  /** Host names requests may be addressed to besides the public URL's and the bound address's (see http/allowed-hosts). */
  allowedHosts: string[];
  port: number;
  host: string;
  dbPath: string;
  /** postgres://… when several instances share one PostgreSQL database; null for the embedded SQLite file. */
  databaseUrl: string | null;
  /**
   * Demo mode's own database is emptied at every start: the simulator dials anew from the current time, so what an
   * earlier run stored would not match it. A path set in CALLBOARD_DB is never emptied.
   */
  freshDatabase: boolean;
  demo: { speed: number; seed: number };
  /** Sign-in, trusted proxies, the first admin, embedding (see access/access-config.ts and docs/access.md). */
  access: AccessConfig;
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const credentialsGiven = [e.EXOTEL_API_KEY, e.EXOTEL_API_TOKEN, e.EXOTEL_ACCOUNT_SID].filter(Boolean).length;
  if (credentialsGiven !== 0 && credentialsGiven !== 3) {
    throw new Error('Invalid configuration: set all of EXOTEL_API_KEY, EXOTEL_API_TOKEN and EXOTEL_ACCOUNT_SID, or none for demo mode');
  }
  const live = credentialsGiven === 3;
  return {
    mode: live ? 'live' : 'demo',
    exotel:
      e.EXOTEL_API_KEY && e.EXOTEL_API_TOKEN && e.EXOTEL_ACCOUNT_SID
        ? { apiKey: e.EXOTEL_API_KEY, apiToken: e.EXOTEL_API_TOKEN, accountSid: e.EXOTEL_ACCOUNT_SID, baseUrl: e.EXOTEL_BASE_URL }
        : null,
    rateLimitPerMin: e.EXOTEL_RATE_LIMIT_PER_MIN,
    pageSize: e.EXOTEL_PAGE_SIZE,
    // A live deployment must choose its secret (it goes into Exotel's callback URLs); demo mode makes one up.
    webhookSecret: e.CALLBOARD_WEBHOOK_SECRET ?? (live ? missingSecret() : randomBytes(16).toString('hex')),
    timeZone: e.CALLBOARD_TIME_ZONE,
    pricing: { rupeesPerPulse: e.CALLBOARD_RUPEES_PER_PULSE ?? null, pulseSec: e.CALLBOARD_PULSE_SEC },
    publicUrl: e.CALLBOARD_PUBLIC_URL ?? null,
    allowedHosts: e.CALLBOARD_ALLOWED_HOSTS,
    port: e.PORT,
    host: e.HOST,
    dbPath: e.CALLBOARD_DB ?? (live ? './data/callboard.db' : './data/demo.db'),
    freshDatabase: !live && e.CALLBOARD_DB === undefined && e.CALLBOARD_DATABASE_URL === undefined,
    databaseUrl: e.CALLBOARD_DATABASE_URL ?? null,
    demo: { speed: e.CALLBOARD_DEMO_SPEED, seed: e.CALLBOARD_DEMO_SEED },
    access: parseAccessConfig(env),
  };
}

function missingSecret(): never {
  throw new Error('Invalid configuration: CALLBOARD_WEBHOOK_SECRET is required with Exotel credentials (at least 16 characters)');
}
