// The named scenarios keep their promises: the demo keeps moving for an hour of real time at speed 30, the big
// scenarios are finished with the sizes the benches and e2e tests expect, and ids are stable per seed.
import { describe, expect, it } from 'vitest';
import { ExotelSimulator } from './simulator';
import { HOUR, MINUTE } from './time';

const START = new Date('2025-03-10T06:00:00Z');

describe('scenarios', () => {
  it('demo: an InProgress campaign that completes a call at least every few real seconds for an hour at speed 30', () => {
    const sim = new ExotelSimulator({ seed: 7, scenarios: ['demo'], startAt: START });
    const id = sim.campaignIdFor('demo');
    const plan = sim.plan(id);
    const start = START.getTime();
    const realHour = 30 * HOUR; // one real hour at 30 virtual seconds per real second
    expect(sim.view(id)?.status).toBe('InProgress');
    expect(plan.spec.contacts.length).toBe(20_000);
    const completedEnds = plan.attempts.filter((a) => a.status === 'completed' && a.endAt > start && a.endAt <= start + realHour).map((a) => a.endAt).sort((a, b) => a - b);
    let longestGap = 0;
    for (let i = 1; i < completedEnds.length; i++) longestGap = Math.max(longestGap, completedEnds[i]! - completedEnds[i - 1]!);
    // Real seconds between completed calls: a few on average, and never a long lull, even at night (IST).
    expect(realHour / 30 / completedEnds.length).toBeLessThan(3_000);
    expect(longestGap / 30).toBeLessThan(15_000);
    expect(plan.settledAt).toBeGreaterThan(start + realHour);
    // Retries interleave with first attempts instead of waiting for the whole list.
    expect(plan.attempts.some((a) => a.attemptNumber > 1 && a.endAt <= start + 2 * HOUR)).toBe(true);
    const statuses = [0, 1, 2].map((i) => sim.view(sim.campaignIdFor('demo', i))?.status);
    expect(statuses).toEqual(['InProgress', 'Paused', 'Created']);
  });

  it('never dates a campaign’s creation in the future, even one scheduled for tomorrow', () => {
    const sim = new ExotelSimulator({ seed: 7, scenarios: ['seed-example', 'demo', 'retries-5k'], startAt: START });
    for (const id of sim.campaignIds()) expect(sim.plan(id).spec.createdAt).toBeLessThanOrEqual(START.getTime());
  });

  it('retries-5k: 5,000 contacts, 3 retries, finished, close to 20,000 call records', () => {
    const sim = new ExotelSimulator({ seed: 7, scenarios: ['retries-5k'], startAt: START });
    const id = sim.campaignIdFor('retries-5k');
    const { stats, records } = sim.truth(id);
    expect(sim.view(id)?.status).toBe('Completed');
    expect(stats.created).toBe(5000);
    expect(stats.pending + stats.inProgress).toBe(0);
    expect(records.length).toBeGreaterThan(18_000);
    expect(records.length).toBeLessThanOrEqual(20_000);
    expect(Math.max(...records.map((r) => r.attemptNumber))).toBe(4);
  });

  it('list-100k: 100,000 contacts, finished', () => {
    const sim = new ExotelSimulator({ seed: 7, scenarios: ['list-100k'], startAt: START });
    const view = sim.view(sim.campaignIdFor('list-100k'));
    expect(view?.status).toBe('Completed');
    expect(view?.stats.created).toBe(100_000);
    expect(view?.stats.pending).toBe(0);
  });

  it('ids are 32-hex, distinct, and the same for the same seed', () => {
    const ids = (seed: number) => new ExotelSimulator({ seed, scenarios: ['seed-example', 'demo', 'retries-5k'], startAt: START }).campaignIds();
    const first = ids(7);
    expect(first).toHaveLength(5);
    expect(new Set(first).size).toBe(5);
    for (const id of first) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(ids(7)).toEqual(first);
    expect(ids(8)).not.toEqual(first);
  });

  it('the Created campaign starts on schedule and moves to InProgress', async () => {
    const sim = new ExotelSimulator({ seed: 7, scenarios: ['demo'], startAt: START });
    const id = sim.campaignIdFor('demo', 2);
    await sim.advance(36 * HOUR - MINUTE);
    expect(sim.view(id)?.status).toBe('Created');
    await sim.advance(2 * MINUTE);
    expect(sim.view(id)?.status).toBe('InProgress');
  });
});
