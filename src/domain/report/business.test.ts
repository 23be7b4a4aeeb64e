import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildBusiness, estimatedPulses, totalCost } from './business';
import { CODE_IN_PROGRESS, toColumns } from './call-columns';
import { buildReport } from './build-report';
import { call, reportInput, seedExampleCalls, T0 } from '../testing/report-fixtures';

describe('estimatedPulses', () => {
  it.each([
    { durationSec: 0, pulseSec: 60, pulses: 0 },
    { durationSec: 1, pulseSec: 60, pulses: 1 },
    { durationSec: 60, pulseSec: 60, pulses: 1 },
    { durationSec: 61, pulseSec: 60, pulses: 2 },
    { durationSec: 43, pulseSec: 15, pulses: 3 },
  ])('$durationSec s in $pulseSec s pulses is $pulses', ({ durationSec, pulseSec, pulses }) => {
    expect(estimatedPulses(durationSec, pulseSec)).toBe(pulses);
  });
});

describe('totalCost', () => {
  it("uses Exotel's price where given and estimates the rest from durations, saying so", () => {
    const calls = [
      call('a', 'completed', T0, { price: 2, durationSec: 100 }),
      call('b', 'completed', T0 + 1, { price: null, durationSec: 100 }), // 2 pulses estimated
      call('c', 'busy', T0 + 2, { price: null, durationSec: 0 }), // 0
      call('d', 'in-progress', T0 + 3, { price: null, durationSec: null }), // left out
    ];
    expect(totalCost(toColumns(calls), 60, CODE_IN_PROGRESS)).toEqual({ pulses: 4, estimated: true });
  });

  it('is not an estimate when every ended attempt has a price', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 30 }), (prices) => {
        const calls = prices.map((price, i) => call(`n${i}`, 'busy', T0 + i, { price }));
        const cost = totalCost(toColumns(calls), 60, CODE_IN_PROGRESS);
        expect(cost).toEqual({ pulses: prices.reduce((a, b) => a + b, 0), estimated: false });
      }),
    );
  });
});

describe('buildBusiness', () => {
  it('gives rupees only with a price per pulse, and revenue per cost only with both', () => {
    const cost = { pulses: 8500, estimated: false };
    expect(buildBusiness(cost, 1875, { rupeesPerPulse: null, pulseSec: 60 }, null)).toEqual({
      cost: { pulses: 8500, rupees: null, estimated: false },
      costPerConnect: { pulses: 8500 / 1875, rupees: null },
      revenue: null,
      revenueSource: null,
      revenuePerCost: null,
      revenuePerConnect: null,
    });
    const priced = buildBusiness(cost, 1875, { rupeesPerPulse: 0.5, pulseSec: 60 }, { rupees: 85_000, source: 'manager' });
    expect(priced.cost.rupees).toBe(4250);
    expect(priced.costPerConnect?.rupees).toBeCloseTo(4250 / 1875);
    expect(priced.revenuePerCost).toBe(20);
    expect(priced.revenuePerConnect).toBeCloseTo(85_000 / 1875);
    expect(priced.revenueSource).toBe('manager');
  });

  it('has no cost per connect before the first connect', () => {
    expect(buildBusiness({ pulses: 3, estimated: false }, 0, { rupeesPerPulse: 1, pulseSec: 60 }, { rupees: 10, source: 'metadata' })).toMatchObject({
      costPerConnect: null,
      revenuePerConnect: null,
      revenuePerCost: 10 / 3,
    });
  });

  it('prices the seed example: 4,250 attempts at 2 pulses, per connected contact', () => {
    const report = buildReport({ ...reportInput(seedExampleCalls(true)), pricing: { rupeesPerPulse: 0.6, pulseSec: 60 } });
    expect(report.business.cost).toEqual({ pulses: 8500, rupees: 5100, estimated: false });
    expect(report.business.costPerConnect?.pulses).toBe(8500 / 1875);
  });
});
