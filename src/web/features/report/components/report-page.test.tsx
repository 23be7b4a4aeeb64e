import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { startApiServer } from '../../../../../mocks/api/node';
import { API } from '../../../../../mocks/api/handlers';
import { SEED_CAMPAIGN_ID, seedReportFixture } from '../../../../../mocks/api/fixtures';
import type { Report } from '@domain/api-schemas';
import { campaignKeys } from '@/lib/query-keys';
import { FakeEventSource } from '@/testing/fake-event-source';
import { LOAD_LAZY_CHUNKS_MS, loadLazyChunks, renderApp, waitForLazyPanel } from '@/testing/render-app';

const server = startApiServer();
beforeAll(loadLazyChunks, LOAD_LAZY_CHUNKS_MS);
const reportUrl = `/campaigns/${SEED_CAMPAIGN_ID}`;

function tile(label: string) {
  return screen.getByText(label, { selector: 'dt' }).closest('div');
}

function reportWith(patch: { status?: Report['campaign']['status']; sync?: Partial<Report['sync']> }) {
  return http.get(`${API}/campaigns/:id/report`, () =>
    HttpResponse.json({
      ...seedReportFixture,
      campaign: { ...seedReportFixture.campaign, status: patch.status ?? seedReportFixture.campaign.status },
      sync: { ...seedReportFixture.sync, ...patch.sync },
    }),
  );
}

