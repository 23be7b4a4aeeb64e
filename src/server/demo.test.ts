import { describe, expect, it } from 'vitest';
import { planCampaign } from '../../mocks/exotel/model';
import { scenarioDrafts } from '../../mocks/exotel/scenarios';
import { FUTURE_SLACK_MS } from '../domain/value-bounds';
import { DEMO_SCENARIOS } from './demo';

describe('the demo against the bounds on dates', () => {
  // The demo's simulator clock runs ahead of the wall clock, so its calls are dated up to (settle time - start)
  // ahead of "now". The wire parsers refuse dates past now + FUTURE_SLACK_MS: every demo campaign must settle
  // within it, or the demo's last calls would be refused as out of bounds.
  it('has every demo scenario settle within the future slack of its start', () => {
    const startAt = Date.parse('2024-02-01T04:30:00Z');
    for (const scenario of DEMO_SCENARIOS) {
      for (const draft of scenarioDrafts({ seed: 7, startAt, accountSid: 'demo' }, scenario)) {
        expect(planCampaign(draft.build()).settledAt - startAt).toBeLessThan(FUTURE_SLACK_MS);
      }
    }
  });
});
