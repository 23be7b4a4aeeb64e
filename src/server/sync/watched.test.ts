import { describe, expect, it } from 'vitest';
import { WatchedCampaigns } from './watched';

describe('watched campaigns', () => {
  it('holds at most its bound, dropping the campaign viewed longest ago', () => {
    const watched = new WatchedCampaigns(60_000, 3);
    for (const [i, id] of ['a', 'b', 'c', 'd'].entries()) watched.touch(id, 1_000 + i);
    expect(watched.ids(2_000)).toEqual(['d', 'c', 'b']);
    // Viewing again makes a campaign the newest, so it outlives one viewed since.
    watched.touch('b', 1_010);
    watched.touch('e', 1_011);
    expect(watched.ids(2_000)).toEqual(['e', 'b', 'd']);
  });

  it('forgets a campaign a while after its last view', () => {
    const watched = new WatchedCampaigns(60_000);
    watched.touch('a', 0);
    expect(watched.ids(60_001)).toEqual([]);
  });
});
