// The sentence the reporting guide writes under its retry table: what retries added, from the first attempt's
// connect rate to the total ("Retries added 375 connected contacts (60% -> 75%).").
import type { Retries } from '../api-schemas';
import { formatCount, formatWholePercent } from './format';

export function retrySummary(retries: Retries): string | null {
  const first = retries.rows[0];
  if (first === undefined || retries.rows.length < 2 || retries.total.contacts === 0) return null;
  const added = retries.total.connected - first.connected;
  const before = first.connected / retries.total.contacts;
  const contacts = added === 1 ? 'connected contact' : 'connected contacts';
  return `Retries added ${formatCount(added)} ${contacts} (${formatWholePercent(before)} -> ${formatWholePercent(retries.total.rate)}).`;
}
