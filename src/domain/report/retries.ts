// Retry effectiveness (the reporting guide's table): for each attempt k, the contacts that reached it and how many of them it
// connected, flagged when a retry connects under 10%, with advice on number_of_retries and interval_mins.
import type { Retries, RetryRow } from '../api-schemas';
import type { CallScan } from './call-scan';
import { formatWholePercent } from './format';

/** A retry connecting fewer than this share of the contacts it calls is not paying for itself (reporting guide). */
export const RETRY_FLAG_RATE = 0.1;

export function buildRetries(scan: CallScan): Retries {
  const rows: RetryRow[] = scan.contactsReachingAttempt.map((contacts, i) => {
    const connected = Math.min(scan.connectedAtAttempt[i] ?? 0, contacts);
    const rate = contacts > 0 ? connected / contacts : 0;
    const attempt = i + 1;
    return { attempt, contacts, connected, rate, flagged: attempt >= 2 && contacts > 0 && rate < RETRY_FLAG_RATE };
  });
  const contacts = scan.records.contacts;
  const connected = scan.contactsConnected;
  return {
    rows,
    total: { contacts, connected, rate: contacts > 0 ? connected / contacts : 0 },
    advice: retryAdvice(rows),
  };
}

function retryAdvice(rows: readonly RetryRow[]): string | null {
  const flagged = rows.filter((row) => row.flagged);
  if (flagged.length === 0) return null;
  const which = flagged.map((row) => `retry ${row.attempt - 1} (attempt ${row.attempt}) connects ${formatWholePercent(row.rate)}`).join(', ');
  return (
    `Some retries connect under ${formatWholePercent(RETRY_FLAG_RATE)} of the contacts they call: ${which}. ` +
    'Reduce number_of_retries, or increase interval_mins to space retries further apart.'
  );
}
