// The download links of the two CSV exports: plain GET URLs (the browser saves the attachment itself), carrying
// the chosen fields, the date range and, for contacts, the contact list's filters in force.
import type { ContactFinalStatus } from '@domain/api-schemas';
import { apiUrl } from '@/lib/api-client';

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

export function exportUrl(campaignId: string, choice: ExportChoice, filters: ContactListFilters): string {
  const path = `/api/campaigns/${encodeURIComponent(campaignId)}/${choice.kind}.csv`;
  const common = { fields: choice.fields.join(','), from: choice.from, to: choice.to };
  if (choice.kind === 'calls') return apiUrl(path, common);
  return apiUrl(path, { ...common, q: filters.q, status: filters.status, tag: filters.tag });
}
