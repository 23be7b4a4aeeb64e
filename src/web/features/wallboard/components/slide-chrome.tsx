// A slide's freshness frame and top line. The only part of a slide that moves with the clock (freshness is
// re-judged every 5 s, the clock ticks every second inside the header), so the figures below never re-render on a
// tick, only when their data changes.
import { memo } from 'react';
import { useNow } from '@/lib/use-now';
import { freshnessOf, isLive } from '../wallboard-figures';
import { WallboardHeader } from './wallboard-header';

/** Freshness moves in steps of seconds; five is fine-grained enough for a 2-minute threshold. */
const FRESHNESS_EVERY_MS = 5_000;

interface Props {
  title: string;
  state?: string;
  /** When the numbers on screen were true; null while the slide waits for its first numbers. */
  asOfMs: number | null;
  dialling: boolean;
  streamConnected: boolean;
}

export const SlideChrome = memo(function SlideChrome({ title, state, asOfMs, dialling, streamConnected }: Props) {
  const now = useNow(FRESHNESS_EVERY_MS);
  const freshness = asOfMs === null ? 'fresh' : freshnessOf(asOfMs, now);
  return (
    <>
      <div className="wb-frame" data-freshness={freshness} data-testid="wallboard-frame" />
      <WallboardHeader title={title} state={state} live={asOfMs !== null && isLive(dialling, streamConnected, freshness)} asOfMs={asOfMs} freshness={freshness} />
    </>
  );
});
