import { describe, expect, it } from 'vitest';
import { campaignIdSchema, isCampaignId } from './campaign-id';

describe('campaign id', () => {
  it.each(['camp_abc123', '0f1e2d3c4b5a69788796a5b4c3d2e1f0', 'a', 'x'.repeat(64), 'with-hyphen'])('accepts %s', (id) => {
    expect(isCampaignId(id)).toBe(true);
  });
  it.each(['', 'x'.repeat(65), 'a/b', '../etc', 'a b', 'id;drop', 'ünï'])('refuses %j', (id) => {
    expect(isCampaignId(id)).toBe(false);
  });
  it('trims white space around an id that arrives as text, and refuses what is left when it is not an id', () => {
    expect(campaignIdSchema.parse('  camp_1 ')).toBe('camp_1');
    expect(campaignIdSchema.safeParse(' a b ').success).toBe(false);
  });
});
