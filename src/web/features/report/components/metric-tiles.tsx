// The seven metrics of the reporting guide (docs/reporting-guide.md), each with its verdict and formula.
import { METRIC_NAMES, type Benchmarks, type Metrics } from '@domain/api-schemas';
import { MetricTile } from './metric-tile';

export function MetricTiles({ metrics, benchmarks }: { metrics: Metrics; benchmarks?: Benchmarks }) {
  return (
    <div className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-4">
      {METRIC_NAMES.map((name) => (
        <MetricTile key={name} name={name} metric={metrics[name]} benchmark={benchmarks?.[name]} />
      ))}
    </div>
  );
}
