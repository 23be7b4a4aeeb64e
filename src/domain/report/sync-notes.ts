// Plain sentences that tell the user how complete the report's data is: sync progress, records that could not be
// read, and webhook coverage.
import type { ReportSyncState } from '../report-input';
import { formatCount, formatWholePercent } from './format';

/** Webhook coverage is judged only once sync has confirmed this many calls. */
export const WEBHOOK_COVERAGE_MIN_CALLS = 20;
/** Missing webhooks for at least this share of synced calls is worth a note. */
export const WEBHOOK_MISSING_SHARE = 0.05;

export function syncNotes(sync: ReportSyncState, callsStored: number, campaignActive: boolean): string[] {
  const notes: string[] = [];
  if (sync.callsExpected !== null && sync.callsSynced < sync.callsExpected) {
    notes.push(`${formatCount(sync.callsSynced)} of ${formatCount(sync.callsExpected)} call records synced.`);
  }
  const unreadable = sync.unreadableRecords ?? 0;
  if (unreadable > 0) {
    const records = unreadable === 1 ? '1 call record' : `${formatCount(unreadable)} call records`;
    notes.push(
      `Exotel sent ${records} for this campaign that could not be read, so ${unreadable === 1 ? 'it is' : 'they are'} left out. ` +
        `Counts worked out from call records (such as busy, no answer and attempts) may be off by up to ${formatCount(unreadable)}.`,
    );
  }
  if (sync.lastWebhookAt === null) {
    // A finished campaign has nothing left to announce: the note matters only while calls can still happen.
    if (callsStored > 0 && campaignActive) {
      notes.push(
        'Live updates are off for this campaign: Exotel is not sending call updates to callboard, so the numbers ' +
          'refresh every 30 s. Ask your callboard admin to set up the callback URLs in Exotel.',
      );
    }
  } else if (sync.callsFromSync >= WEBHOOK_COVERAGE_MIN_CALLS) {
    const missing = sync.callsWithoutWebhook / sync.callsFromSync;
    if (missing >= WEBHOOK_MISSING_SHARE) {
      notes.push(
        `Exotel did not report ${formatWholePercent(Math.min(1, missing))} of calls as they happened; they arrived later, ` +
          'so some numbers lag by up to a minute. Ask your callboard admin to check the callback URLs in Exotel.',
      );
    }
  }
  return notes;
}
