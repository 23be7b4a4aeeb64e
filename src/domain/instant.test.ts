import { describe, expect, it } from 'vitest';
import { msOfIso } from './instant';

describe('msOfIso', () => {
  it('reads ISO 8601 with an offset, and gives null (never NaN) for no date', () => {
    expect(msOfIso('2024-02-01T10:00:00+05:30')).toBe(Date.UTC(2024, 1, 1, 4, 30));
    expect(msOfIso('yesterday-ish')).toBeNull();
    expect(msOfIso(null)).toBeNull();
    expect(msOfIso(undefined)).toBeNull();
  });
});
