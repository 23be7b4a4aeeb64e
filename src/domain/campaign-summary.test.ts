import { describe, expect, it } from 'vitest';
import { summariseCampaign } from './campaign-summary';
import { campaignOf } from './testing/builders';

const campaign = campaignOf('camp1', {
  name: 'Renewals',
  callerId: null,
  retries: { numberOfRetries: 1, intervalMins: 30, mechanism: 'Linear', onStatus: ['busy'] },
});

describe('summariseCampaign', () => {
  it("completes Exotel's stats from the contacts' outcomes, with progress and connect rate", () => {
    const summary = summariseCampaign(campaign, [
      { status: 'completed', attempts: 1, contacts: 3 },
      { status: 'busy', attempts: 1, contacts: 2 },
      { status: 'busy', attempts: 2, contacts: 1 },
      { status: 'failed', attempts: 1, contacts: 1 },
    ]);
    // Busy after one attempt has a retry coming (pending); busy after the last attempt stays busy.
    expect(summary.stats).toEqual({ created: 10, completed: 3, failed: 1, pending: 5, inProgress: 0, busy: 1, noAnswer: 0 });
    expect(summary.progress).toEqual({ done: 5, total: 10 });
    expect(summary.connectRate).toBeCloseTo(0.3);
  });

  it('has no connect rate before any contact is known', () => {
    expect(summariseCampaign({ ...campaign, stats: { extra: {} } }, []).connectRate).toBeNull();
  });
});
