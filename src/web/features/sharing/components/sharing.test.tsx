import { beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { startApiServer } from '../../../../../mocks/api/node';
import { SHARED_TOKEN } from '../../../../../mocks/api/access';
import { SEED_CAMPAIGN_ID } from '../../../../../mocks/api/fixtures';
import { LOAD_LAZY_CHUNKS_MS, loadLazyChunks, renderApp, TEST_ADMIN_SESSION, waitForLazyDialog, waitForLazyPanel } from '@/testing/render-app';

const server = startApiServer();
beforeAll(loadLazyChunks, LOAD_LAZY_CHUNKS_MS);

/** Each piece of text on the page (not their concatenation, which glues a chart's axis labels together). */
function textsWithSevenDigits(): string[] {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const found: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (/\d{7}/.test(node.textContent ?? '')) found.push(node.textContent ?? '');
  }
  return found;
}

describe('share dialog', () => {
  it('creates a masked 7-day link by default and shows its URL to copy', async () => {
    const bodies: unknown[] = [];
    server.events.on('request:start', async ({ request }) => {
      if (request.method === 'POST' && request.url.endsWith('/api/share-links')) bodies.push(await request.clone().json());
    });
    const user = userEvent.setup();
    renderApp(`/campaigns/${SEED_CAMPAIGN_ID}`, undefined, { session: { user: { ...TEST_ADMIN_SESSION.user, role: 'manager' } } });
    await user.click(await screen.findByRole('button', { name: 'Share' }));
    await waitForLazyDialog();
    const dialog = screen.getByRole('dialog', { name: /Share/ });
    expect(within(dialog).getByLabelText('Expires after')).toHaveDisplayValue('7 days');
    expect(within(dialog).getByRole('radio', { name: /Masked/ })).toBeChecked();
    // A manager may not share full numbers (unless the server's setting allows: it still decides).
    expect(within(dialog).getByRole('radio', { name: 'Full' })).toBeDisabled();
    await user.click(within(dialog).getByLabelText('Include the contact list'));
    await user.type(within(dialog).getByLabelText('Label (optional)'), 'Collections');
    await user.click(within(dialog).getByRole('button', { name: 'Create link' }));

    expect(await within(dialog).findByLabelText('Share link URL')).toHaveValue('http://localhost:3000/s/new-token-abcdefghijklmnop');
    expect(bodies).toEqual([{ campaignIds: [SEED_CAMPAIGN_ID], ttlHours: 168, pii: 'masked', contacts: true, label: 'Collections' }]);
    server.events.removeAllListeners();

    // The campaign's links, with their opens log.
    const links = within(dialog).getByRole('table', { name: 'Share links to this campaign' });
    expect(within(links).getByText('For the collections team')).toBeInTheDocument();
    await user.click(within(links).getByRole('button', { name: 'Opens of For the collections team' }));
    expect(await within(dialog).findByText(/203\.0\.113\.0\/24/)).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('revokes and rotates a link from its row', async () => {
    const calls: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.method !== 'GET') calls.push(`${request.method} ${new URL(request.url).pathname}`);
    });
    const user = userEvent.setup();
    renderApp(`/campaigns/${SEED_CAMPAIGN_ID}`);
    await user.click(await screen.findByRole('button', { name: 'Share' }));
    await waitForLazyDialog();
    const dialog = screen.getByRole('dialog');
    await user.click(await within(dialog).findByRole('button', { name: 'Rotate For the collections team' }));
    expect(await within(dialog).findByLabelText(/New URL of sl_seed1/)).toHaveValue('http://localhost:3000/s/rotated-token-abcdefghijk');
    await user.click(within(dialog).getByRole('button', { name: 'Revoke For the collections team' }));
    await waitFor(() => expect(calls).toEqual(['POST /api/share-links/sl_seed1/rotate', 'DELETE /api/share-links/sl_seed1']));
    server.events.removeAllListeners();
  });
});

