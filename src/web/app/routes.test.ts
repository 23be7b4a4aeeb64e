import { describe, expect, it } from 'vitest';
import { reportPath, sharedPath } from '@/lib/paths';
import { matchRoute } from './routes';

describe('routes', () => {
  it.each([
    ['/', { name: 'campaigns' }],
    ['/campaigns/abc123', { name: 'report', campaignId: 'abc123' }],
    ['/campaigns/abc123/', { name: 'report', campaignId: 'abc123' }],
    ['/campaigns/a%20b', { name: 'report', campaignId: 'a b' }],
    ['/settings', { name: 'settings' }],
    ['/s/tok_EN-1', { name: 'shared', token: 'tok_EN-1', campaignId: null }],
    ['/s/tok_EN-1/campaigns/abc123', { name: 'shared', token: 'tok_EN-1', campaignId: 'abc123' }],
    ['/s/tok_EN-1/elsewhere', { name: 'shared-not-found' }],
    ['/wallboard', { name: 'wallboard' }],
    ['/tv/AbC_12-x', { name: 'display', token: 'AbC_12-x' }],
    ['/tv/', { name: 'not-found' }],
    ['/campaigns', { name: 'not-found' }],
    ['/elsewhere', { name: 'not-found' }],
  ])('%s is %o', (path, route) => expect(matchRoute(path)).toEqual(route));

  it('builds report links that route back to the same campaign', () => {
    expect(matchRoute(reportPath('id/with?odd#chars'))).toEqual({ name: 'report', campaignId: 'id/with?odd#chars' });
  });

  it('builds shared links that route back to the same token and campaign', () => {
    expect(matchRoute(sharedPath('tok', 'a/b'))).toEqual({ name: 'shared', token: 'tok', campaignId: 'a/b' });
    expect(matchRoute(sharedPath('tok'))).toEqual({ name: 'shared', token: 'tok', campaignId: null });
  });
});
