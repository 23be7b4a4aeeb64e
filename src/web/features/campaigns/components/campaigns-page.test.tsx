import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { startApiServer } from '../../../../../mocks/api/node';
import { API } from '../../../../../mocks/api/handlers';
import { campaignsFixture } from '../../../../../mocks/api/fixtures';
import { FakeEventSource } from '@/testing/fake-event-source';
import { LOAD_LAZY_CHUNKS_MS, loadLazyChunks, renderApp } from '@/testing/render-app';

const server = startApiServer();
beforeAll(loadLazyChunks, LOAD_LAZY_CHUNKS_MS);

function campaignNames() {
  return within(screen.getByRole('list', { name: 'Campaigns' }))
    .getAllByRole('heading', { level: 2 })
    .map((heading) => heading.textContent);
}

describe('campaigns page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeEventSource.instances = [];
  });

  it('lists every campaign newest first, with progress, connect rate and a live marker while running', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    renderApp('/');
    await screen.findByRole('list', { name: 'Campaigns' });
    act(() => FakeEventSource.connectAll());
    expect(campaignNames()).toEqual(['Diwali Greetings', 'Renewal Offer Live', 'Feedback Survey', 'Payment Reminder Q1']);
    const running = screen.getByRole('heading', { name: 'Renewal Offer Live' }).closest('li')!;
    expect(within(running).getByText('Live')).toBeInTheDocument();
    expect(within(running).getByRole('progressbar')).toHaveAttribute('aria-valuetext', '403 of 1,000 contacts done');
    expect(within(running).getByText('31.2%')).toBeInTheDocument();
    const seed = screen.getByRole('heading', { name: 'Payment Reminder Q1' }).closest('li')!;
    expect(within(seed).queryByText('Live')).not.toBeInTheDocument();
    expect(within(seed).getByText('75%')).toBeInTheDocument();
  });

  it('searches by name and filters by status, keeping both in the URL', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await screen.findByRole('list', { name: 'Campaigns' });
    await user.type(screen.getByRole('searchbox', { name: 'Search by name' }), 'reminder');
    await waitFor(() => expect(campaignNames()).toEqual(['Payment Reminder Q1']));
    expect(window.location.search).toBe('?q=reminder');

    await user.clear(screen.getByRole('searchbox', { name: 'Search by name' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'paused');
    expect(await screen.findByText('Feedback Survey')).toBeInTheDocument();
    expect(campaignNames()).toEqual(['Feedback Survey']);
    expect(window.location.search).toContain('status=paused');
  });

  it('reads a shared link: filters come from the URL', async () => {
    renderApp('/?status=completed');
    await screen.findByRole('list', { name: 'Campaigns' });
    expect(campaignNames()).toEqual(['Payment Reminder Q1']);
  });

  it('says it is loading while the server is slow', async () => {
    server.use(
      http.get(`${API}/campaigns`, async () => {
        await delay(300);
        return HttpResponse.json(campaignsFixture);
      }),
    );
    renderApp('/');
    expect(screen.getByRole('status')).toHaveTextContent('Loading campaigns…');
    expect(await screen.findByRole('list', { name: 'Campaigns' })).toBeInTheDocument();
    expect(screen.queryByText('Loading campaigns…')).not.toBeInTheDocument();
  });

  it('shows an empty state when the account has no campaigns', async () => {
    server.use(http.get(`${API}/campaigns`, () => HttpResponse.json({ ...campaignsFixture, campaigns: [] })));
    renderApp('/');
    expect(await screen.findByText('No campaigns yet')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Campaigns' })).not.toBeInTheDocument();
  });

  it('shows no live marker without a connected live stream', async () => {
    renderApp('/');
    await screen.findByRole('list', { name: 'Campaigns' });
    const running = screen.getByRole('heading', { name: 'Renewal Offer Live' }).closest('li')!;
    expect(within(running).queryByText('Live')).not.toBeInTheDocument();
  });

  it('says when Exotel cannot be reached, and keeps showing what it last knew', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    server.use(
      http.get(`${API}/campaigns`, () =>
        HttpResponse.json({
          ...campaignsFixture,
          upstream: { state: 'down', lastSuccessAt: '2026-01-15T05:12:00.000Z', lastError: 'connect ECONNREFUSED' },
        }),
      ),
    );
    renderApp('/');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Exotel unreachable');
    expect(alert).toHaveTextContent('Last successful read 15 Jan, 10:42');
    expect(alert).toHaveTextContent('connect ECONNREFUSED');
    expect(campaignNames()).toHaveLength(4);
    // The stream is up, but the numbers are not fresh: no "Live" beside the stale notice.
    act(() => FakeEventSource.connectAll());
    expect(screen.queryByText('Live')).not.toBeInTheDocument();
    expect(screen.queryByText('Live updates')).not.toBeInTheDocument();
  });

  it('says Exotel is rate-limiting, not that it is unreachable, when it answers 429', async () => {
    server.use(
      http.get(`${API}/campaigns`, () =>
        HttpResponse.json({
          ...campaignsFixture,
          upstream: { state: 'rate-limited', lastSuccessAt: '2026-01-15T05:12:00.000Z', lastError: 'Too many requests' },
        }),
      ),
    );
    renderApp('/');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Rate-limited by Exotel');
    expect(alert).toHaveTextContent('numbers may lag');
    expect(alert).not.toHaveTextContent('unreachable');
  });

  it('shows an explicit error when the callboard server fails, with a way to try again', async () => {
    const user = userEvent.setup();
    server.use(http.get(`${API}/campaigns`, () => HttpResponse.json({ error: 'database is locked' }, { status: 500 })));
    renderApp('/');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load campaigns.');
    expect(alert).toHaveTextContent('database is locked');
    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('list', { name: 'Campaigns' })).toBeInTheDocument();
  });

  it('opens a campaign report from the list without reloading the page', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await user.click(await screen.findByRole('link', { name: 'Payment Reminder Q1' }));
    expect(window.location.pathname).toBe('/campaigns/seed-payment-reminder');
    expect(await screen.findByRole('heading', { level: 1, name: 'Payment Reminder Q1' })).toBeInTheDocument();
  });
});
