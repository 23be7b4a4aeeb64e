// The download links of the two CSV exports: plain GET URLs (the browser saves the attachment itself), carrying
// the chosen fields, the date range and, for contacts, the contact list's filters in force.
import type { ContactFinalStatus } from '@domain/api-schemas';
import { apiUrl, DEFAULT_API_BASE } from '@/lib/api-client';

export interface ContactListFilters {
  q: string;
  status?: ContactFinalStatus | undefined;
  tag?: string | undefined;
}

export interface ExportChoice {
  kind: 'contacts' | 'calls';
  fields: readonly string[];
  from: string;
  to: string;
}

/** `apiBase` is `/s/<token>/api` in a share link's view (which exports only when the link allows contacts). */
export function exportUrl(campaignId: string, choice: ExportChoice, filters: ContactListFilters, apiBase = DEFAULT_API_BASE): string {
  const path = `${apiBase}/campaigns/${encodeURIComponent(campaignId)}/${choice.kind}.csv`;
  const common = { fields: choice.fields.join(','), from: choice.from, to: choice.to };
  if (choice.kind === 'calls') return apiUrl(path, common);
  return apiUrl(path, { ...common, q: filters.q, status: filters.status, tag: filters.tag });
}
