// The Export control of the report: one row per contact or per call attempt, the columns to include, and a date
// range. The contacts export follows the contact list's search, status and tag filters. The result is a plain link,
// so the browser downloads the file itself (streamed by the server, however large). In a masked share link's view
// the server leaves out the sheet's columns and recordings and refuses search and tag filters, so neither is offered.
import { useId, useState } from 'react';
import {
  CALL_EXPORT_FIELDS,
  CONTACT_EXPORT_FIELDS,
  DEFAULT_CONTACT_FIELDS,
  MASKED_CALL_FIELDS_DROPPED,
  METADATA_CONTACT_FIELDS,
} from '@domain/csv/export-fields';
import { useApiScope } from '@/lib/api-scope';
import { exportUrl, type ContactListFilters, type ExportChoice } from '../api/export-url';

const FIELD_LABELS: Record<string, string> = {
  number: 'Number',
  name: 'Name',
  email: 'Email',
  tags: 'Tags',
  final_status: 'Final status',
  attempts: 'Attempts',
  last_duration_sec: 'Last call duration (s)',
  first_call_at: 'First call',
  last_call_at: 'Last call',
  revenue: 'Revenue',
  cost: 'Cost',
  call_sid: 'Call SID',
  attempt: 'Attempt',
  status: 'Status',
  start_time: 'Start',
  end_time: 'End',
  duration_sec: 'Duration (s)',
  price: 'Price',
  recording_url: 'Recording URL',
};

function describeFilters(filters: ContactListFilters, masked: boolean): string {
  if (masked) {
    const which = filters.status ? `Contacts with status ${filters.status}` : 'All contacts';
    return `${which}, numbers partly hidden${filters.q || filters.tag ? ' (the list\'s search and tag filter do not apply to a masked export)' : ''}.`;
  }
  const parts = [
    filters.q ? `search “${filters.q}”` : null,
    filters.status ? `status ${filters.status}` : null,
    filters.tag ? `tag “${filters.tag}”` : null,
  ].filter((part) => part !== null);
  return parts.length === 0 ? 'All contacts (no filter in the list).' : `Only contacts matching the list's ${parts.join(', ')}.`;
}

export function ExportPanel({ campaignId, filters: listFilters }: { campaignId: string; filters: ContactListFilters }) {
  const id = useId();
  const scope = useApiScope();
  const masked = scope.masked === true;
  const filters: ContactListFilters = masked ? { q: '', status: listFilters.status, tag: undefined } : listFilters;
  const [kind, setKind] = useState<ExportChoice['kind']>('contacts');
  // Empty means "the default columns" (the server then adds the uploaded metadata and cost when present).
  const [contactFields, setContactFields] = useState<readonly string[]>([]);
  const [callFields, setCallFields] = useState<readonly string[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');

  const hidden: readonly string[] = masked ? [...METADATA_CONTACT_FIELDS, ...MASKED_CALL_FIELDS_DROPPED] : [];
  const offered = (kind === 'contacts' ? CONTACT_EXPORT_FIELDS : CALL_EXPORT_FIELDS).filter((field) => !hidden.includes(field));
  const chosen = kind === 'contacts' ? contactFields : callFields;
  const setChosen = kind === 'contacts' ? setContactFields : setCallFields;
  const defaults: readonly string[] = kind === 'contacts' ? DEFAULT_CONTACT_FIELDS : CALL_EXPORT_FIELDS;
  const checked = (field: string) => (chosen.length === 0 ? defaults.includes(field) : chosen.includes(field));
  const toggle = (field: string) => {
    const current: readonly string[] = offered.filter((f) => checked(f));
    setChosen(current.includes(field) ? current.filter((f) => f !== field) : offered.filter((f) => f === field || current.includes(f)));
  };
  const nothingChosen = offered.every((field) => !checked(field));
  const href = exportUrl(campaignId, { kind, fields: chosen, from, to }, filters, scope.base);
  const badRange = from !== '' && to !== '' && from > to;

  return (
    <form aria-label="Export to CSV" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" onSubmit={(event) => event.preventDefault()}>
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="mb-1 font-medium">Rows</legend>
        <label className="inline-flex min-h-11 items-center gap-1 sm:min-h-0">
          <input type="radio" name={`${id}-kind`} checked={kind === 'contacts'} onChange={() => setKind('contacts')} /> One row per contact
        </label>
        <label className="inline-flex min-h-11 items-center gap-1 sm:min-h-0">
          <input type="radio" name={`${id}-kind`} checked={kind === 'calls'} onChange={() => setKind('calls')} /> One row per call attempt
        </label>
      </fieldset>
      <fieldset className="text-sm">
        <legend className="mb-1 font-medium">Columns</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {offered.map((field) => (
            <label key={field} className="inline-flex min-h-11 items-center gap-1 sm:min-h-0">
              <input type="checkbox" checked={checked(field)} onChange={() => toggle(field)} /> {FIELD_LABELS[field] ?? field}
            </label>
          ))}
        </div>
        {kind === 'contacts' && contactFields.length === 0 ? (
          <p className="mt-1 text-slate-600">Uploaded metadata columns and the cost are added when the campaign has them.</p>
        ) : null}
      </fieldset>
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col">
          From (day)
          <input type="date" value={from} onChange={(event) => setFrom(event.target.value)} className="mt-1 min-h-11 rounded border border-slate-300 px-2 py-1 sm:min-h-0" />
        </label>
        <label className="flex flex-col">
          To (day)
          <input type="date" value={to} onChange={(event) => setTo(event.target.value)} className="mt-1 min-h-11 rounded border border-slate-300 px-2 py-1 sm:min-h-0" />
        </label>
      </div>
      <p className="text-sm text-slate-700">{kind === 'contacts' ? describeFilters(listFilters, masked) : 'Every call attempt in the date range.'}</p>
      {nothingChosen || badRange ? (
        <p role="status" className="text-sm text-red-800">{nothingChosen ? 'Choose at least one column.' : 'The range ends before it starts.'}</p>
      ) : (
        <a href={href} download className="inline-flex min-h-11 items-center rounded sm:min-h-0 border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-blue-900 focus-visible:outline-2 focus-visible:outline-blue-700">
          Download CSV
        </a>
      )}
    </form>
  );
}
