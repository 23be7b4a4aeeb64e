import { beforeAll, describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { startApiServer } from '../../../../../mocks/api/node';
import { API } from '../../../../../mocks/api/handlers';
import { SEED_CAMPAIGN_ID } from '../../../../../mocks/api/fixtures';
import { campaignKeys } from '@/lib/query-keys';
import { LOAD_LAZY_CHUNKS_MS, loadLazyChunks, renderApp, waitForLazyPanel } from '@/testing/render-app';

const server = startApiServer();
beforeAll(loadLazyChunks, LOAD_LAZY_CHUNKS_MS);
const TOTAL = 100_000;

/** A campaign of 100,000 contacts, generated per page as the server would page them. */
function bigContactList(offsets: number[]) {
  return http.get(`${API}/campaigns/:id/contacts`, ({ request }) => {
    const url = new URL(request.url);
    const offset = Number(url.searchParams.get('offset'));
    const limit = Number(url.searchParams.get('limit'));
    offsets.push(offset);
    const rows = Array.from({ length: Math.min(limit, TOTAL - offset) }, (_, i) => ({
      number: `+91900${String(offset + i).padStart(7, '0')}`,
      name: `Contact ${offset + i}`,
      finalStatus: 'completed',
      attempts: 1,
      lastDurationSec: 65,
      firstCallAt: '2026-01-15T04:30:00.000Z',
      lastCallAt: '2026-01-15T04:31:05.000Z',
    }));
    return HttpResponse.json({ total: TOTAL, rows });
  });
}

describe('contact list', () => {
  it('holds 100,000 contacts but renders and fetches only what is on screen, loading pages as the user scrolls', async () => {
    const offsets: number[] = [];
    server.use(bigContactList(offsets));
    renderApp(`/campaigns/${SEED_CAMPAIGN_ID}`);
    await waitForLazyPanel('contacts');
    expect(await screen.findByText('1,00,000 contacts')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Contacts' });
    expect(table).toHaveAttribute('aria-rowcount', String(TOTAL + 1));
    expect(await within(table).findByText('+919000000000')).toBeInTheDocument();
    expect(within(table).getAllByRole('row').length).toBeLessThan(40);
    expect(offsets).toEqual([0]);
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('1:05');

    const scroller = screen.getByRole('region', { name: /Contacts list/ });
    scroller.scrollTop = 50_000 * 40;
    fireEvent.scroll(scroller);
    expect(await within(table).findByText('+919000050000')).toBeInTheDocument();
    expect(offsets).toContain(50_000);
    expect(offsets.length).toBeLessThanOrEqual(3);
    await waitFor(() => expect(within(table).getAllByRole('row').length).toBeLessThan(40));
  });

  it('holds new rows back while the reader has scrolled down, and applies them on "show" or back at the top', async () => {
    let newest = 0;
    // A running campaign: each read has `newest` more calls at the top of the newest-first list.
    server.use(
      http.get(`${API}/campaigns/:id/contacts`, ({ request }) => {
        const offset = Number(new URL(request.url).searchParams.get('offset'));
        const rows = Array.from({ length: 30 }, (_, i) => {
          const n = offset + i - newest;
          return {
            number: `+91800${String(n + 1000).padStart(7, '0')}`,
            name: n < 0 ? `New caller ${-n}` : `Contact ${n}`,
            finalStatus: 'completed',
            attempts: 1,
            lastDurationSec: 30,
            firstCallAt: '2026-01-15T04:30:00.000Z',
            lastCallAt: '2026-01-15T04:31:05.000Z',
          };
        });
        return HttpResponse.json({ total: 30 + newest, rows });
      }),
    );
    const { queryClient } = renderApp(`/campaigns/${SEED_CAMPAIGN_ID}`);
    await waitForLazyPanel('contacts');
    const table = await screen.findByRole('table', { name: 'Contacts' });
    expect(await within(table).findByText('Contact 0')).toBeInTheDocument();
    const refetch = () => act(() => queryClient.refetchQueries({ queryKey: campaignKeys.contacts(SEED_CAMPAIGN_ID) }));

    const scroller = screen.getByRole('region', { name: /Contacts list/ });
    scroller.scrollTop = 200;
    fireEvent.scroll(scroller);
    newest = 2;
    await refetch();
    expect(await screen.findByRole('button', { name: '2 updates, show' })).toBeInTheDocument();
    expect(within(table).queryByText('New caller 1')).not.toBeInTheDocument();
    expect(screen.getByText('30 contacts')).toBeInTheDocument();

    await act(async () => fireEvent.click(screen.getByRole('button', { name: '2 updates, show' })));
    expect(within(table).getByText('New caller 1')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /updates?, show/ })).not.toBeInTheDocument();

    newest = 3;
    await refetch();
    expect(await screen.findByRole('button', { name: '1 update, show' })).toBeInTheDocument();
    // Back at the top and idle: fresh rows apply by themselves.
    scroller.scrollTop = 0;
    fireEvent.scroll(scroller);
    expect(await within(table).findByText('New caller 3')).toBeInTheDocument();
    expect(screen.getByText('33 contacts')).toBeInTheDocument();
  });

  it('applies new rows at once while the reader is at the top and idle', async () => {
    let newest = 0;
    server.use(
      http.get(`${API}/campaigns/:id/contacts`, () =>
        HttpResponse.json({
          total: 1,
          rows: [{ number: '+918000000001', name: newest ? 'Moved' : 'Still', finalStatus: 'completed', attempts: 1, lastDurationSec: 30, firstCallAt: '2026-01-15T04:30:00.000Z', lastCallAt: '2026-01-15T04:31:05.000Z' }],
        }),
      ),
    );
    const { queryClient } = renderApp(`/campaigns/${SEED_CAMPAIGN_ID}`);
    await waitForLazyPanel('contacts');
    expect(await screen.findByText('Still')).toBeInTheDocument();
    newest = 1;
    await act(() => queryClient.refetchQueries({ queryKey: campaignKeys.contacts(SEED_CAMPAIGN_ID) }));
    expect(await screen.findByText('Moved')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /updates?, show/ })).not.toBeInTheDocument();
  });
});
