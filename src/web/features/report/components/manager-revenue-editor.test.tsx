// Entering a campaign's revenue from the business panel, as a manager does it: the figure is sent, the panel shows
// it at once as entered by a manager, it can be edited and cleared, a figure the server would refuse is explained
// before anything is sent, and shared views never offer the control.
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import type { Report } from '@domain/api-schemas';
import { startApiServer } from '../../../../../mocks/api/node';
import { API } from '../../../../../mocks/api/handlers';
import { SEED_CAMPAIGN_ID, seedReportFixture } from '../../../../../mocks/api/fixtures';
import { ApiScopeProvider, SIGNED_IN_SCOPE, type ApiScope } from '@/lib/api-scope';
import { createTestQueryClient } from '@/testing/render-app';
import { reportQueries } from '../api/get-report';
import { BusinessPanel } from './business-panel';
import { parseRupeesInput } from './manager-revenue-editor';

const server = startApiServer();

/** A server that keeps a manager's figure: the report says what was last saved, as callboard's does. */
function serveRevenue(initial: number | null) {
  const state = { rupees: initial, puts: [] as unknown[] };
  const report = (): Report => ({
    ...seedReportFixture,
    business: { ...seedReportFixture.business, revenue: state.rupees, revenueSource: state.rupees === null ? null : 'manager', revenuePerConnect: null },
  });
  server.use(
    http.get(`${API}/campaigns/${SEED_CAMPAIGN_ID}/report`, () => HttpResponse.json(report())),
    http.put(`${API}/campaigns/${SEED_CAMPAIGN_ID}/revenue`, async ({ request }) => {
      const body = (await request.json()) as { rupees: number | null };
      state.puts.push(body);
      state.rupees = body.rupees;
      return HttpResponse.json({ revenue: body.rupees === null ? null : { rupees: body.rupees, setBy: 'asha@example.com', setAt: '2025-03-01T12:00:00.000Z' } });
    }),
  );
  return state;
}

function PanelFromReport() {
  const report = useQuery(reportQueries.report(SEED_CAMPAIGN_ID));
  return report.data ? <BusinessPanel business={report.data.business} campaignId={SEED_CAMPAIGN_ID} /> : <p>Loading…</p>;
}

function renderPanel(scope: ApiScope = SIGNED_IN_SCOPE) {
  render(
    <QueryClientProvider client={createTestQueryClient()}>
      <ApiScopeProvider scope={scope}>
        <PanelFromReport />
      </ApiScopeProvider>
    </QueryClientProvider>,
  );
}

describe('entering revenue in the business panel', () => {
  it('sends the figure a manager types and shows it at once, entered by a manager', async () => {
    const server = serveRevenue(null);
    const user = userEvent.setup();
    renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Enter revenue' }));
    await user.type(screen.getByLabelText('Revenue in rupees'), '1,25,000.50');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('₹1,25,000.50')).toBeInTheDocument();
    expect(screen.getByText(/^Entered by a manager/)).toBeInTheDocument();
    expect(server.puts).toEqual([{ rupees: 125000.5 }]);
    expect(screen.queryByRole('form', { name: 'Campaign revenue' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit revenue' })).toBeInTheDocument();
  });

  it('opens the saved figure for editing, and clears it back to no revenue', async () => {
    const server = serveRevenue(12000);
    const user = userEvent.setup();
    renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Edit revenue' }));
    expect(screen.getByLabelText('Revenue in rupees')).toHaveValue('12000');
    await user.click(screen.getByRole('button', { name: 'Clear' }));

    expect(await screen.findByText(/^No revenue known yet/)).toBeInTheDocument();
    expect(server.puts).toEqual([{ rupees: null }]);
    expect(screen.getByRole('button', { name: 'Enter revenue' })).toBeInTheDocument();
  });

  it.each([
    ['-500', 'Revenue cannot be negative.'],
    ['12.345', 'Use at most two decimals (paise).'],
    ['twelve', 'Enter the revenue in rupees, as a number.'],
    ['', 'Enter the revenue in rupees, as a number.'],
    ['2000000000000', 'Revenue can be at most ₹1,00,000 crore.'],
  ])('explains why %j cannot be saved, and sends nothing', async (typed, message) => {
    const server = serveRevenue(null);
    const user = userEvent.setup();
    renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Enter revenue' }));
    if (typed !== '') await user.type(screen.getByLabelText('Revenue in rupees'), typed);
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(screen.getByRole('alert')).toHaveTextContent(message);
    expect(screen.getByLabelText('Revenue in rupees')).toHaveAttribute('aria-invalid', 'true');
    expect(server.puts).toEqual([]);
  });

  it('says why the server refused the figure, keeping the form open', async () => {
    serveRevenue(null);
    server.use(http.put(`${API}/campaigns/${SEED_CAMPAIGN_ID}/revenue`, () => HttpResponse.json({ error: 'Only a manager or an admin may enter revenue.' }, { status: 403 })));
    const user = userEvent.setup();
    renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Enter revenue' }));
    await user.type(screen.getByLabelText('Revenue in rupees'), '500');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The revenue was not saved: Only a manager or an admin may enter revenue.');
    expect(screen.getByRole('form', { name: 'Campaign revenue' })).toBeInTheDocument();
  });

  it('offers no control in a shared view, nor where no campaign is given', async () => {
    serveRevenue(12000);
    renderPanel({ base: '/api', shared: true, contacts: true });
    expect(await screen.findByText(/^Entered by a manager/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /revenue/i })).not.toBeInTheDocument();

    render(<BusinessPanel business={seedReportFixture.business} />);
    expect(screen.queryByRole('button', { name: /revenue/i })).not.toBeInTheDocument();
  });
});

describe('parseRupeesInput', () => {
  it.each([
    ['125000.50', 125000.5],
    ['1,25,000', 125000],
    ['₹ 5,000.5', 5000.5],
    ['0', 0],
    ['.75', 0.75],
  ])('reads %j as %d rupees', (typed, rupees) => {
    expect(parseRupeesInput(typed)).toEqual({ ok: true, rupees });
  });

  it.each(['1e5', '12abc', '--5', '1.2.3', 'Infinity'])('refuses %j', (typed) => {
    expect(parseRupeesInput(typed).ok).toBe(false);
  });
});
