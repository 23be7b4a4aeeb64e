// Shared by the webhook tests (test-only): a real in-memory store with campaigns, the route mounted where the app mounts it,
// and a recorder of what browsers would be told. Test-only; nothing in production imports it.
import { Hono } from 'hono';
import type { ServerEvent } from '../../domain/api-schemas';
import type { Campaign } from '../../domain/campaign';
import type { CampaignStatus } from '../../domain/campaign-status';
import { campaignOf } from '../../domain/testing/builders';
import { LiveHub } from '../live/hub';
import { memoryLogger } from '../log';
import { webhookRoutes } from '../routes/webhooks';
import { openSqliteStore } from '../store/sqlite-store';
import type { CallboardStore } from '../store/store';

export const SECRET = 'test-secret-0123456789abcdef';
export const RECEIVED_AT = new Date('2024-01-15T12:00:00+05:30');

export function campaign(id: string, status: CampaignStatus = 'in-progress', dateUpdated = '2024-01-15T09:00:00+05:30'): Campaign {
  return campaignOf(id, { status, dateUpdated, stats: { created: 10, extra: {} }, callerId: '0XXXXXX4890', dateCreated: '2024-01-15T08:00:00+05:30' });
}

export interface Kit {
  store: CallboardStore;
  hub: LiveHub;
  logger: ReturnType<typeof memoryLogger>;
  app: Hono;
  /** Events browsers watching any of the kit's campaigns would have received. */
  published: ServerEvent[];
  post(kind: string, body: string | Record<string, unknown>, options?: PostOptions): Promise<Response>;
}

export interface PostOptions {
  contentType?: string;
  secret?: string;
  query?: string;
}

export function formOf(body: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(body)) {
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else if (typeof value === 'object' && value !== null) for (const [inner, item] of Object.entries(value)) params.append(`${key}[${inner}]`, String(item));
    else params.append(key, String(value));
  }
  return params.toString();
}

export function makeKit(options: { campaigns?: Campaign[]; store?: CallboardStore; maxBodyBytes?: number; groupCommitWindowMs?: number } = {}): Kit {
  const store = options.store ?? openSqliteStore(':memory:');
  const campaigns = options.campaigns ?? [campaign('c1')];
  if (campaigns.length > 0) store.upsertCampaigns(campaigns, '2024-01-15T09:00:00+05:30');
  const hub = new LiveHub();
  const published: ServerEvent[] = [];
  for (const id of ['c1', 'c2', 'c3', 'c9']) hub.subscribe(id, (event) => published.push({ type: event.type, campaignId: event.campaignId, at: event.at }));
  const logger = memoryLogger();
  const app = new Hono();
  app.route('/webhooks/exotel', webhookRoutes({ store, hub, secret: SECRET, logger, now: () => RECEIVED_AT, maxBodyBytes: options.maxBodyBytes, publishWindowMs: 0, groupCommitWindowMs: options.groupCommitWindowMs }));
  const post = async (kind: string, body: string | Record<string, unknown>, post: PostOptions = {}) => {
    const contentType = post.contentType ?? 'application/json';
    const text = typeof body === 'string' ? body : contentType.includes('form') ? formOf(body) : JSON.stringify(body);
    const query = post.query ? `?${post.query}` : '';
    return app.request(`/webhooks/exotel/${post.secret ?? SECRET}/${kind}${query}`, { method: 'POST', body: text, headers: { 'content-type': contentType } });
  };
  return { store, hub, logger, app, published, post };
}
