import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { startApiServer } from '../../../../../mocks/api/node';
import { API } from '../../../../../mocks/api/handlers';
import { SEED_CAMPAIGN_ID, campaignsFixture, seedReportFixture } from '../../../../../mocks/api/fixtures';
import { campaignKeys, serverKeys } from '@/lib/query-keys';
import { createTestQueryClient, renderApp } from '@/testing/render-app';
import { forgetRunningVersion } from '../api/running-version';
import { formatClockMinute } from './wallboard-header';

const server = startApiServer();
const MIN = 60_000;

async function shownSlide() {
  const heading = await screen.findByRole('heading', { level: 1, name: 'Payment Reminder Q1' }, { timeout: 10_000 });
  return heading.closest<HTMLElement>('[data-testid="wallboard-campaign"]')!;
}

/** The report was last fetched `ageMs` ago and the server no longer answers. */
function serverDownSince(ageMs: number) {
  server.use(http.get(`${API}/campaigns/:id/report`, () => HttpResponse.error()));
  const queryClient = createTestQueryClient();
  queryClient.setQueryData(campaignKeys.wallboardReport(SEED_CAMPAIGN_ID), seedReportFixture, { updatedAt: Date.now() - ageMs });
  return renderApp(`/wallboard?campaigns=${SEED_CAMPAIGN_ID}`, queryClient);
}

describe('wallboard freshness', () => {
  it('is fresh with an "as of" time and no frame when the numbers just arrived', async () => {
    renderApp(`/wallboard?campaigns=${SEED_CAMPAIGN_ID}`);
    const slide = await shownSlide();
    expect(within(slide).getByTestId('wallboard-frame')).toHaveAttribute('data-freshness', 'fresh');
    expect(within(slide).getByTestId('wallboard-as-of')).toHaveTextContent(/^as of \d\d:\d\d:\d\d$/);
    expect(within(slide).queryByTestId('wallboard-stale-band')).not.toBeInTheDocument();
    // A finished campaign is never "Live".
    expect(within(slide).queryByTestId('wallboard-live')).not.toBeInTheDocument();
  });

  it('gets an amber frame after 2 minutes without new numbers', async () => {
    serverDownSince(3 * MIN);
    const slide = await shownSlide();
    expect(within(slide).getByTestId('wallboard-frame')).toHaveAttribute('data-freshness', 'aging');
    expect(within(slide).queryByTestId('wallboard-stale-band')).not.toBeInTheDocument();
  });

  it('gets a red "DATA STALE since HH:MM" band after 5 minutes, keeping the last numbers', async () => {
    const since = Date.now() - 6 * MIN;
    serverDownSince(6 * MIN);
    const slide = await shownSlide();
    expect(within(slide).getByTestId('wallboard-frame')).toHaveAttribute('data-freshness', 'stale');
    expect(within(slide).getByRole('alert')).toHaveTextContent(`DATA STALE since ${formatClockMinute(since)}`);
    expect(within(within(slide).getByRole('group', { name: 'Progress' })).getByText('100%')).toBeInTheDocument();
  });
});

describe('wallboard verdicts', () => {
  function runningReport(stats: typeof seedReportFixture.stats) {
    return { ...seedReportFixture, campaign: { ...seedReportFixture.campaign, status: 'in-progress' }, stats, generatedAt: new Date().toISOString() };
  }

  it('colours the connect-rate tile by its verdict on a finished campaign', async () => {
    renderApp(`/wallboard?campaigns=${SEED_CAMPAIGN_ID}`);
    const slide = await shownSlide();
    const connect = within(slide).getByRole('group', { name: 'Connect rate' });
    expect(connect).toHaveAttribute('data-verdict', 'good');
    expect(within(slide).getByRole('group', { name: 'Failure rate' })).toHaveAttribute('data-verdict', 'watch');
  });

  it('never paints a running campaign red before the minimum sample', async () => {
    const stats = { created: 2500, completed: 2, failed: 40, busy: 0, noAnswer: 0, pending: 2450, inProgress: 8 };
    server.use(http.get(`${API}/campaigns/:id/report`, () => HttpResponse.json(runningReport(stats))));
    renderApp(`/wallboard?campaigns=${SEED_CAMPAIGN_ID}`);
    const slide = await shownSlide();
    const connect = within(slide).getByRole('group', { name: 'Connect rate so far' });
    expect(connect).toHaveAttribute('data-verdict', 'none');
    expect(connect).toHaveTextContent('Too early');
    expect(within(slide).getByRole('group', { name: 'Failure rate so far' })).toHaveAttribute('data-verdict', 'none');
  });

  it('paints it red once the sample is large enough', async () => {
    const stats = { created: 2500, completed: 20, failed: 100, busy: 40, noAnswer: 40, pending: 2292, inProgress: 8 };
    server.use(http.get(`${API}/campaigns/:id/report`, () => HttpResponse.json(runningReport(stats))));
    renderApp(`/wallboard?campaigns=${SEED_CAMPAIGN_ID}`);
    const slide = await shownSlide();
    expect(within(slide).getByRole('group', { name: 'Connect rate so far' })).toHaveAttribute('data-verdict', 'bad');
  });
});

