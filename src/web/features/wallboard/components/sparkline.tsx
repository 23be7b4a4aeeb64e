// A throughput sparkline: ended calls per timeline bucket as one SVG path, stretched to its box (no chart library,
// no resize observer: an update redraws one attribute).
import { memo } from 'react';

/** Memoised: its values keep their identity while unchanged (React Query's structural sharing). */
export const Sparkline = memo(function Sparkline({ values, label }: { values: readonly number[]; label: string }) {
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? 100 / (values.length - 1) : 100;
  const points = values.map((value, i) => `${(i * step).toFixed(2)},${(100 - (value / max) * 96 - 2).toFixed(2)}`);
  const line = points.length > 1 ? `M${points.join(' L')}` : '';
  return (
    <svg className="wb-spark" viewBox="0 0 100 100" preserveAspectRatio="none" role="img" aria-label={label}>
      {line ? <path d={`${line} L100,100 L0,100 Z`} fill="var(--wb-line)" opacity="0.25" /> : null}
      {line ? <path d={line} fill="none" stroke="var(--wb-line)" strokeWidth="3" vectorEffect="non-scaling-stroke" /> : null}
    </svg>
  );
});
