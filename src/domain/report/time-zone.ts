// Clock arithmetic in the campaign's time zone without per-call Date or Intl work: a zone's UTC offset is looked up
// with Intl once per 15-minute slot (every real zone changes offset on a quarter hour) and cached.
export const DEFAULT_TIME_ZONE = 'Asia/Kolkata';

/** Every real zone changes its offset on a quarter hour, so one lookup per 15 minutes is exact. */
export const OFFSET_SLOT_MS = 15 * 60_000;
const HOUR_MS = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone when Intl knows it, else the default (a misconfigured zone must not break every report). */
export function resolveTimeZone(timeZone: string): string {
  try {
    formatterFor(timeZone);
    return timeZone;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

/** Minutes to add to UTC to get the zone's wall clock at instant `ms` (330 for India). */
export function zoneOffsetMinutes(timeZone: string, ms: number): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wallClockAsUtc = Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second'));
  return Math.round((wallClockAsUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * Offsets already looked up, per zone and 15-minute slot. Kept across reports (a pure memo: an offset of a past
 * instant never changes), since each Intl lookup costs microseconds and a report meets hundreds of slots.
 */
const offsetMemo = new Map<string, Map<number, number>>();
const OFFSET_MEMO_MAX_SLOTS = 100_000;

/** A function giving the zone's offset at an instant, caching per 15-minute slot. */
export function offsetLookup(timeZone: string): (ms: number) => number {
  let cache = offsetMemo.get(timeZone);
  if (cache === undefined) {
    cache = new Map();
    offsetMemo.set(timeZone, cache);
  }
  const slots = cache;
  let lastSlot = Number.NaN;
  let lastOffset = 0;
  return (ms) => {
    const slot = Math.floor(ms / OFFSET_SLOT_MS);
    if (slot === lastSlot) return lastOffset;
    let offset = slots.get(slot);
    if (offset === undefined) {
      offset = zoneOffsetMinutes(timeZone, slot * OFFSET_SLOT_MS);
      if (slots.size >= OFFSET_MEMO_MAX_SLOTS) slots.clear();
      slots.set(slot, offset);
    }
    lastSlot = slot;
    lastOffset = offset;
    return offset;
  };
}

/** Hour of day (0-23) in the zone at instant `ms`. */
export function hourOfDay(ms: number, offsetMinutes: number): number {
  const localHour = Math.floor((ms + offsetMinutes * 60_000) / HOUR_MS);
  return ((localHour % 24) + 24) % 24;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** ISO 8601 with the given offset and whole seconds, e.g. 2024-02-01T10:05:00+05:30. */
export function isoWithOffset(ms: number, offsetMinutes: number): string {
  const wallClock = new Date(Math.floor(ms / 1000) * 1000 + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${wallClock}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
