// The report screen's shareable state, read from the URL: the contact search, status filter and sort order.
import { z } from 'zod';
import { CALL_STATUSES } from '@domain/call-status';
import { CONTACT_SORTS } from '@domain/api-schemas';

export const reportSearchSchema = z.object({
  q: z.string().trim().max(100).catch(''),
  status: z.enum(CALL_STATUSES).optional().catch(undefined),
  sort: z.enum(CONTACT_SORTS).catch('lastCallAt:desc'),
});
export type ReportSearch = z.infer<typeof reportSearchSchema>;

export function parseReportSearch(params: URLSearchParams): ReportSearch {
  return reportSearchSchema.parse({
    q: params.get('q') ?? '',
    status: params.get('status') ?? undefined,
    sort: params.get('sort') ?? undefined,
  });
}
