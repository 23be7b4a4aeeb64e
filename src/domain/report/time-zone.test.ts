import { describe, expect, it } from 'vitest';
import { hourOfDay, isoWithOffset, offsetLookup, resolveTimeZone, zoneOffsetMinutes } from './time-zone';

describe('time zone arithmetic', () => {
  it.each([
    { zone: 'Asia/Kolkata', iso: '2024-02-01T10:05:32+05:30', offset: 330 },
    { zone: 'Asia/Kathmandu', iso: '2024-02-01T10:05:32+05:45', offset: 345 },
    { zone: 'America/New_York', iso: '2024-01-15T12:00:00-05:00', offset: -300 },
    { zone: 'America/New_York', iso: '2024-07-15T12:00:00-04:00', offset: -240 },
    { zone: 'UTC', iso: '2024-02-01T00:00:00+00:00', offset: 0 },
  ])('$zone at $iso is UTC$offset min, and formats back to the same text', ({ zone, iso, offset }) => {
    const ms = Date.parse(iso);
    expect(zoneOffsetMinutes(zone, ms)).toBe(offset);
    expect(offsetLookup(zone)(ms)).toBe(offset);
    expect(isoWithOffset(ms, offset)).toBe(iso);
  });

  it('follows a DST change within a day', () => {
    const lookup = offsetLookup('America/New_York');
    expect(lookup(Date.parse('2024-03-10T01:59:00-05:00'))).toBe(-300);
    expect(lookup(Date.parse('2024-03-10T03:00:00-04:00'))).toBe(-240);
  });

  it('gives the local hour of day, across the half-hour offset and midnight', () => {
    expect(hourOfDay(Date.parse('2024-02-01T10:29:59+05:30'), 330)).toBe(10);
    expect(hourOfDay(Date.parse('2024-02-01T23:30:00+05:30'), 330)).toBe(23);
    expect(hourOfDay(Date.parse('2024-02-02T00:10:00+05:30'), 330)).toBe(0);
    expect(hourOfDay(Date.parse('1969-12-31T23:00:00Z'), 0)).toBe(23);
  });

  it('falls back to India time for a zone Intl does not know', () => {
    expect(resolveTimeZone('Not/AZone')).toBe('Asia/Kolkata');
    expect(resolveTimeZone('Europe/London')).toBe('Europe/London');
  });
});
