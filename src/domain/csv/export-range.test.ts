import { describe, expect, it } from 'vitest';
import { exportRange } from './export-range';

describe('exportRange', () => {
  it('reads bare days as whole days in the campaign time zone', () => {
    const range = exportRange('2026-01-15', '2026-01-16', 'Asia/Kolkata');
    expect(new Date(range.fromMs ?? 0).toISOString()).toBe('2026-01-14T18:30:00.000Z');
    expect(new Date(range.toMs ?? 0).toISOString()).toBe('2026-01-16T18:29:59.999Z');
  });

  it('reads ISO times as instants and leaves missing ends open', () => {
    expect(exportRange('2026-01-15T10:00:00Z', undefined, 'Asia/Kolkata')).toEqual({ fromMs: Date.parse('2026-01-15T10:00:00Z'), toMs: null });
  });
});
