// Your own benchmarks: beside the guide's healthy range, the median of each metric over the account's own finished
// campaigns of the last 90 days. Each campaign contributes a snapshot of its metric values (cheap to keep).
import { METRIC_NAMES, type Benchmarks, type MetricName, type Metrics } from '../api-schemas';

export const BENCHMARK_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;

/** One finished campaign's metric values, as the benchmarks need them. */
export interface CampaignSnapshot {
  campaignId: string;
  /** When the campaign finished (or, failing that, was created), epoch ms; null when unknown (left out). */
  finishedAtMs: number | null;
  values: Record<MetricName, number | null>;
}

export function metricValues(metrics: Metrics): Record<MetricName, number | null> {
  const values = {} as Record<MetricName, number | null>;
  for (const name of METRIC_NAMES) values[name] = metrics[name].value;
  return values;
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Snapshots inside the 90-day window before `nowMs`, the campaign being reported excluded (it is compared against the others). */
export function buildBenchmarks(snapshots: readonly CampaignSnapshot[], nowMs: number, excludeCampaignId: string): Benchmarks {
  const since = nowMs - BENCHMARK_WINDOW_DAYS * DAY_MS;
  const inWindow = snapshots.filter(
    (s) => s.campaignId !== excludeCampaignId && s.finishedAtMs !== null && s.finishedAtMs >= since && s.finishedAtMs <= nowMs,
  );
  const benchmarks = {} as Benchmarks;
  for (const name of METRIC_NAMES) {
    const values: number[] = [];
    for (const snapshot of inWindow) {
      const value = snapshot.values[name];
      if (value !== null && Number.isFinite(value)) values.push(value);
    }
    benchmarks[name] = { median: median(values), campaigns: values.length };
  }
  return benchmarks;
}
