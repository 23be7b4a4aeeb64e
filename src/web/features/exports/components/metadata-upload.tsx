// Uploading a contact sheet (CSV: number, name, email, tags, revenue, up to 20 more columns): the result says how
// many rows were applied and lists each rejected row by its line in the file, with the reason.
import { useId, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { formatCount } from '@/lib/format';
import { useUploadContactMetadata } from '../api/upload-contact-metadata';

const SHOWN_REJECTIONS = 50;

export function MetadataUpload({ campaignId }: { campaignId: string }) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const upload = useUploadContactMetadata(campaignId);
  const result = upload.data;

  return (
    <form
      aria-label="Upload contact details"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        const file = input.current?.files?.[0];
        if (file) upload.mutate(file);
      }}
    >
      <p>
        A CSV with a <code>number</code> column (any Indian form) and any of <code>name</code>, <code>email</code>,{' '}
        <code>tags</code> (separated by <code>;</code>), <code>revenue</code>, and up to 20 more columns. A new upload
        replaces the previous one; contacts not dialled yet are listed as pending.
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <label htmlFor={inputId} className="flex flex-col">
          Contact sheet (CSV)
          <input id={inputId} ref={input} type="file" accept=".csv,text/csv" className="mt-1 min-h-11 sm:min-h-0" />
        </label>
        <Button type="submit" disabled={upload.isPending}>{upload.isPending ? 'Uploading…' : 'Upload'}</Button>
      </div>
      {upload.isError ? (
        <Notice tone="error" role="alert">The sheet was not applied: {upload.error.message}</Notice>
      ) : null}
      {result ? (
        <div role="status" className="space-y-2">
          <p>
            {formatCount(result.applied)} {result.applied === 1 ? 'row' : 'rows'} applied
            {result.rejected.length > 0 ? `, ${formatCount(result.rejected.length)} rejected:` : ', none rejected.'}
          </p>
          {result.rejected.length > 0 ? (
            <table className="text-left">
              <caption className="sr-only">Rejected rows</caption>
              <thead>
                <tr>
                  <th scope="col" className="pr-4">Line</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {result.rejected.slice(0, SHOWN_REJECTIONS).map((rejection) => (
                  <tr key={rejection.row}>
                    <td className="pr-4">{rejection.row}</td>
                    <td>{rejection.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {result.rejected.length > SHOWN_REJECTIONS ? <p>…and {formatCount(result.rejected.length - SHOWN_REJECTIONS)} more.</p> : null}
        </div>
      ) : null}
    </form>
  );
}
