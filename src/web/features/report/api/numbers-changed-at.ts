// When the numbers on screen last changed. A refetch that brings the same numbers (a 304, or only a newer poll time)
// must not make the report look fresher than it is, so the time moves only when what the tiles, charts and tables
// show is different from what was shown before.
import { useState } from 'react';
import type { Report } from '@domain/api-schemas';

/** Everything the report shows as numbers; the sync times and `generatedAt` are left out on purpose. */
export function numbersSignature(report: Report): string {
  const { stats, metrics, breakdown, retries, timeline, bestTime, campaign } = report;
  return JSON.stringify([campaign.status, stats, metrics, breakdown, retries, timeline, bestTime]);
}

/** The time (ms) of the read that brought the numbers now shown: React Query's dataUpdatedAt of their first read. */
export function useNumbersChangedAt(report: Report, dataUpdatedAt: number): number {
  const signature = numbersSignature(report);
  const [changed, setChanged] = useState({ signature, at: dataUpdatedAt });
  // Adjusting state while rendering (React's pattern for "state derived from a changing prop").
  if (changed.signature !== signature) {
    setChanged({ signature, at: dataUpdatedAt });
    return dataUpdatedAt;
  }
  return changed.at;
}
