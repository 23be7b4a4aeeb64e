import { beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { startApiServer } from '../../../../../mocks/api/node';
import { API } from '../../../../../mocks/api/handlers';
import { SEED_CAMPAIGN_ID, seedContactsFixture } from '../../../../../mocks/api/fixtures';
import { LOAD_LAZY_CHUNKS_MS, loadLazyChunks, renderApp, waitForLazyPanel } from '@/testing/render-app';

const server = startApiServer();
beforeAll(loadLazyChunks, LOAD_LAZY_CHUNKS_MS);

describe('contact history', () => {
  it('opens from the contact list and shows every attempt, its recording, and which recordings are past 90 days', async () => {
    const contact = seedContactsFixture.find((row) => row.attempts === 3 && row.finalStatus === 'completed');
    if (contact === undefined) throw new Error('fixture has no contact with three attempts');
    server.use(
      http.get(`${API}/campaigns/:id/contacts/:number/calls`, () =>
        HttpResponse.json({
          calls: [
            { callSid: 'a1', attempt: 1, status: 'busy', startTime: '2025-09-01T04:30:00.000Z', endTime: null, durationSec: 0, price: 0.5, recordingUrl: null, recordingLikelyExpired: false },
            { callSid: 'a2', attempt: 2, status: 'no-answer', startTime: '2025-09-01T06:30:00.000Z', endTime: null, durationSec: 0, price: 0.5, recordingUrl: 'https://rec/a2.mp3', recordingLikelyExpired: true },
            { callSid: 'a3', attempt: 3, status: 'completed', startTime: '2026-01-15T04:30:00.000Z', endTime: null, durationSec: 65, price: 1, recordingUrl: 'https://rec/a3.mp3', recordingLikelyExpired: false },
          ],
        }),
      ),
    );
    renderApp(`/campaigns/${SEED_CAMPAIGN_ID}?q=${encodeURIComponent(contact.number)}`);
    // By label rather than role: role queries over the whole report page are slow in jsdom.
    await waitForLazyPanel('contacts');
    const table = await screen.findByRole('table', { name: 'Contacts' });
    fireEvent.click(await within(table).findByLabelText(`Call history of ${contact.number}`, { selector: 'button' }, { timeout: 5000 }));

    const panel = await screen.findByLabelText(`Call history of ${contact.number}`, { selector: 'section' });
    expect(await within(panel).findByText('2nd retry')).toBeInTheDocument();
    const rows = within(panel).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toHaveTextContent('Busy');
    expect(rows[1]).toHaveTextContent('None');
    expect(within(rows[2] as HTMLElement).getByRole('link', { name: 'Recording of attempt 2' })).toHaveAttribute('href', 'https://rec/a2.mp3');
    expect(rows[2]).toHaveTextContent('likely expired');
    expect(rows[3]).not.toHaveTextContent('likely expired');
    expect(panel).toHaveTextContent('Exotel keeps call recordings for about 90 days');
    expect(panel).toHaveTextContent('1 of these recordings is past that.');
    expect(window.location.search).toContain('contact=');

    fireEvent.click(within(panel).getByRole('button', { name: 'Close history' }));
    expect(screen.queryByLabelText(`Call history of ${contact.number}`, { selector: 'section' })).toBeNull();
  });
});
