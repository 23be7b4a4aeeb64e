// How a metric's verdict reads in words, for every screen (report tiles, wallboard): one home for "above range",
// "too early to judge" and the rest, so a value over a higher-is-better range never reads "Healthy" beside "40%-70%".
import type { Metric } from '../api-schemas';

export const VERDICT_READINGS = ['healthy', 'above-range', 'watch', 'out-of-range', 'too-early', 'no-data', 'no-range'] as const;
export type VerdictReading = (typeof VERDICT_READINGS)[number];

export const VERDICT_READING_TEXT: Readonly<Record<VerdictReading, string>> = {
  healthy: 'Healthy',
  'above-range': 'Above range',
  watch: 'Watch',
  'out-of-range': 'Out of range',
  'too-early': 'Too early to judge',
  'no-data': 'No data yet',
  'no-range': 'No healthy range',
};

/** Rounding slack, so that a value exactly on the maximum (0.7) is still inside the range. */
const EPSILON = 1e-9;

export function readVerdict(metric: Pick<Metric, 'verdict' | 'value' | 'range'>): VerdictReading {
  switch (metric.verdict) {
    case 'good': {
      const range = metric.range;
      const higherIsBetter = range?.min !== undefined;
      return higherIsBetter && range?.max !== undefined && metric.value !== null && metric.value > range.max + EPSILON ? 'above-range' : 'healthy';
    }
    case 'watch':
      return 'watch';
    case 'bad':
      return 'out-of-range';
    case 'too-early':
      return 'too-early';
    case 'unknown':
      return metric.value === null ? 'no-data' : 'no-range';
  }
}
