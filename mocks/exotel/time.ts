// Time helpers in India Standard Time, which Exotel's campaign API writes as RFC 3339 with a +05:30 offset.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const IST_OFFSET = 5.5 * HOUR;

/** `2024-02-01T10:05:32+05:30` for an epoch-ms instant. */
export function istIso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000 + IST_OFFSET).toISOString().slice(0, 19) + '+05:30';
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