describe('wallboard reads', () => {
  it('asks for the report’s wallboard view and shows its figures without the parts a wall does not show', async () => {
    const { bestTime, business, benchmarks, diagnosis, tags, ...narrow } = seedReportFixture;
    expect([bestTime, business, benchmarks, diagnosis, tags]).not.toContain(undefined);
    server.use(
      http.get(`${API}/campaigns/:id/report`, ({ request }) =>
        new URL(request.url).searchParams.get('view') === 'wallboard' ? HttpResponse.json(narrow) : HttpResponse.json({ error: 'full report asked for' }, { status: 500 }),
      ),
    );
    renderApp(`/wallboard?campaigns=${SEED_CAMPAIGN_ID}`);
    const slide = await shownSlide();
    expect(narrow.stats.completed).toBe(1875);
    expect(within(slide).getByRole('group', { name: 'Completed' })).toHaveTextContent('1,875');
  });
});

describe('wallboard settings from the URL', () => {
  it('is dark by default, light on request, with no app header', async () => {
    const { unmount } = renderApp(`/wallboard?campaigns=${SEED_CAMPAIGN_ID}`);
    await shownSlide();
    expect(screen.getByTestId('wallboard')).toHaveAttribute('data-theme', 'dark');
    expect(screen.queryByRole('link', { name: 'callboard' })).not.toBeInTheDocument();
    unmount();
    renderApp(`/wallboard?campaigns=${SEED_CAMPAIGN_ID}&theme=light`);
    await shownSlide();
    expect(screen.getByTestId('wallboard')).toHaveAttribute('data-theme', 'light');
  });

  it('shows the active campaigns as a grid with view=grid', async () => {
    renderApp('/wallboard?view=grid');
    const running = await screen.findByRole('group', { name: 'Renewal Offer Live' });
    expect(running).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Feedback Survey' })).toBeInTheDocument();
    // A finished campaign is not active.
    expect(screen.queryByRole('group', { name: 'Payment Reminder Q1' })).not.toBeInTheDocument();
  });
});

describe('wallboard grid pace', () => {
  it("shows each dialling campaign's calls per minute from the campaigns list, and a paused one's state instead", async () => {
    const list = { ...campaignsFixture, campaigns: campaignsFixture.campaigns.map((campaign) => (campaign.status === 'in-progress' ? { ...campaign, callsPerMinute: 12.4 } : campaign)) };
    server.use(http.get(`${API}/campaigns`, () => HttpResponse.json(list)));
    renderApp('/wallboard?view=grid&campaigns=all');
    const running = await screen.findByRole('group', { name: 'Renewal Offer Live' });
    expect(within(running).getByTestId('wallboard-card-pace')).toHaveTextContent('12.4 calls/min');
    expect(within(screen.getByRole('group', { name: 'Feedback Survey' })).getByTestId('wallboard-card-pace')).toHaveTextContent('Paused');
  });
});

describe('wallboard app version', () => {
  afterEach(forgetRunningVersion);

  it('names the version it runs (the server version it first saw) on its later requests', async () => {
    const versions: (string | null)[] = [];
    server.use(
      http.get(`${API}/health`, () => HttpResponse.json({ status: 'ok', mode: 'demo', upstream: campaignsFixture.upstream, malformedRecords: 0, webhooks: seedReportFixture.sync.webhooks, version: '1.2.0+abc123' })),
      http.get(`${API}/campaigns`, ({ request }) => {
        versions.push(request.headers.get('x-callboard-version'));
        return HttpResponse.json(campaignsFixture);
      }),
    );
    const { queryClient } = renderApp(`/wallboard?campaigns=${SEED_CAMPAIGN_ID}`);
    await shownSlide();
    await waitFor(() => expect(queryClient.getQueryData(serverKeys.health())).toBeDefined());
    await queryClient.refetchQueries({ queryKey: campaignKeys.list() });
    expect(versions.at(-1)).toBe('1.2.0+abc123');
  });
});
