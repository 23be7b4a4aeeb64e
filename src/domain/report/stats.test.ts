import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { UpstreamStats } from '../campaign';
import type { RecordCounts } from './contact-outcome';
import { reconcileStats } from './stats';

const none: RecordCounts = { contacts: 0, completed: 0, failed: 0, busy: 0, noAnswer: 0, inProgress: 0, pending: 0 };
const upstream = (stats: Omit<UpstreamStats, 'extra'>): UpstreamStats => ({ ...stats, extra: {} });
const live = { callsStored: 0, campaignActive: true };

describe('reconcileStats', () => {
  it.each([
    {
      case: "Exotel's seven counts, no records yet",
      exotel: upstream({ created: 2500, completed: 1875, failed: 425, pending: 0, inProgress: 0, busy: 87, noAnswer: 113 }),
      records: none,
      stats: { created: 2500, completed: 1875, failed: 425, pending: 0, inProgress: 0, busy: 87, noAnswer: 113 },
    },
    {
      case: 'only records: created is the contacts they name, pending the contacts awaiting a retry',
      exotel: upstream({}),
      records: { contacts: 10, completed: 5, failed: 1, busy: 1, noAnswer: 0, inProgress: 1, pending: 2 },
      stats: { created: 10, completed: 5, failed: 1, pending: 2, inProgress: 1, busy: 1, noAnswer: 0 },
    },
    {
      case: "the API reference's four keys: busy and no answer come from records",
      exotel: upstream({ created: 100, completed: 40, failed: 10, pending: 50 }),
      records: { contacts: 70, completed: 38, failed: 10, busy: 6, noAnswer: 9, inProgress: 2, pending: 5 },
      stats: { created: 100, completed: 40, failed: 10, pending: 33, inProgress: 2, busy: 6, noAnswer: 9 },
    },
    {
      case: 'a webhook record moves completed before the next poll',
      exotel: upstream({ created: 100, completed: 40, failed: 10, inProgress: 3 }),
      records: { contacts: 60, completed: 41, failed: 10, busy: 0, noAnswer: 0, inProgress: 2, pending: 7 },
      stats: { created: 100, completed: 41, failed: 10, pending: 46, inProgress: 3, busy: 0, noAnswer: 0 },
    },
    {
      case: 'overlapping snapshots: the surplus comes off in progress, then no answer, then busy',
      exotel: upstream({ created: 10, completed: 6, failed: 1, inProgress: 2, busy: 1, noAnswer: 1 }),
      records: { contacts: 10, completed: 8, failed: 1, busy: 1, noAnswer: 1, inProgress: 0, pending: 0 },
      stats: { created: 10, completed: 8, failed: 1, pending: 0, inProgress: 0, busy: 1, noAnswer: 0 },
    },
    {
      case: 'records naming more contacts than Exotel created raise created',
      exotel: upstream({ created: 5, completed: 5 }),
      records: { contacts: 7, completed: 6, failed: 1, busy: 0, noAnswer: 0, inProgress: 0, pending: 0 },
      stats: { created: 7, completed: 6, failed: 1, pending: 0, inProgress: 0, busy: 0, noAnswer: 0 },
    },
  ])('$case', ({ exotel, records, stats }) => {
    expect(reconcileStats(exotel, records, live).stats).toEqual(stats);
  });

  it('notes when Exotel counts more completed than the records received so far show', () => {
    const { notes } = reconcileStats(
      upstream({ created: 20_000, completed: 1875 }),
      { ...none, contacts: 1200, completed: 1100 },
      { callsStored: 1240, campaignActive: true },
    );
    expect(notes).toContain('Exotel counts 1,875 completed; the 1,240 call records received so far show 1,100.');
  });

  it('does not note records ahead of Exotel while the campaign runs, but does once it is finished', () => {
    const exotel = upstream({ created: 100, completed: 40 });
    const records = { ...none, contacts: 50, completed: 41 };
    expect(reconcileStats(exotel, records, { callsStored: 60, campaignActive: true }).notes).toEqual([]);
    expect(reconcileStats(exotel, records, { callsStored: 60, campaignActive: false }).notes).toEqual([
      'The 60 call records show 41 completed; Exotel counts 40.',
    ]);
  });

  it('writes large numbers with Indian digit grouping', () => {
    const { notes } = reconcileStats(upstream({ created: 300_000, completed: 187_500 }), { ...none, completed: 1 }, { callsStored: 1, campaignActive: true });
    expect(notes[0]).toBe('Exotel counts 1,87,500 completed; the 1 call record received so far shows 1.');
  });

  const maybe = fc.option(fc.nat({ max: 500 }), { nil: undefined });
  it('always keeps created = completed + failed + busy + no answer + in progress + pending, with no negative count', () => {
    fc.assert(
      fc.property(
        fc.record({ created: maybe, completed: maybe, failed: maybe, pending: maybe, inProgress: maybe, busy: maybe, noAnswer: maybe }),
        fc.record({
          contacts: fc.nat({ max: 500 }),
          completed: fc.nat({ max: 200 }),
          failed: fc.nat({ max: 200 }),
          busy: fc.nat({ max: 200 }),
          noAnswer: fc.nat({ max: 200 }),
          inProgress: fc.nat({ max: 200 }),
          pending: fc.nat({ max: 200 }),
        }),
        fc.boolean(),
        (exotel, records, campaignActive) => {
          const { stats } = reconcileStats({ ...exotel, extra: {} }, records, { callsStored: 0, campaignActive });
          const { created, ...parts } = stats;
          expect(Object.values(parts).reduce((a, b) => a + b, 0)).toBe(created);
          for (const value of Object.values(stats)) expect(value).toBeGreaterThanOrEqual(0);
          expect(created).toBeGreaterThanOrEqual(records.contacts);
          expect(stats.completed).toBe(Math.max(exotel.completed ?? 0, records.completed));
          expect(stats.failed).toBe(Math.max(exotel.failed ?? 0, records.failed));
        },
      ),
    );
  });
});
