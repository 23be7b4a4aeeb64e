// Best time to call, in words: the hour with the highest connect rate, in the campaign's time zone.
import type { BestTime } from '@domain/api-schemas';
import { formatHour, formatPercent } from '@/lib/format';

export function BestTimeText({ bestTime }: { bestTime: BestTime }) {
  const best = bestTime.hours.find((hour) => hour.hour === bestTime.bestHour);
  if (bestTime.bestHour === null || !best) return <p className="text-sm text-slate-600">Not enough calls yet to find the best hour.</p>;
  return (
    <p className="text-sm">
      Best time to call: <strong>{formatHour(bestTime.bestHour)}</strong> ({bestTime.timeZone}), connect rate {formatPercent(best.rate)} over{' '}
      {best.attempts.toLocaleString('en-IN')} calls.
    </p>
  );
}
