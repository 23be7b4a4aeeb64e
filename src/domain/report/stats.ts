// The seven counts, always complete: Exotel's stats where it gave them, counts derived from call records where it
// did not, and the fresher of the two where both exist. The output always keeps created = the sum of the others.
import type { Stats } from '../api-schemas';
import type { UpstreamStats } from '../campaign';
import type { RecordCounts } from './contact-outcome';
import { formatCount } from './format';

export interface ReconciledStats {
  stats: Stats;
  /** Plain sentences on where Exotel and the records disagree. */
  notes: string[];
}

export interface ReconcileContext {
  /** Call records stored so far (for the wording of notes). */
  callsStored: number;
  /** A finished campaign's numbers no longer move, so any disagreement is worth a note. */
  campaignActive: boolean;
}

/** A pending count off by more than this share of created (or 10 contacts) is noted. */
const PENDING_NOTE_SHARE = 0.05;

/**
 * - completed / failed / busy / noAnswer: the larger of Exotel's and the records' count. Both only grow while a
 *   campaign runs, so the larger is the fresher (a webhook's record moves the number before the next poll).
 * - created: Exotel's when given, never less than the contacts the records show.
 * - inProgress: Exotel's when given, else the records'.
 * - pending: whatever created leaves after the others. If the others add up to more than created (the two
 *   sources saw a contact at different moments, e.g. busy in one and completed in the other), the surplus is taken
 *   from the counts that are snapshots of contacts still moving (in progress, then no answer, then busy); only
 *   if completed + failed alone exceed created does created rise to match.
 */
export function reconcileStats(upstream: UpstreamStats, records: RecordCounts, context: ReconcileContext): ReconciledStats {
  const fresher = (exotel: number | undefined, fromRecords: number): number =>
    exotel === undefined ? fromRecords : Math.max(exotel, fromRecords);

  const completed = fresher(upstream.completed, records.completed);
  const failed = fresher(upstream.failed, records.failed);
  let busy = fresher(upstream.busy, records.busy);
  let noAnswer = fresher(upstream.noAnswer, records.noAnswer);
  let inProgress = upstream.inProgress ?? records.inProgress;
  let created = Math.max(upstream.created ?? records.contacts, records.contacts);

  let surplus = completed + failed + busy + noAnswer + inProgress - created;
  if (surplus > 0) {
    const take = (count: number): number => {
      const taken = Math.min(count, surplus);
      surplus -= taken;
      return count - taken;
    };
    inProgress = take(inProgress);
    noAnswer = take(noAnswer);
    busy = take(busy);
    created += surplus;
  }
  const pending = created - completed - failed - busy - noAnswer - inProgress;
  const stats: Stats = { created, completed, failed, pending, inProgress, busy, noAnswer };

  return { stats, notes: disagreementNotes(upstream, records, stats, context) };
}

function disagreementNotes(upstream: UpstreamStats, records: RecordCounts, stats: Stats, context: ReconcileContext): string[] {
  const notes: string[] = [];
  const one = context.callsStored === 1;
  const stored = `${formatCount(context.callsStored)} call ${one ? 'record' : 'records'}`;
  const show = one ? 'shows' : 'show';
  for (const [key, word] of [['completed', 'completed'], ['failed', 'failed']] as const) {
    const exotel = upstream[key];
    const fromRecords = records[key];
    if (exotel === undefined || exotel === fromRecords) continue;
    if (exotel > fromRecords) {
      notes.push(`Exotel counts ${formatCount(exotel)} ${word}; the ${stored} received so far ${show} ${formatCount(fromRecords)}.`);
    } else if (!context.campaignActive) {
      // While a campaign runs, records ahead of Exotel are just webhooks beating the next poll: not news.
      notes.push(`The ${stored} ${show} ${formatCount(fromRecords)} ${word}; Exotel counts ${formatCount(exotel)}.`);
    }
  }
  if (upstream.created !== undefined && records.contacts > upstream.created) {
    notes.push(`The call records name ${formatCount(records.contacts)} contacts, more than the ${formatCount(upstream.created)} Exotel says the campaign has.`);
  }
  if (upstream.pending !== undefined) {
    const tolerance = Math.max(10, stats.created * PENDING_NOTE_SHARE);
    if (Math.abs(upstream.pending - stats.pending) > tolerance) {
      notes.push(
        `Exotel says ${formatCount(upstream.pending)} contacts are still to be called; callboard counts ${formatCount(stats.pending)}. ` +
          'The difference usually settles within a few minutes; nothing to do unless it stays.',
      );
    }
  }
  return notes;
}
