import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { startApiServer } from '../../../../../mocks/api/node';
import { API } from '../../../../../mocks/api/handlers';
import { SEED_CAMPAIGN_ID } from '../../../../../mocks/api/fixtures';
import { renderApp } from '@/testing/render-app';

const server = startApiServer();
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
});
