// The report's charts, in their own lazy chunk (recharts is ~100 KB gzip): tiles and tables render without it.
// Each chart gets plain shaped arrays, a fixed-size box, no animation, and a text label for screen readers.
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ContactStatus } from '@domain/status-labels';
import type { HourBar, StatusSlice, TimelinePoint } from '../api/shape-report';
import { formatCount, formatPercent } from '@/lib/format';
import { CONTACT_STATUS_ORDER, contactStatusConfig } from '@/lib/status-vocabulary';

export const CHART_HEIGHT = 260;

const MIN_LABELLED_SHARE = 0.03;

export function StatusPieChart({ slices }: { slices: StatusSlice[] }) {
  const summary = slices.map((slice) => `${slice.label} ${formatCount(slice.count)} (${formatPercent(slice.share)})`).join(', ');
  return (
    <figure role="img" aria-label={`Contacts by final status: ${summary}`} className="m-0" style={{ height: CHART_HEIGHT }}>
      <ResponsiveContainer width="100%" height={CHART_HEIGHT} initialDimension={{ width: 320, height: CHART_HEIGHT }}>
        <PieChart>
          <Pie
            data={slices}
            dataKey="count"
            nameKey="label"
            innerRadius="45%"
            outerRadius="80%"
            isAnimationActive={false}
            // Slivers under 3% get no label of their own: their labels would pile up; the legend and table carry them.
            label={({ payload }: { payload?: StatusSlice }) => (payload && payload.share >= MIN_LABELLED_SHARE ? formatPercent(payload.share) : '')}
            labelLine={false}
          >
            {slices.map((slice) => (
              <Cell key={slice.status} fill={contactStatusConfig[slice.status].color} />
            ))}
          </Pie>
          <Tooltip isAnimationActive={false} formatter={(value) => formatCount(Number(value))} />
          <Legend formatter={(label: string) => `${label} ${formatCount(slices.find((slice) => slice.label === label)?.count ?? 0)}`} />
        </PieChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** The status each series of the timeline counts; series are drawn in the vocabulary's order. */
const SERIES_OF_STATUS: Partial<Record<ContactStatus, keyof Omit<TimelinePoint, 'label'>>> = {
  completed: 'completed',
  failed: 'failed',
  busy: 'busy',
  'no-answer': 'noAnswer',
  canceled: 'canceled',
};
const OUTCOMES = CONTACT_STATUS_ORDER.flatMap((status) => {
  const key = SERIES_OF_STATUS[status];
  return key ? [{ key, ...contactStatusConfig[status] }] : [];
});

export function ThroughputChart({ points, bucketLabel, minutesPerPoint }: { points: TimelinePoint[]; bucketLabel: string; minutesPerPoint: number }) {
  const totals = OUTCOMES.map((outcome) => `${outcome.label} ${formatCount(points.reduce((sum, point) => sum + point[outcome.key], 0))}`).join(', ');
  // The axis reads calls per minute whatever the bucket, so a 5-minute and an hourly chart compare at a glance.
  const perMinute = (value: number) => value / minutesPerPoint;
  const formatRate = (value: number) => (value >= 10 ? formatCount(value) : value.toLocaleString('en-IN', { maximumFractionDigits: 1 }));
  return (
    <figure role="img" aria-label={`Calls ended per minute (averaged per ${bucketLabel}), by outcome, over ${points.length} periods: ${totals}`} className="m-0" style={{ height: CHART_HEIGHT }}>
      <ResponsiveContainer width="100%" height={CHART_HEIGHT} initialDimension={{ width: 320, height: CHART_HEIGHT }}>
        <AreaChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" minTickGap={24} fontSize={12} />
          <YAxis
            width={52}
            fontSize={12}
            tickFormatter={formatRate}
            label={{ value: 'calls per minute', angle: -90, position: 'insideLeft', fontSize: 11, dy: 40 }}
          />
          <Tooltip isAnimationActive={false} formatter={(value) => `${formatRate(Number(value))} per minute`} />
          <Legend />
          {OUTCOMES.map((outcome) => (
            <Area
              key={outcome.key}
              type="monotone"
              dataKey={(point: TimelinePoint) => perMinute(point[outcome.key])}
              name={outcome.label}
              stackId="outcomes"
              stroke={outcome.color}
              fill={outcome.color}
              fillOpacity={0.7}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </figure>
  );
}

export function BestTimeChart({ hours, timeZone }: { hours: HourBar[]; timeZone: string }) {
  const summary = hours.map((hour) => `${hour.label}:00 ${hour.ratePercent}%`).join(', ');
  return (
    <figure role="img" aria-label={`Connect rate by hour of day (${timeZone}): ${summary}`} className="m-0" style={{ height: CHART_HEIGHT }}>
      <ResponsiveContainer width="100%" height={CHART_HEIGHT} initialDimension={{ width: 320, height: CHART_HEIGHT }}>
        <BarChart data={hours} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" fontSize={12} />
          <YAxis unit="%" domain={[0, 100]} width={44} fontSize={12} />
          <Tooltip isAnimationActive={false} formatter={(value) => `${String(value)}%`} />
          <Bar dataKey="ratePercent" name="Connect rate" fill={contactStatusConfig.completed.color} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
