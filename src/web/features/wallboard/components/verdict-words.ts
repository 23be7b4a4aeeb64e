// How a verdict reads on a wallboard tile (the tile's colour says the same from across the room).
import type { SoFarVerdict } from '@domain/report/so-far';

export const VERDICT_WORDS: Record<SoFarVerdict, string> = {
  good: 'Healthy',
  watch: 'Watch',
  bad: 'Out of range',
  unknown: 'No data yet',
  'too-early': 'Too early',
};

/** Only judged verdicts colour a tile; too early and unknown stay neutral. */
export function tileVerdict(verdict: SoFarVerdict): 'good' | 'watch' | 'bad' | undefined {
  return verdict === 'good' || verdict === 'watch' || verdict === 'bad' ? verdict : undefined;
}