describe('campaign report', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeEventSource.instances = [];
  });

  it('says "Live" only while the campaign is dialling and the live stream is connected', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    server.use(reportWith({ status: 'in-progress' }));
    renderApp(reportUrl);
    const header = (await screen.findByRole('heading', { level: 1, name: 'Payment Reminder Q1' })).closest('header')!;
    expect(within(header).queryByText('Live')).not.toBeInTheDocument();
    expect(header).toHaveAttribute('data-stream', 'disconnected');
    act(() => FakeEventSource.connectAll());
    expect(within(header).getByText('Live')).toBeInTheDocument();
    expect(header).toHaveAttribute('data-stream', 'connected');
  });

  it.each(['completed', 'paused', 'created'] as const)('never says "Live" on a %s campaign, even with the stream connected', { timeout: 30_000 }, async (status) => {
    vi.stubGlobal('EventSource', FakeEventSource);
    server.use(reportWith({ status }));
    renderApp(reportUrl);
    const header = (await screen.findByRole('heading', { level: 1, name: 'Payment Reminder Q1' })).closest('header')!;
    act(() => FakeEventSource.connectAll());
    expect(header).toHaveAttribute('data-stream', 'connected');
    expect(within(header).queryByText('Live')).not.toBeInTheDocument();
  });

  it('never says "Live" beside a stale-data notice', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    server.use(reportWith({ status: 'in-progress', sync: { stale: true, staleSince: '2026-01-15T05:12:00.000Z', upstream: { state: 'down', lastSuccessAt: null, lastError: null } } }));
    renderApp(reportUrl);
    expect(await screen.findByRole('alert')).toHaveTextContent('Stale data');
    act(() => FakeEventSource.connectAll());
    expect(screen.queryByText('Live')).not.toBeInTheDocument();
  });

  it('says when the numbers last changed, and separately when Exotel was last asked', async () => {
    server.use(reportWith({ sync: { lastPolledAt: new Date(Date.now() - 17_000).toISOString() } }));
    renderApp(reportUrl);
    await screen.findByRole('heading', { level: 1, name: 'Payment Reminder Q1' });
    expect(screen.getByTestId('freshness')).toHaveTextContent(/^changed \d+ s ago$/);
    // The last poll was 17 s before the report was served: the quieter line counts from then, not from the read.
    const polledAgo = Number(/Exotel last checked (\d+) s ago/.exec(screen.getByTestId('exotel-polled').textContent ?? '')?.[1]);
    const changedAgo = Number(/(\d+) s ago/.exec(screen.getByTestId('freshness').textContent ?? '')?.[1]);
    expect(polledAgo - changedAgo).toBeGreaterThanOrEqual(16);
  });
  it('shows the seed example: the seven counts, with Indian digit grouping', async () => {
    renderApp(reportUrl);
    expect(await screen.findByRole('heading', { level: 1, name: 'Payment Reminder Q1' })).toBeInTheDocument();
    expect(within(tile('Created')!).getByText('2,500')).toBeInTheDocument();
    expect(within(tile('Completed')!).getByText('1,875')).toBeInTheDocument();
    expect(within(tile('Failed')!).getByText('425')).toBeInTheDocument();
    expect(within(tile('Busy')!).getByText('87')).toBeInTheDocument();
    expect(within(tile('No answer')!).getByText('113')).toBeInTheDocument();
    expect(screen.getByText("2 retries, 60 min apart (linear), on busy, no answer, failed")).toBeInTheDocument();
    expect(screen.getByTestId('freshness')).toHaveTextContent(/changed \d+ s ago/);
  });

  it('gives each metric a verdict in words, its range, and its formula on keyboard focus', async () => {
    const user = userEvent.setup();
    renderApp(reportUrl);
    const connect = await screen.findByRole('group', { name: 'Connect rate' });
    expect(within(connect).getByText('75%')).toBeInTheDocument();
    // 75% is over the guide's 40%–70%: it reads "above range" (the guide's own words), not "Healthy" beside the range.
    expect(within(connect).getByText('Above range')).toBeInTheDocument();
    expect(within(connect).getByText('Healthy 40%–70%')).toBeInTheDocument();

    const failure = screen.getByRole('group', { name: 'Failure rate' });
    expect(within(failure).getByText('17%')).toBeInTheDocument();
    expect(within(failure).getByText('Watch')).toBeInTheDocument();
    expect(within(failure).getByText('Healthy below 15%')).toBeInTheDocument();
    const duration = screen.getByRole('group', { name: 'Average call duration' });
    expect(within(duration).getByText('1:14')).toBeInTheDocument();
    // The reporting guide gives no healthy range for duration: the tile says so rather than claiming there is no data.
    expect(within(duration).getByText('No healthy range')).toBeInTheDocument();
    expect(within(duration).queryByText('No data yet')).not.toBeInTheDocument();

    const formula = within(connect).getByRole('tooltip', { hidden: true });
    expect(formula).not.toBeVisible();
    expect(connect).toHaveAccessibleDescription('completed / created');
    while (document.activeElement !== connect) await user.tab();
    expect(within(connect).getByRole('tooltip')).toBeVisible();
    expect(within(connect).getByRole('tooltip')).toHaveTextContent('completed / created');
    await user.tab();
    expect(formula).not.toBeVisible();
  });

  it('reads the retry table as the seed does: 60%, 25%, 16.7%, total 75%', async () => {
    renderApp(reportUrl);
    const table = await screen.findByRole('table', { name: 'Retry effectiveness by attempt' });
    const rows = within(table).getAllByRole('row').map((row) => row.textContent);
    expect(rows).toEqual([
      'AttemptContactsConnectedConnect rateNote',
      '1st attempt2,5001,50060%',
      '1st retry1,00025025%',
      '2nd retry75012516.7%',
      'Total2,5001,87575%',
    ]);
    expect(screen.queryByText(/Below 10%/)).not.toBeInTheDocument();
  });

  it('flags a retry under 10% in words, with the advice', async () => {
    const advice = 'Retries after the 2nd connect under 10%: reduce number_of_retries or widen interval_mins.';
    server.use(
      http.get(`${API}/campaigns/:id/report`, () =>
        HttpResponse.json({
          ...seedReportFixture,
          retries: {
            ...seedReportFixture.retries,
            rows: [...seedReportFixture.retries.rows, { attempt: 4, contacts: 625, connected: 40, rate: 0.064, flagged: true }],
            advice,
          },
        }),
      ),
    );
    renderApp(reportUrl);
    const table = await screen.findByRole('table', { name: 'Retry effectiveness by attempt' });
    const flagged = within(table).getByRole('row', { name: /3rd retry/ });
    expect(flagged).toHaveTextContent('6.4%');
    expect(flagged).toHaveTextContent('Below 10%');
    expect(screen.getByRole('note')).toHaveTextContent(advice);
  });

  it('searches contacts by part of a number as you type, through the server', async () => {
    const user = userEvent.setup();
    const searches: string[] = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/contacts')) searches.push(url.searchParams.get('q') ?? '');
    });
    renderApp(reportUrl);
    await waitForLazyPanel('contacts');
    expect(await screen.findByText('2,500 contacts')).toBeInTheDocument();
    await user.type(screen.getByRole('searchbox', { name: /search contacts/i }), '45000007');
    expect(await screen.findByText('1 contact match')).toBeInTheDocument();
    expect(searches.at(-1)).toBe('45000007');
    // Debounced: one request for the whole word, not one per key.
    expect(searches.filter((q) => q.startsWith('4500')).length).toBe(1);
    expect(window.location.search).toContain('q=45000007');
    const table = screen.getByRole('table', { name: 'Contacts' });
    expect(await within(table).findByText('+919845000007')).toBeInTheDocument();
    server.events.removeAllListeners();
  });

  it('filters contacts by final status and sorts by a column header', async () => {
    const user = userEvent.setup();
    renderApp(reportUrl);
    await waitForLazyPanel('contacts');
    await screen.findByText('2,500 contacts');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Final status' }), 'busy');
    expect(await screen.findByText('87 contacts match')).toBeInTheDocument();
    expect(window.location.search).toContain('status=busy');

    const attempts = screen.getByRole('columnheader', { name: /Attempts/ });
    expect(attempts).toHaveAttribute('aria-sort', 'none');
    await user.click(within(attempts).getByRole('button'));
    await waitFor(() => expect(screen.getByRole('columnheader', { name: /Attempts/ })).toHaveAttribute('aria-sort', 'descending'));
    expect(window.location.search).toContain('sort=attempts%3Adesc');
  });

  it('keeps the last numbers on screen and says so when the callboard server stops answering', async () => {
    const { queryClient } = renderApp(reportUrl);
    await screen.findByRole('heading', { level: 1, name: 'Payment Reminder Q1' });
    server.use(http.get(`${API}/campaigns/:id/report`, () => HttpResponse.json({ error: 'boom' }, { status: 503 })));
    await queryClient.refetchQueries({ queryKey: campaignKeys.report(SEED_CAMPAIGN_ID) });
    expect(await screen.findByRole('alert')).toHaveTextContent(/callboard server is not answering.*last good data, from \d\d:\d\d/);
    expect(within(tile('Created')!).getByText('2,500')).toBeInTheDocument();
  });

  it('says when Exotel has been unreachable, and since when, while showing the last known data', async () => {
    server.use(
      http.get(`${API}/campaigns/:id/report`, () =>
        HttpResponse.json({
          ...seedReportFixture,
          sync: {
            ...seedReportFixture.sync,
            stale: true,
            staleSince: '2026-01-15T05:12:00.000Z',
            upstream: { state: 'down', lastSuccessAt: '2026-01-15T05:11:30.000Z', lastError: 'timeout after 10 s' },
          },
        }),
      ),
    );
    renderApp(reportUrl);
    expect(await screen.findByRole('alert')).toHaveTextContent('Exotel unreachable since 10:42, showing the last known data.');
    expect(within(tile('Completed')!).getByText('1,875')).toBeInTheDocument();
  });

  it('says the data is stale because Exotel is rate-limiting, not unreachable', async () => {
    server.use(
      http.get(`${API}/campaigns/:id/report`, () =>
        HttpResponse.json({
          ...seedReportFixture,
          sync: {
            ...seedReportFixture.sync,
            stale: true,
            staleSince: '2026-01-15T05:12:00.000Z',
            upstream: { state: 'rate-limited', lastSuccessAt: '2026-01-15T05:11:30.000Z', lastError: null },
          },
        }),
      ),
    );
    renderApp(reportUrl);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Rate-limited by Exotel since 10:42, showing the last known data.');
    expect(alert).not.toHaveTextContent('unreachable');
  });

  it('shows how many call records have arrived while sync is still backfilling', async () => {
    server.use(
      http.get(`${API}/campaigns/:id/report`, () =>
        HttpResponse.json({
          ...seedReportFixture,
          sync: { ...seedReportFixture.sync, callsSynced: 1240, callsExpected: 20000, notes: ['312 calls arrived without a webhook.'] },
        }),
      ),
    );
    renderApp(reportUrl);
    expect(await screen.findByText('1,240 of 20,000 call records')).toBeInTheDocument();
    expect(screen.getByText('312 calls arrived without a webhook.')).toBeInTheDocument();
  });

  it('offers the status breakdown as a table with counts and shares', async () => {
    const user = userEvent.setup();
    renderApp(reportUrl);
    await user.click(await screen.findByRole('button', { name: 'Show as table' }));
    const table = screen.getByRole('table', { name: 'Contacts by final status' });
    expect(within(table).getByRole('row', { name: /Completed/ })).toHaveTextContent('1,87575%');
    expect(within(table).getByRole('row', { name: /No answer/ })).toHaveTextContent('1134.5%');
  });

  it('says so when the campaign does not exist', async () => {
    renderApp('/campaigns/nope');
    expect(await screen.findByRole('heading', { name: 'Campaign not found' })).toBeInTheDocument();
  });
});
