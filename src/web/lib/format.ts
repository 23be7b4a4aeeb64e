// How numbers, rates, durations and times read for Indian users: 1,87,500 grouping, IST unless told otherwise.
export const DEFAULT_TIME_ZONE = 'Asia/Kolkata';

const percentFormat = new Intl.NumberFormat('en-IN', { style: 'percent', maximumFractionDigits: 1 });
const decimalFormat = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 2 });

// Counts read the same on screen and in the server's sentences: one implementation, in the domain.
export { formatCount } from '@domain/report/format';

/** A rate on screen: a fraction 0..1 as a percentage with one decimal, 0.1667 -> "16.7%" (prose rounds: formatWholePercent). */
export function formatPercent(value: number | null): string {
  return value === null ? '—' : percentFormat.format(value);
}

export function formatDecimal(value: number | null): string {
  return value === null ? '—' : decimalFormat.format(value);
}

/** Seconds as m:ss (74 -> "1:14"); hours roll into minutes (3725 -> "62:05"). */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return `${minutes}:${String(rest).padStart(2, '0')}`;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
function cachedFormat(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = make();
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** "26 Nov, 10:42" in the campaign's zone. */
export function formatDateTime(iso: string | null, timeZone = DEFAULT_TIME_ZONE): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return cachedFormat(`dt:${timeZone}`, () =>
    new Intl.DateTimeFormat('en-IN', { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false }),
  ).format(date);
}

/** "10:42" in the campaign's zone. */
export function formatTime(iso: string | number | null, timeZone = DEFAULT_TIME_ZONE): string {
  if (iso === null) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return cachedFormat(`t:${timeZone}`, () =>
    new Intl.DateTimeFormat('en-IN', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }),
  ).format(date);
}

/** "12 s ago", "3 min ago", "2 h ago": how fresh the numbers on screen are. */
export function formatAge(fromMs: number, nowMs: number): string {
  const seconds = Math.max(0, Math.round((nowMs - fromMs) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  return `${Math.floor(minutes / 60)} h ago`;
}

/** "14:00–15:00" for an hour of day. */
export function formatHour(hour: number): string {
  const pad = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
  return `${pad(hour)}–${pad(hour + 1)}`;
}

/** "1st attempt", "1st retry", "2nd retry"…: how the reporting guide names attempts. */
export function attemptLabel(attempt: number): string {
  if (attempt <= 1) return '1st attempt';
  return `${ordinal(attempt - 1)} retry`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}
