// What an uploaded contact sheet adds to a report: revenue attributed to the campaign's contacts and the per-tag
// rows (contacts, connected, connect and answer rate, average attempts). Runs only when a sheet was uploaded.
import type { TagRow } from '../api-schemas';
import type { ReportCall } from '../report-input';
import type { CampaignRevenue } from './business';

/** One uploaded contact, as the report needs it (the contact metadata store's rows). */
export interface ContactMetadataForReport {
  number: string;
  tags: readonly string[];
  revenue: number | null;
}

/**
 * Numbers from the sheet and from Exotel are matched on their last 10 digits (an Indian number without 0 or +91).
 * The exports code's number key should replace this once both are merged.
 */
export function numberMatchKey(number: string): string {
  const digits = number.replace(/\D/g, '');
  return digits.length > 10 ? digits.slice(-10) : digits;
}

interface Outcome {
  attempts: number;
  connected: boolean;
  lastAt: number;
  lastStatus: ReportCall['status'];
}

function outcomesByNumber(calls: readonly ReportCall[]): Map<string, Outcome> {
  const outcomes = new Map<string, Outcome>();
  for (const call of calls) {
    const key = numberMatchKey(call.number);
    const seen = outcomes.get(key);
    if (seen === undefined) {
      outcomes.set(key, { attempts: 1, connected: call.status === 'completed', lastAt: call.at, lastStatus: call.status });
      continue;
    }
    seen.attempts++;
    if (call.status === 'completed') seen.connected = true;
    if (call.at >= seen.lastAt) {
      seen.lastAt = call.at;
      seen.lastStatus = call.status;
    }
  }
  return outcomes;
}

/** The sum of the sheet's revenue column; null when no contact has a revenue. */
export function revenueFromMetadata(contacts: readonly ContactMetadataForReport[]): CampaignRevenue | null {
  let rupees = 0;
  let any = false;
  for (const contact of contacts) {
    if (contact.revenue === null || !Number.isFinite(contact.revenue)) continue;
    rupees += contact.revenue;
    any = true;
  }
  return any ? { rupees, source: 'metadata' } : null;
}

/**
 * Per tag: contacts carrying it; connected = of those, answered on some attempt; connect rate = connected / contacts;
 * answer rate = connected / contacts whose last call was answered, busy or not answered; average attempts over the
 * contacts dialled. Sorted by contacts, most first.
 */
export function buildTagRows(contacts: readonly ContactMetadataForReport[], calls: readonly ReportCall[]): TagRow[] {
  if (contacts.length === 0) return [];
  const outcomes = outcomesByNumber(calls);
  const byTag = new Map<string, { contacts: number; connected: number; answerable: number; dialled: number; attempts: number }>();
  for (const contact of contacts) {
    const outcome = outcomes.get(numberMatchKey(contact.number));
    for (const tag of new Set(contact.tags)) {
      let row = byTag.get(tag);
      if (row === undefined) {
        row = { contacts: 0, connected: 0, answerable: 0, dialled: 0, attempts: 0 };
        byTag.set(tag, row);
      }
      row.contacts++;
      if (outcome === undefined) continue;
      row.dialled++;
      row.attempts += outcome.attempts;
      if (outcome.connected) row.connected++;
      if (outcome.connected || outcome.lastStatus === 'busy' || outcome.lastStatus === 'no-answer') row.answerable++;
    }
  }
  return [...byTag.entries()]
    .map(([tag, row]) => ({
      tag,
      contacts: row.contacts,
      connected: row.connected,
      connectRate: row.contacts > 0 ? row.connected / row.contacts : null,
      answerRate: row.answerable > 0 ? row.connected / row.answerable : null,
      avgAttempts: row.dialled > 0 ? row.attempts / row.dialled : null,
    }))
    .sort((a, b) => b.contacts - a.contacts || a.tag.localeCompare(b.tag));
}
