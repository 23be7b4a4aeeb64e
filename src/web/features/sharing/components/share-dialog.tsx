// The report's Share dialog (its button is share-button.tsx): make a read-only link to this campaign (expiry, privacy, contacts,
// label), copy its URL, and manage the campaign's existing links. Full numbers are an admin's call (docs/access.md).
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SHARE_TTL_HOURS, type PiiMode, type Role } from '@domain/access/principal';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { accessKeys } from '@/lib/query-keys';
import { absoluteUrl, createShareLink } from '../api/share-links';
import { CopyableUrl } from './copyable-url';
import { ShareLinksTable } from './share-links-table';

export const EXPIRY_OPTIONS = [
  { hours: 1, label: '1 hour' },
  { hours: 24, label: '1 day' },
  { hours: SHARE_TTL_HOURS.default, label: '7 days' },
  { hours: 720, label: '30 days' },
  { hours: SHARE_TTL_HOURS.max, label: '90 days' },
] as const;

export function ShareDialog({ campaignId, campaignName, role, onClose }: { campaignId: string; campaignName?: string; role: Role; onClose: () => void }) {
  const titleId = useId();
  const ids = { expiry: useId(), label: useId(), contacts: useId() };
  const firstField = useRef<HTMLSelectElement>(null);
  const [ttlHours, setTtlHours] = useState<number>(SHARE_TTL_HOURS.default);
  const [pii, setPii] = useState<PiiMode>('masked');
  const [contacts, setContacts] = useState(false);
  const [label, setLabel] = useState('');
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: () => createShareLink({ campaignIds: [campaignId], ttlHours, pii, contacts, ...(label.trim() ? { label: label.trim() } : {}) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accessKeys.shareLinks.all }),
  });
  const mayShareFull = role === 'admin';

  useEffect(() => {
    firstField.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate();
  }

  return (
    <div className="fixed inset-0 z-40 flex items-start justify-center overflow-y-auto bg-slate-900/40 p-4">
      <div role="dialog" aria-modal="true" aria-labelledby={titleId} className="w-full max-w-3xl space-y-4 rounded-lg bg-white p-5 shadow-xl">
        <div className="flex items-start justify-between gap-3">
          <h2 id={titleId} className="text-lg font-semibold">Share {campaignName ?? 'this report'}</h2>
          <Button onClick={onClose}>Close</Button>
        </div>
        <p className="text-sm text-slate-700">Anyone with the link can read this report, without signing in, until it expires or you revoke it.</p>
        <form aria-label="New share link" className="grid gap-3 sm:grid-cols-2" onSubmit={submit}>
          <div className="flex flex-col text-sm">
            <label htmlFor={ids.expiry}>Expires after</label>
            <select ref={firstField} id={ids.expiry} value={ttlHours} onChange={(event) => setTtlHours(Number(event.target.value))} className="mt-1 rounded border border-slate-300 bg-white px-2 py-1.5">
              {EXPIRY_OPTIONS.map((option) => (
                <option key={option.hours} value={option.hours}>{option.label}</option>
              ))}
            </select>
          </div>
          <div className="flex flex-col text-sm">
            <label htmlFor={ids.label}>Label (optional)</label>
            <input id={ids.label} value={label} maxLength={80} onChange={(event) => setLabel(event.target.value)} placeholder="e.g. For the collections team" className="mt-1 rounded border border-slate-300 px-2 py-1.5" />
          </div>
          <fieldset className="text-sm sm:col-span-2">
            <legend className="font-medium">Phone numbers and names</legend>
            <label className="mr-4 inline-flex items-center gap-1.5">
              <input type="radio" name="pii" value="masked" checked={pii === 'masked'} onChange={() => setPii('masked')} />
              Masked (+91******5266, initials)
            </label>
            <label className="inline-flex items-center gap-1.5">
              <input type="radio" name="pii" value="full" checked={pii === 'full'} disabled={!mayShareFull} onChange={() => setPii('full')} />
              Full
            </label>
            {mayShareFull ? null : <p className="text-slate-600">Only an admin may share full numbers and names.</p>}
          </fieldset>
          <div className="flex items-center gap-1.5 text-sm sm:col-span-2">
            <input id={ids.contacts} type="checkbox" checked={contacts} onChange={(event) => setContacts(event.target.checked)} />
            <label htmlFor={ids.contacts}>Include the contact list</label>
          </div>
          <div className="sm:col-span-2">
            <Button type="submit" disabled={create.isPending} className="bg-blue-700 text-white">
              {create.isPending ? 'Creating…' : 'Create link'}
            </Button>
          </div>
        </form>
        {create.isError ? (
          <Notice tone="error" role="alert">
            <p>Could not create the link: {create.error.message}</p>
          </Notice>
        ) : null}
        {create.data ? <CopyableUrl url={absoluteUrl(create.data.url)} label="Share link URL" /> : null}
        <section aria-labelledby={`${titleId}-links`} className="space-y-2">
          <h3 id={`${titleId}-links`} className="font-semibold">Links to this campaign</h3>
          <ShareLinksTable campaignId={campaignId} caption="Share links to this campaign" />
        </section>
      </div>
    </div>
  );
}
