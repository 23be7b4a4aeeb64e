import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { statsKey } from './stats-key';

describe('statsKey', () => {
  it('is the same whatever order the counts were set in', () => {
    expect(statsKey({ completed: 1, created: 5, extra: { b: 1, a: 2 } })).toBe(statsKey({ created: 5, completed: 1, extra: { a: 2, b: 1 } }));
  });

  it('differs when any count differs, and leaves absent counts out rather than calling them 0', () => {
    expect(statsKey({ created: 5, extra: {} })).not.toBe(statsKey({ created: 5, completed: 0, extra: {} }));
    expect(statsKey({ created: 5, extra: { retry: 1 } })).not.toBe(statsKey({ created: 5, extra: { retry: 2 } }));
  });

  it('is JSON that reads back as the same stats (the store keeps it as the stats column)', () => {
    const count = fc.option(fc.nat(), { nil: undefined });
    fc.assert(
      fc.property(fc.record({ created: count, completed: count, busy: count, extra: fc.dictionary(fc.string(), fc.nat()) }), (stats) => {
        const back: unknown = JSON.parse(statsKey(stats));
        const defined = Object.fromEntries(Object.entries(stats).filter(([, value]) => value !== undefined));
        expect(back).toEqual(defined);
      }),
    );
  });
});
