// The seven campaign metrics, each with the formula shown beside it and a verdict against the reporting guide's healthy range.
import type { Metric, Metrics, Stats } from '../api-schemas';
import type { CallScan } from './call-scan';
import { finishedContacts, tooEarlyToJudge, type RateBasis } from './so-far';
import { verdictFor, type HealthyRange } from './verdict';

/** Healthy ranges from the reporting guide (docs/reporting-guide.md, "Key metrics and healthy ranges"). */
export const HEALTHY_RANGES = {
  connectRate: { min: 0.4, max: 0.7 },
  answerRate: { min: 0.5, max: 0.8 },
  failureRate: { max: 0.15 },
  retrySuccessRate: { min: 0.2, max: 0.4 },
} as const satisfies Record<string, HealthyRange>;

const ratio = (numerator: number, denominator: number): number | null => (denominator > 0 ? numerator / denominator : null);

interface MetricSpec {
  label: string;
  unit: Metric['unit'];
  value: number | null;
  formula: string;
  range?: HealthyRange;
  /** The count the value rests on, for the minimum sample of a running campaign. */
  sample: number;
}

function metricOf(spec: MetricSpec, basis: RateBasis): Metric {
  const { label, unit, value, formula, range, sample } = spec;
  const verdict = range !== undefined && value !== null && tooEarlyToJudge(basis, sample) ? 'too-early' : verdictFor(value, range);
  const shown: Metric = { label: basis === 'finished' ? `${label} so far` : label, unit, value, verdict, formula, basis };
  if (range !== undefined) shown.range = { ...range };
  return shown;
}

/**
 * Rates over contacts use the reconciled stats (what the user sees in the counts). Per-call metrics (duration,
 * cost, attempts) take numerator and denominator from the same call records, so a sync still in progress does not
 * divide a partial sum by a complete count. With `basis: 'finished'` (contacts still pending) connect and failure
 * rates divide by the contacts finished so far, and a rate resting on fewer than 100 contacts is `too-early`.
 */
export function buildMetrics(stats: Stats, scan: CallScan, basis: RateBasis = 'created'): Metrics {
  const contacts = basis === 'finished' ? finishedContacts(stats) : stats.created;
  const over = basis === 'finished' ? 'contacts finished so far (completed + failed + busy + no answer)' : 'created';
  const answered = stats.completed + stats.noAnswer + stats.busy;
  const build = (spec: MetricSpec): Metric => metricOf(spec, basis);
  return {
    connectRate: build({ label: 'Connect rate', unit: 'fraction', value: ratio(stats.completed, contacts), formula: `completed / ${over}`, range: HEALTHY_RANGES.connectRate, sample: contacts }),
    answerRate: build({
      label: 'Answer rate',
      unit: 'fraction',
      value: ratio(stats.completed, answered),
      formula: 'completed / (completed + no answer + busy)',
      range: HEALTHY_RANGES.answerRate,
      sample: answered,
    }),
    failureRate: build({ label: 'Failure rate', unit: 'fraction', value: ratio(stats.failed, contacts), formula: `failed / ${over}`, range: HEALTHY_RANGES.failureRate, sample: contacts }),
    retrySuccessRate: build({
      label: 'Retry success rate',
      unit: 'fraction',
      value: ratio(scan.contactsConnectedOnRetry, scan.contactsRetried),
      formula: 'contacts connected on a retry / contacts retried',
      range: HEALTHY_RANGES.retrySuccessRate,
      sample: scan.contactsRetried,
    }),
    avgDurationSec: build({
      label: 'Average call duration',
      unit: 'seconds',
      value: ratio(scan.completedDurationSec, scan.completedCallsWithDuration),
      formula: 'sum of durations of completed calls / completed calls',
      sample: scan.completedCallsWithDuration,
    }),
    costPerConnect: build({
      label: 'Cost per connected contact',
      unit: 'pulses',
      value: scan.pricedCalls > 0 ? ratio(scan.totalPrice, scan.completedCalls) : null,
      formula: 'total price of all attempts (pulses) / completed calls',
      sample: scan.completedCalls,
    }),
    avgAttemptsToConnect: build({
      label: 'Average attempts to connect',
      unit: 'attempts',
      value: ratio(scan.completedAttemptSum, scan.completedCalls),
      formula: 'sum of attempt numbers of completed calls / completed calls',
      sample: scan.completedCalls,
    }),
  };
}
