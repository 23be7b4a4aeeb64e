// A slide's top line: its title and state, "Live" when earned, the clock with "as of", and under it the red band
// once the numbers are more than 5 minutes old (the numbers stay on screen).
import { memo } from 'react';
import { useNow } from '@/lib/use-now';
import type { Freshness } from '../wallboard-figures';

const clockFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
const minuteFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false });

export const formatClock = (ms: number) => clockFormat.format(ms);
export const formatClockMinute = (ms: number) => minuteFormat.format(ms);

/** The ticking clock re-renders on its own, so the rest of the slide does not redraw every second. */
const Clock = memo(function Clock() {
  const now = useNow(1000);
  return <div className="wb-clock-time" data-testid="wallboard-clock">{formatClock(now)}</div>;
});

export function WallboardHeader({ title, state, live, asOfMs, freshness }: { title: string; state?: string; live: boolean; asOfMs: number | null; freshness: Freshness }) {
  return (
    <div className="wb-head">
      <div className="wb-header">
        <h1 className="wb-title">{title}</h1>
        {state ? <span className="wb-state">{state}</span> : null}
        {live ? (
          <span className="wb-live" data-testid="wallboard-live">
            <span aria-hidden="true" className="wb-live-dot live-dot" />
            Live
          </span>
        ) : null}
        <div className="wb-clock">
          <Clock />
          <div className="wb-asof" data-testid="wallboard-as-of">{asOfMs === null ? 'waiting for data' : `as of ${formatClock(asOfMs)}`}</div>
        </div>
      </div>
      {freshness === 'stale' && asOfMs !== null ? (
        <div className="wb-band" role="alert" data-testid="wallboard-stale-band">
          DATA STALE since {formatClockMinute(asOfMs)}
        </div>
      ) : null}
    </div>
  );
}
