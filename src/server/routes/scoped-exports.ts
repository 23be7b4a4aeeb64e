// The CSV exports under a share link's prefix (/s/<token>/api/campaigns/:id/contacts.csv and /calls.csv): only for a
// link that may list contacts (canExport), only for campaigns in its scope, and masked when the link is masked.
// Anything else is the scope's one 404. The files come from the same export routes as /api, asked in-process from an
// instance whose masking is fixed when it is built, so a masked scope never reaches the unmasked columns.
import { Hono, type Context } from 'hono';
import { canExport, isMasked, type Principal } from '../../domain/access/principal';
import type { Logger } from '../log';
import type { CampaignStore, ContactMetadataStore, ExportStore } from '../store/store';
import { exportRoutes } from './exports';
import { NOT_FOUND_JSON } from './scoped-pages';

export const EXPORT_FILES = ['contacts.csv', 'calls.csv'] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

export interface ScopedExportDeps {
  store: CampaignStore & ExportStore & ContactMetadataStore;
  timeZone: string;
  now: () => Date;
  logger: Logger;
}

export interface ScopedExportRequest {
  scope: Principal;
  /** The scope's id for the log line (a link's id, never its token). */
  scopeId: string;
  /** Whether the campaign is in the scope (checked by the scoped router, with its one rule for that). */
  inScope: boolean;
  campaignId: string;
  file: ExportFile;
}

const MASKED_FILTER_REFUSED = 'In a masked view, an export cannot be filtered by a search or a tag.';
/** A masked scope's error never repeats what was asked (a number typed into a query must not come back). */
const MASKED_INVALID = 'Invalid export: check the chosen fields and dates.';

export function scopedExports(deps: ScopedExportDeps) {
  const maskedFiles: Hono = exportRoutes({ store: deps.store, timeZone: deps.timeZone, now: deps.now, mask: () => true });
  const fullFiles: Hono = exportRoutes({ store: deps.store, timeZone: deps.timeZone, now: deps.now, mask: () => false });

  return async function sendExport(c: Context, request: ScopedExportRequest): Promise<Response> {
    const { scope, campaignId, file } = request;
    if (!canExport(scope) || !request.inScope || deps.store.getCampaign(campaignId) === null) return c.json(NOT_FOUND_JSON, 404);
    const masked = isMasked(scope);
    const search = new URL(c.req.url).search;
    const params = new URLSearchParams(search);
    // Masked rows carry no name or tags, so a search or tag filter would reveal them by which rows come back.
    if (masked && file === 'contacts.csv' && ((params.get('q') ?? '') !== '' || params.has('tag'))) return c.json({ error: MASKED_FILTER_REFUSED }, 400);
    const res = await (masked ? maskedFiles : fullFiles).request(`/campaigns/${encodeURIComponent(campaignId)}/${file}${search}`);
    if (res.status === 404) return c.json(NOT_FOUND_JSON, 404);
    if (!res.ok) {
      if (!masked) return res;
      await res.body?.cancel();
      return c.json({ error: MASKED_INVALID }, 400);
    }
    deps.logger.info('scoped.export', { scope: scope.kind, scopeId: request.scopeId, campaignId, file, masked });
    return res;
  };
}
