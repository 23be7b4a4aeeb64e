// One contact's call history, opened from the contact list: every attempt in order with its outcome, duration,
// price and recording link, and the reminder that Exotel keeps recordings for about 90 days (older links are marked).
import { useQuery } from '@tanstack/react-query';
import { RECORDING_RETENTION_DAYS, type ContactCall } from '@domain/api-schemas';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { attemptLabel, formatDateTime, formatDuration } from '@/lib/format';
import { contactStatusConfig } from '@/lib/status-vocabulary';
import { contactCallsQueries } from '../api/get-contact-calls';

function RecordingCell({ call }: { call: ContactCall }) {
  if (call.recordingUrl === null) return <span className="text-slate-500">None</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <a href={call.recordingUrl} target="_blank" rel="noreferrer noopener" className="text-blue-800 underline">
        Recording of attempt {call.attempt}
      </a>
      {call.recordingLikelyExpired ? <span className="text-amber-800">likely expired (older than {RECORDING_RETENTION_DAYS} days)</span> : null}
    </span>
  );
}

export function ContactHistory({ campaignId, number, timeZone, onClose }: {
  campaignId: string;
  number: string;
  timeZone: string;
  onClose: () => void;
}) {
  const history = useQuery(contactCallsQueries.calls(campaignId, number));
  const calls = history.data?.calls ?? [];
  const expired = calls.filter((call) => call.recordingLikelyExpired).length;
  return (
    <section aria-label={`Call history of ${number}`} className="space-y-3 rounded-lg border border-slate-300 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-base font-semibold">
          Call history of <span className="font-mono">{number}</span>
        </h3>
        <Button onClick={onClose}>Close history</Button>
      </div>
      {history.isPending ? (
        <p role="status">Loading the calls…</p>
      ) : history.isError && !history.data ? (
        <Notice tone="error" role="alert">Could not load the calls: {history.error.message}</Notice>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            Exotel keeps call recordings for about {RECORDING_RETENTION_DAYS} days: older links most likely no longer play.
            {expired > 0 ? ` ${expired} of these recordings ${expired === 1 ? 'is' : 'are'} past that.` : ''}
          </p>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Every call attempt to {number}</caption>
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-1 pr-3">Attempt</th>
                <th scope="col" className="py-1 pr-3">Status</th>
                <th scope="col" className="py-1 pr-3">Started</th>
                <th scope="col" className="py-1 pr-3">Duration</th>
                <th scope="col" className="py-1 pr-3">Price</th>
                <th scope="col" className="py-1">Recording</th>
              </tr>
            </thead>
            <tbody>
              {calls.map((call) => (
                <tr key={call.callSid} className="border-b border-slate-100">
                  <td className="py-1 pr-3">{attemptLabel(call.attempt)}</td>
                  <td className="py-1 pr-3">{contactStatusConfig[call.status].label}</td>
                  <td className="py-1 pr-3">{formatDateTime(call.startTime, timeZone)}</td>
                  <td className="py-1 pr-3">{formatDuration(call.durationSec)}</td>
                  <td className="py-1 pr-3">{call.price === null ? '—' : call.price.toFixed(2)}</td>
                  <td className="py-1"><RecordingCell call={call} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
