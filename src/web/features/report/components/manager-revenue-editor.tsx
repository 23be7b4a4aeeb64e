// The control beside the revenue figure with which a signed-in manager or admin enters the campaign's revenue
// (it then wins over the contact sheet's revenue column), edits it or clears it. The rules a figure must meet come
// from the API contract's schema, so the form and the server refuse the same figures with the same words.
import { useId, useState } from 'react';
import { managerRupeesSchema } from '@domain/api-schemas';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { useSetManagerRevenue } from '../api/set-manager-revenue';

type ParsedRupees = { ok: true; rupees: number } | { ok: false; message: string };

/** What a person types, `1,25,000.50` or `₹ 5000` included, read as rupees or refused with the reason. */
export function parseRupeesInput(text: string): ParsedRupees {
  const bare = text.replace(/[₹,\s]/g, '');
  const rupees = bare === '' || !/^-?(\d+\.?\d*|\.\d+)$/.test(bare) ? Number.NaN : Number(bare);
  const checked = managerRupeesSchema.safeParse(rupees);
  if (checked.success) return { ok: true, rupees: checked.data };
  return { ok: false, message: checked.error.issues[0]?.message ?? 'Enter the revenue in rupees, as a number.' };
}

/** `managerRupees`: the figure a manager entered earlier (null when the report's revenue is not a manager's). */
export function ManagerRevenueEditor({ campaignId, managerRupees }: { campaignId: string; managerRupees: number | null }) {
  const inputId = useId();
  const errorId = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const save = useSetManagerRevenue(campaignId);

  if (!open) {
    return (
      <Button
        onClick={() => {
          setText(managerRupees === null ? '' : String(managerRupees));
          setInvalid(null);
          save.reset();
          setOpen(true);
        }}
      >
        {managerRupees === null ? 'Enter revenue' : 'Edit revenue'}
      </Button>
    );
  }

  const submit = (rupees: number | null) => save.mutate(rupees, { onSuccess: () => setOpen(false) });
  return (
    <form
      aria-label="Campaign revenue"
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = parseRupeesInput(text);
        setInvalid(parsed.ok ? null : parsed.message);
        if (parsed.ok) submit(parsed.rupees);
      }}
    >
      <p className="text-slate-600">A figure entered here is used instead of the contact sheet’s revenue column.</p>
      <div className="flex flex-wrap items-end gap-2">
        <label htmlFor={inputId} className="flex flex-col">
          Revenue in rupees
          <input
            id={inputId}
            inputMode="decimal"
            autoComplete="off"
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-invalid={invalid !== null}
            aria-describedby={invalid === null ? undefined : errorId}
            className="mt-1 min-h-11 rounded border border-slate-300 px-2 sm:min-h-0"
          />
        </label>
        <Button type="submit" disabled={save.isPending}>{save.isPending ? 'Saving…' : 'Save'}</Button>
        {managerRupees === null ? null : (
          <Button disabled={save.isPending} onClick={() => submit(null)}>
            Clear
          </Button>
        )}
        <Button disabled={save.isPending} onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
      {invalid === null ? null : (
        <p id={errorId} role="alert" className="text-red-800">
          {invalid}
        </p>
      )}
      {save.isError ? (
        <Notice tone="error" role="alert">The revenue was not saved: {save.error.message}</Notice>
      ) : null}
    </form>
  );
}
