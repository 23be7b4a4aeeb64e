// Time helpers in India Standard Time, which Exotel's campaign API writes as RFC 3339 with a +05:30 offset.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const IST_OFFSET = 5.5 * HOUR;

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => i.toString().padStart(2, '0'));
let cachedDay = NaN;
let cachedDate = '';

/** `2024-02-01T10:05:32+05:30` for an epoch-ms instant (hand-rolled: it runs for every served record). */
export function istIso(ms: number): string {
  const shifted = Math.floor((ms + IST_OFFSET) / 1000);
  const day = Math.floor(shifted / 86_400);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDate = new Date(day * DAY).toISOString().slice(0, 10);
  }
  const secondOfDay = shifted - day * 86_400;
  const hh = Math.floor(secondOfDay / 3600);
  const mm = Math.floor((secondOfDay % 3600) / 60);
  return `${cachedDate}T${TWO_DIGITS[hh]!}:${TWO_DIGITS[mm]!}:${TWO_DIGITS[secondOfDay % 60]!}+05:30`;
}

/** Hour of day (0-23) in IST. */
export function istHour(ms: number): number {
  return Math.floor((((ms + IST_OFFSET) % DAY) + DAY) % DAY / HOUR);
}

/** The instant of `hh:mm` IST on the IST calendar day that contains `ms`. */
export function istClock(ms: number, hours: number, minutes = 0): number {
  const dayStart = Math.floor((ms + IST_OFFSET) / DAY) * DAY - IST_OFFSET;
  return dayStart + hours * HOUR + minutes * MINUTE;
}
