// One metric: its value, the healthy range, a verdict in colour AND words, and the formula on hover or focus.
import { useId, useState } from 'react';
import type { Benchmark, Metric } from '@domain/api-schemas';
import { readVerdict, VERDICT_READING_TEXT, type VerdictReading } from '@domain/report/verdict-reading';
import { cn } from '@/lib/cn';
import { formatDecimal, formatDuration, formatPercent } from '@/lib/format';

export function formatMetricValue(metric: Pick<Metric, 'unit' | 'value'>): string {
  if (metric.value === null) return '—';
  switch (metric.unit) {
    case 'fraction':
      return formatPercent(metric.value);
    case 'seconds':
      return formatDuration(metric.value);
    case 'pulses':
      return `${formatDecimal(metric.value)} pulses`;
    case 'attempts':
      return formatDecimal(metric.value);
  }
}

export function formatRange(metric: Pick<Metric, 'unit' | 'range'>): string | null {
  const range = metric.range;
  if (!range || (range.min === undefined && range.max === undefined)) return null;
  const show = (value: number) => formatMetricValue({ unit: metric.unit, value });
  if (range.min !== undefined && range.max !== undefined) return `Healthy ${show(range.min)}–${show(range.max)}`;
  if (range.max !== undefined) return `Healthy below ${show(range.max)}`;
  return `Healthy above ${show(range.min ?? 0)}`;
}

const GOOD = 'border-verdict-good bg-verdict-good-soft text-verdict-good';
const WATCH = 'border-verdict-watch bg-verdict-watch-soft text-verdict-watch';
const BAD = 'border-verdict-bad bg-verdict-bad-soft text-verdict-bad';
const UNKNOWN = 'border-verdict-unknown bg-verdict-unknown-soft text-verdict-unknown';

/** Icon and colour of each reading; the words come from the domain (verdict-reading.ts), so every screen says the same. */
const READING_LOOK: Record<VerdictReading, { icon: string; className: string }> = {
  healthy: { icon: '✓', className: GOOD },
  'above-range': { icon: '↑', className: GOOD },
  watch: { icon: '!', className: WATCH },
  'out-of-range': { icon: '✕', className: BAD },
  'too-early': { icon: '…', className: UNKNOWN },
  'no-data': { icon: '?', className: UNKNOWN },
  'no-range': { icon: '–', className: UNKNOWN },
};

export function verdictDisplay(metric: Pick<Metric, 'verdict' | 'value' | 'range'>): { icon: string; text: string; className: string } {
  const reading = readVerdict(metric);
  return { ...READING_LOOK[reading], text: VERDICT_READING_TEXT[reading] };
}

/** "Your usual: 52%": the median of the account's own finished campaigns of the last 90 days. */
export function formatBenchmark(metric: Pick<Metric, 'unit'>, benchmark: Benchmark | undefined): string | null {
  if (!benchmark || benchmark.median === null) return null;
  const campaigns = `${benchmark.campaigns} finished ${benchmark.campaigns === 1 ? 'campaign' : 'campaigns'}`;
  return `Your usual: ${formatMetricValue({ unit: metric.unit, value: benchmark.median })} (median of ${campaigns}, 90 days)`;
}

export function MetricTile({ name, metric, benchmark }: { name: string; metric: Metric; benchmark?: Benchmark }) {
  const formulaId = useId();
  const [showFormula, setShowFormula] = useState(false);
  const verdict = verdictDisplay(metric);
  const range = formatRange(metric);
  const usual = formatBenchmark(metric, benchmark);
  return (
    <div
      tabIndex={0}
      role="group"
      aria-label={metric.label}
      aria-describedby={formulaId}
      data-metric={name}
      data-verdict={metric.verdict}
      data-basis={metric.basis}
      onFocus={() => setShowFormula(true)}
      onBlur={() => setShowFormula(false)}
      onMouseEnter={() => setShowFormula(true)}
      onMouseLeave={() => setShowFormula(false)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') setShowFormula(false);
      }}
      className={cn('relative rounded-lg border-l-4 border bg-white p-3 shadow-sm outline-offset-2 focus-visible:outline-2 focus-visible:outline-blue-700', verdict.className.split(' ')[0])}
    >
      <p className="text-xs font-medium uppercase tracking-wide text-slate-600">{metric.label}</p>
      <p className="mt-1 text-2xl font-semibold text-slate-900">{formatMetricValue(metric)}</p>
      <p className="mt-1 flex flex-wrap items-center gap-2 text-xs">
        <span className={cn('inline-flex items-center gap-1 rounded-full border px-2 py-0.5 font-semibold', verdict.className)}>
          <span aria-hidden="true">{verdict.icon}</span>
          {verdict.text}
        </span>
        {range ? <span className="text-slate-600">{range}</span> : null}
      </p>
      {usual ? <p className="mt-1 text-xs text-slate-600">{usual}</p> : null}
      <div
        id={formulaId}
        role="tooltip"
        hidden={!showFormula}
        className="absolute left-2 right-2 top-full z-10 mt-1 rounded bg-slate-900 p-2 text-xs text-white shadow-lg"
      >
        {metric.formula}
      </div>
    </div>
  );
}
