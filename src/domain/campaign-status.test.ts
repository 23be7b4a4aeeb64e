import { describe, expect, it } from 'vitest';
import { isStatusRegression, LIFECYCLE_RANK, parseCampaignStatus } from './campaign-status';
import type { CampaignStatus } from './campaign-status';

const at = (hour: number): string => `2024-01-15T${String(hour).padStart(2, '0')}:00:00+05:30`;

describe('parseCampaignStatus', () => {
  it.each([
    ['InProgress', 'in-progress'],
    ['in_progress', 'in-progress'],
    ['Resumed', 'in-progress'],
    ['Cancelled', 'canceled'],
    ['Sleeping', null],
  ])('reads %s as %s', (raw, expected) => {
    expect(parseCampaignStatus(raw)).toBe(expected);
  });
});

describe('the campaign lifecycle order', () => {
  it('ranks created below running and paused, below finished, below deleted and archived', () => {
    expect(LIFECYCLE_RANK.created).toBeLessThan(LIFECYCLE_RANK['in-progress']);
    expect(LIFECYCLE_RANK['in-progress']).toBe(LIFECYCLE_RANK.paused);
    for (const finished of ['completed', 'failed', 'canceled'] as const) {
      expect(LIFECYCLE_RANK[finished]).toBeGreaterThan(LIFECYCLE_RANK.paused);
      expect(LIFECYCLE_RANK[finished]).toBeLessThan(LIFECYCLE_RANK.archived);
    }
    expect(LIFECYCLE_RANK.deleted).toBe(LIFECYCLE_RANK.archived);
  });

  it.each<[CampaignStatus, string | null, CampaignStatus, string | null, boolean]>([
    // Both dated: the later one wins...
    ['in-progress', at(10), 'paused', at(11), false],
    ['paused', at(11), 'in-progress', at(10), true],
    ['paused', at(11), 'in-progress', at(12), false],
    // ...but the lifecycle never moves down, whatever the dates say.
    ['completed', at(10), 'in-progress', at(12), true],
    // Undated: a lower rank is a late delivery, a higher one moves on.
    ['completed', null, 'in-progress', null, true],
    ['in-progress', at(10), 'completed', null, false],
    // Equal rank, undated: a fixed rule (the name) decides, so arrival order cannot.
    ['in-progress', null, 'paused', null, false],
    ['paused', null, 'in-progress', null, true],
    // The same status again is no regression.
    ['paused', at(10), 'paused', at(10), false],
  ])('%s (%s) then %s (%s): regression %s', (storedStatus, storedAt, nextStatus, nextAt, expected) => {
    expect(isStatusRegression({ status: storedStatus, dateUpdated: storedAt }, { status: nextStatus, dateUpdated: nextAt })).toBe(expected);
  });

});
