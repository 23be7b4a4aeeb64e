import { describe, expect, it } from 'vitest';
import { reportPath } from '@/lib/paths';
import { matchRoute } from './routes';

describe('routes', () => {
  it.each([
    ['/', { name: 'campaigns' }],
    ['/campaigns/abc123', { name: 'report', campaignId: 'abc123' }],
    ['/campaigns/abc123/', { name: 'report', campaignId: 'abc123' }],
    ['/campaigns/a%20b', { name: 'report', campaignId: 'a b' }],
    ['/wallboard', { name: 'wallboard' }],
    ['/tv/AbC_12-x', { name: 'display', token: 'AbC_12-x' }],
    ['/tv/', { name: 'not-found' }],
    ['/campaigns', { name: 'not-found' }],
    ['/elsewhere', { name: 'not-found' }],
  ])('%s is %o', (path, route) => expect(matchRoute(path)).toEqual(route));

  it('builds report links that route back to the same campaign', () => {
    expect(matchRoute(reportPath('id/with?odd#chars'))).toEqual({ name: 'report', campaignId: 'id/with?odd#chars' });
  });
});
