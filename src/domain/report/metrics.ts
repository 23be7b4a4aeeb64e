// The seven campaign metrics, each with the formula shown beside it and a verdict against the reporting guide's healthy range.
import type { Metric, Metrics, Stats } from '../api-schemas';
import type { CallScan } from './call-scan';
import { verdictFor, type HealthyRange } from './verdict';

/** Healthy ranges from the reporting guide (docs/reporting-guide.md, "Key metrics and healthy ranges"). */
export const HEALTHY_RANGES = {
  connectRate: { min: 0.4, max: 0.7 },
  answerRate: { min: 0.5, max: 0.8 },
  failureRate: { max: 0.15 },
  retrySuccessRate: { min: 0.2, max: 0.4 },
} as const satisfies Record<string, HealthyRange>;

const ratio = (numerator: number, denominator: number): number | null => (denominator > 0 ? numerator / denominator : null);

function metric(label: string, unit: Metric['unit'], value: number | null, formula: string, range?: HealthyRange): Metric {
  const shown: Metric = { label, unit, value, verdict: verdictFor(value, range), formula };
  if (range !== undefined) shown.range = { ...range };
  return shown;
}

/**
 * Rates over contacts use the reconciled stats (what the user sees in the counts). Per-call metrics (duration,
 * cost, attempts) take numerator and denominator from the same call records, so a sync still in progress does not
 * divide a partial sum by a complete count.
 */
export function buildMetrics(stats: Stats, scan: CallScan): Metrics {
  return {
    connectRate: metric('Connect rate', 'fraction', ratio(stats.completed, stats.created), 'completed / created', HEALTHY_RANGES.connectRate),
    answerRate: metric(
      'Answer rate',
      'fraction',
      ratio(stats.completed, stats.completed + stats.noAnswer + stats.busy),
      'completed / (completed + no answer + busy)',
      HEALTHY_RANGES.answerRate,
    ),
    failureRate: metric('Failure rate', 'fraction', ratio(stats.failed, stats.created), 'failed / created', HEALTHY_RANGES.failureRate),
    retrySuccessRate: metric(
      'Retry success rate',
      'fraction',
      ratio(scan.contactsConnectedOnRetry, scan.contactsRetried),
      'contacts connected on a retry / contacts retried',
      HEALTHY_RANGES.retrySuccessRate,
    ),
    avgDurationSec: metric(
      'Average call duration',
      'seconds',
      ratio(scan.completedDurationSec, scan.completedCallsWithDuration),
      'sum of durations of completed calls / completed calls',
    ),
    costPerConnect: metric(
      'Cost per connected contact',
      'pulses',
      scan.pricedCalls > 0 ? ratio(scan.totalPrice, scan.completedCalls) : null,
      'total price of all attempts (pulses) / completed calls',
    ),
    avgAttemptsToConnect: metric(
      'Average attempts to connect',
      'attempts',
      ratio(scan.completedAttemptSum, scan.completedCalls),
      'sum of attempt numbers of completed calls / completed calls',
    ),
  };
}
