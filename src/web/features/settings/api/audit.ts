// The audit log (admins): GET /api/audit, newest first. Who did what to what, and when; never a token.
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiUrl } from '@/lib/api-client';
import { accessKeys } from '@/lib/query-keys';

const detailValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  details: z.record(z.string(), detailValue).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const AUDIT_PAGE_SIZE = 100;

export function listAudit(signal?: AbortSignal) {
  return apiGet(apiUrl('/api/audit', { limit: AUDIT_PAGE_SIZE }), z.object({ entries: z.array(auditEntrySchema) }), signal);
}

export const auditQueries = {
  list: () => queryOptions({ queryKey: accessKeys.audit, queryFn: ({ signal }) => listAudit(signal), select: (data) => data.entries }),
};
