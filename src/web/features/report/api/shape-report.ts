// Shapes a report for the screen (the `select` of the report query): chart-ready arrays, at most ~300 points each.
import type { BreakdownStatus, Report } from '@domain/api-schemas';
import { formatTime } from '@/lib/format';
import { CONTACT_STATUS_ORDER, contactStatusConfig } from '@/lib/status-vocabulary';

export const MAX_CHART_POINTS = 300;

export interface StatusSlice {
  status: BreakdownStatus;
  label: string;
  count: number;
  share: number;
}

export interface TimelinePoint {
  label: string;
  completed: number;
  busy: number;
  noAnswer: number;
  failed: number;
  canceled: number;
}

export interface HourBar {
  hour: number;
  label: string;
  /** Connect rate as a percentage 0..100, for the bar's height. */
  ratePercent: number;
  attempts: number;
  connected: number;
}

export interface ShapedReport {
  report: Report;
  statusSlices: StatusSlice[];
  timeline: TimelinePoint[];
  /** Minutes each timeline point covers, so the chart can say calls per minute whatever the bucket. */
  minutesPerPoint: number;
  hours: HourBar[];
}

export function toStatusSlices(breakdown: Report['breakdown']): StatusSlice[] {
  return breakdown
    .filter((row) => row.count > 0)
    .sort((a, b) => CONTACT_STATUS_ORDER.indexOf(a.status) - CONTACT_STATUS_ORDER.indexOf(b.status))
    .map((row) => ({ status: row.status, label: contactStatusConfig[row.status].label, count: row.count, share: row.share }));
}

/** Merges neighbouring buckets until at most `maxPoints` remain, so a long campaign never draws thousands of bars. */
export function toTimelinePoints(timeline: Report['timeline'], timeZone: string, maxPoints = MAX_CHART_POINTS): TimelinePoint[] {
  const { buckets } = timeline;
  const per = Math.max(1, Math.ceil(buckets.length / maxPoints));
  const points: TimelinePoint[] = [];
  for (let start = 0; start < buckets.length; start += per) {
    const group = buckets.slice(start, start + per);
    const first = group[0];
    if (!first) continue;
    const point: TimelinePoint = { label: formatTime(first.start, timeZone), completed: 0, busy: 0, noAnswer: 0, failed: 0, canceled: 0 };
    for (const bucket of group) {
      point.completed += bucket.completed;
      point.busy += bucket.busy;
      point.noAnswer += bucket.noAnswer;
      point.failed += bucket.failed;
      point.canceled += bucket.canceled;
    }
    points.push(point);
  }
  return points;
}

/** The minutes one point of toTimelinePoints covers (buckets merged to stay under maxPoints). */
export function minutesPerTimelinePoint(timeline: Report['timeline'], maxPoints = MAX_CHART_POINTS): number {
  return (timeline.bucketSec * Math.max(1, Math.ceil(timeline.buckets.length / maxPoints))) / 60;
}

export function toHourBars(bestTime: Omit<Report['bestTime'], 'byDayHour'>): HourBar[] {
  return bestTime.hours
    .filter((hour) => hour.attempts > 0)
    .sort((a, b) => a.hour - b.hour)
    .map((hour) => ({
      hour: hour.hour,
      label: String(hour.hour).padStart(2, '0'),
      ratePercent: Math.round(hour.rate * 1000) / 10,
      attempts: hour.attempts,
      connected: hour.connected,
    }));
}

export function shapeReport(report: Report): ShapedReport {
  return {
    report,
    statusSlices: toStatusSlices(report.breakdown),
    timeline: toTimelinePoints(report.timeline, report.campaign.timeZone),
    minutesPerPoint: minutesPerTimelinePoint(report.timeline),
    hours: toHourBars(report.bestTime),
  };
}
