import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { campaignKeys } from './query-keys';

function cachedKeys(queryClient: QueryClient, queryKey: readonly unknown[], exact = false) {
  return queryClient.getQueryCache().findAll({ queryKey, exact }).map((query) => query.queryKey);
}

describe('query keys', () => {
  it('puts a campaign’s report and every contact page under that campaign, and nothing of another campaign', () => {
    const queryClient = new QueryClient();
    const keys = [
      campaignKeys.list(),
      campaignKeys.report('c1'),
      campaignKeys.contactPage('c1', { q: '', offset: 0 }),
      campaignKeys.contactPage('c1', { q: '98', offset: 100 }),
      campaignKeys.report('c2'),
    ];
    for (const key of keys) queryClient.setQueryData(key, {});
    expect(cachedKeys(queryClient, campaignKeys.campaign('c1'))).toHaveLength(3);
    expect(cachedKeys(queryClient, campaignKeys.contacts('c1'))).toHaveLength(2);
    expect(cachedKeys(queryClient, campaignKeys.list(), true)).toEqual([campaignKeys.list()]);
    expect(cachedKeys(queryClient, campaignKeys.all)).toHaveLength(keys.length);
  });

  it('keeps a shared view’s report and contacts apart from the signed-in ones, yet under the same invalidation', () => {
    const queryClient = new QueryClient();
    const shared = '/s/token123/api';
    queryClient.setQueryData(campaignKeys.report('c1'), {});
    queryClient.setQueryData(campaignKeys.report('c1', shared), {});
    queryClient.setQueryData(campaignKeys.contactPage('c1', { offset: 0 }, shared), {});
    expect(campaignKeys.report('c1', shared)).not.toEqual(campaignKeys.report('c1'));
    expect(campaignKeys.report('c1', '/api')).toEqual(campaignKeys.report('c1'));
    expect(cachedKeys(queryClient, campaignKeys.report('c1'))).toHaveLength(2);
    expect(cachedKeys(queryClient, campaignKeys.contacts('c1'))).toHaveLength(1);
  });

  it('keeps a wallboard’s narrow report apart from the full one, yet refetched by the report’s invalidation', () => {
    const queryClient = new QueryClient();
    const display = '/tv/token123/api';
    queryClient.setQueryData(campaignKeys.report('c1'), {});
    queryClient.setQueryData(campaignKeys.wallboardReport('c1'), {});
    queryClient.setQueryData(campaignKeys.wallboardReport('c1', display), {});
    queryClient.setQueryData(campaignKeys.wallboardReport('c2'), {});
    expect(campaignKeys.wallboardReport('c1')).not.toEqual(campaignKeys.report('c1'));
    expect(cachedKeys(queryClient, campaignKeys.report('c1'))).toHaveLength(3);
    expect(cachedKeys(queryClient, campaignKeys.report('c1'), true)).toEqual([campaignKeys.report('c1')]);
  });
});
