// One metric: its value, the healthy range, a verdict in colour AND words, and the formula on hover or focus.
import { useId, useState } from 'react';
import type { Metric, Verdict } from '@domain/api-schemas';
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

export const VERDICT_TEXT: Record<Verdict, { icon: string; text: string; className: string }> = {
  good: { icon: '✓', text: 'Healthy', className: 'border-verdict-good bg-verdict-good-soft text-verdict-good' },
  watch: { icon: '!', text: 'Watch', className: 'border-verdict-watch bg-verdict-watch-soft text-verdict-watch' },
  bad: { icon: '✕', text: 'Out of range', className: 'border-verdict-bad bg-verdict-bad-soft text-verdict-bad' },
  unknown: { icon: '?', text: 'No data yet', className: 'border-verdict-unknown bg-verdict-unknown-soft text-verdict-unknown' },
};

/** A metric with a value but no healthy range (the reporting guide gives none: it varies by use case) is shown as such. */
const NO_RANGE = { icon: '–', text: 'No healthy range', className: VERDICT_TEXT.unknown.className };

export function verdictDisplay(metric: Pick<Metric, 'verdict' | 'value'>): { icon: string; text: string; className: string } {
  return metric.verdict === 'unknown' && metric.value !== null ? NO_RANGE : VERDICT_TEXT[metric.verdict];
}

export function MetricTile({ name, metric }: { name: string; metric: Metric }) {
  const formulaId = useId();
  const [showFormula, setShowFormula] = useState(false);
  const verdict = verdictDisplay(metric);
  const range = formatRange(metric);
  return (
    <div
      tabIndex={0}
      role="group"
      aria-label={metric.label}
      aria-describedby={formulaId}
      data-metric={name}
      data-verdict={metric.verdict}
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