describe('shared view', () => {
  it('shows the report read-only, masked, with no way to other campaigns', async () => {
    renderApp(`/s/${SHARED_TOKEN}`, undefined, { session: null });
    expect(await screen.findByRole('heading', { level: 1, name: 'Payment Reminder Q1' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'All campaigns' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'callboard' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Share' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Sign in to callboard' })).not.toBeInTheDocument();
    await waitForLazyPanel('contacts');
    const table = await screen.findByRole('table', { name: 'Contacts' });
    await within(table).findAllByText(/^\+91\*+\d{4}$/);
    expect(textsWithSevenDigits()).toEqual([]);
    // The link allows contacts, so it may export them: masked, under its own prefix, without the sheet's columns.
    const exportForm = screen.getByRole('form', { name: 'Export to CSV' });
    const href = new URL(within(exportForm).getByRole('link', { name: 'Download CSV' }).getAttribute('href') ?? '', 'http://localhost:3000');
    expect(href.pathname).toBe(`/s/${SHARED_TOKEN}/api/campaigns/${SEED_CAMPAIGN_ID}/contacts.csv`);
    expect(href.searchParams.get('q')).toBeNull();
    expect(within(exportForm).queryByRole('checkbox', { name: 'Email' })).not.toBeInTheDocument();
    expect(within(exportForm).getByText(/numbers partly hidden/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Contact details' })).not.toBeInTheDocument();
  });

  it('says the link is no longer available for an unknown token, and for a campaign outside the link', async () => {
    const first = renderApp('/s/unknown-token-abcdefghijkl', undefined, { session: null });
    expect(await screen.findByRole('heading', { name: 'This link is no longer available' })).toBeInTheDocument();
    first.unmount();
    renderApp(`/s/${SHARED_TOKEN}/campaigns/demo-running`, undefined, { session: null });
    expect(await screen.findByRole('heading', { name: 'This link is no longer available' })).toBeInTheDocument();
  });

  it('hides the contact list when the link was made without contacts, and goes when the API says 404', async () => {
    let revoked = false;
    server.use(
      http.get(`http://localhost:3000/s/:token/api/scope`, () =>
        HttpResponse.json({ kind: 'share', campaignIds: [SEED_CAMPAIGN_ID], masked: true, contacts: false, label: null, expiresAt: null }),
      ),
      http.get(`http://localhost:3000/s/:token/api/campaigns/:id/report`, () => (revoked ? HttpResponse.json({ error: 'Not found.' }, { status: 404 }) : undefined)),
    );
    const { queryClient } = renderApp(`/s/${SHARED_TOKEN}`, undefined, { session: null });
    expect(await screen.findByRole('heading', { level: 1, name: 'Payment Reminder Q1' })).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Contacts' })).not.toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Export to CSV' })).not.toBeInTheDocument();
    // Not merely still loading: the panels are not there at all.
    expect(screen.queryByRole('status', { name: 'Loading contacts' })).not.toBeInTheDocument();
    expect(screen.queryByRole('status', { name: 'Loading export choices' })).not.toBeInTheDocument();
    revoked = true;
    await queryClient.invalidateQueries();
    expect(await screen.findByRole('heading', { name: 'This link is no longer available' })).toBeInTheDocument();
    expect(screen.queryByText('Payment Reminder Q1')).not.toBeInTheDocument();
  });
});

describe('settings', () => {
  it('shows an admin the users, every share link, the displays and the audit log', async () => {
    const user = userEvent.setup();
    renderApp('/settings');
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(await screen.findByRole('cell', { name: 'ravi@example.com' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Remove asha@example.com' })).not.toBeInTheDocument();
    const links = await screen.findByRole('table', { name: 'All share links' });
    expect(within(links).getByRole('cell', { name: 'asha@example.com' })).toBeInTheDocument();
    const displays = await screen.findByRole('table', { name: 'Displays' });
    expect(within(displays).getByText('Online')).toBeInTheDocument();
    expect(within(displays).getByText('0.1.0')).toBeInTheDocument();
    const audit = await screen.findByRole('table', { name: 'Audit log' });
    expect(within(audit).getByText('share-link.created')).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: 'Email' }), 'new@example.com');
    await user.type(screen.getByLabelText('Password'), 'a long enough password');
    await user.click(screen.getByRole('button', { name: 'Add user' }));
    expect(await screen.findByText('User added.')).toBeInTheDocument();
  });

  it('shows a manager links and displays, but not users or the audit log', async () => {
    renderApp('/settings', undefined, { session: { user: { email: 'ravi@example.com', role: 'manager' } } });
    expect(await screen.findByRole('table', { name: 'All share links' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Users' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Audit log' })).not.toBeInTheDocument();
  });
});
