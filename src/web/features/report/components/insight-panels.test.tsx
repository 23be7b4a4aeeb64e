// The report's insight parts, read as a campaign manager sees them: a paused campaign part-way through (rates so far,
// too early to judge, above range, your usual), its cost and revenue, why nothing is happening, the day-by-hour
// heatmap and its table, and the seed example's retry sentence.
import { beforeAll, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { startApiServer } from '../../../../../mocks/api/node';
import { PAUSED_CAMPAIGN_ID, pausedReportFixture, seedReportFixture } from '../../../../../mocks/api/fixtures';
import { LOAD_LAZY_CHUNKS_MS, loadLazyChunks, renderApp } from '@/testing/render-app';
import { BusinessPanel } from './business-panel';
import { DayHourHeatmap } from './day-hour-heatmap';
import { TagTable } from './tag-table';
import { DiagnosisNotice } from './diagnosis-notice';
import { MetricTile } from './metric-tile';
import { RetryTable } from './retry-table';

startApiServer();
beforeAll(loadLazyChunks, LOAD_LAZY_CHUNKS_MS);

describe('metric tiles that do not cry wolf', () => {
  it('shows a running campaign\'s rates "so far", above range rather than healthy, and your usual', async () => {
    renderApp(`/campaigns/${PAUSED_CAMPAIGN_ID}`);
    const connect = await screen.findByRole('group', { name: 'Connect rate so far' });
    expect(within(connect).getByText('71.4%')).toBeInTheDocument();
    expect(within(connect).getByText('Above range')).toBeInTheDocument();
    expect(within(connect).queryByText('Healthy')).not.toBeInTheDocument();
    expect(within(connect).getByText(/^Your usual: 52%/)).toBeInTheDocument();
    const retry = screen.getByRole('group', { name: 'Retry success rate so far' });
    expect(within(retry).getByText('Too early to judge')).toBeInTheDocument();
  });

  it('gives the paused campaign the reason nothing is happening', async () => {
    renderApp(`/campaigns/${PAUSED_CAMPAIGN_ID}`);
    expect(await screen.findByText('Why nothing is happening')).toBeInTheDocument();
    expect(screen.getByText(/The campaign is paused, so Exotel is not dialling; 360 contacts are still pending/)).toBeInTheDocument();
  });

  it('reads a too-early verdict without a colour of alarm', () => {
    render(<MetricTile name="retrySuccessRate" metric={pausedReportFixture.metrics.retrySuccessRate} />);
    const tile = screen.getByRole('group', { name: 'Retry success rate so far' });
    expect(tile).toHaveAttribute('data-verdict', 'too-early');
    expect(within(tile).getByText('Too early to judge')).toBeInTheDocument();
    expect(within(tile).queryByText('Out of range')).not.toBeInTheDocument();
  });
});

describe('cost and revenue', () => {
  it('shows cost in rupees and pulses, labelled an estimate, per connected contact, and revenue against cost', () => {
    render(<BusinessPanel business={pausedReportFixture.business} />);
    expect(screen.getByText('Campaign cost (estimate)')).toBeInTheDocument();
    expect(screen.getByText('₹84.00 (168 pulses)')).toBeInTheDocument();
    expect(screen.getByText(/worked out from call durations/)).toBeInTheDocument();
    expect(screen.getByText('₹0.84 (1.68 pulses)')).toBeInTheDocument();
    expect(screen.getByText('₹12,000.00')).toBeInTheDocument();
    expect(screen.getByText(/Entered by a manager; ₹120.00 per connected contact/)).toBeInTheDocument();
    expect(screen.getByText('142.86×')).toBeInTheDocument();
  });

  it('shows pulses only, and says what is missing, without a price per pulse or revenue', () => {
    render(<BusinessPanel business={seedReportFixture.business} />);
    expect(screen.getByText('Campaign cost')).toBeInTheDocument();
    expect(screen.getByText('6,125 pulses')).toBeInTheDocument();
    expect(screen.getByText(/Set a price per pulse/)).toBeInTheDocument();
    expect(screen.getByText(/upload contact metadata with a revenue column/)).toBeInTheDocument();
  });
});

describe('best time by day and hour', () => {
  it('marks cells under 20 calls as too few to judge, and offers the figures as a table', async () => {
    const user = userEvent.setup();
    // The fixture's Tuesday calls, plus a quiet Tuesday 09:00 hour of 5 calls.
    const cells = pausedReportFixture.bestTime.byDayHour.map((cell) => (cell.day === 2 && cell.hour === 9 ? { ...cell, calls: 5, connected: 2, rate: 0.4 } : cell));
    render(<DayHourHeatmap cells={cells} timeZone="Asia/Kolkata" />);
    const grid = screen.getByRole('img', { name: /Connect rate by day and hour \(Asia\/Kolkata\)/ });
    expect(grid.querySelectorAll('[data-too-few]')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Show day and hour as table' }));
    const table = screen.getByRole('table', { name: 'Connect rate by day and hour (Asia/Kolkata)' });
    const rows = within(table).getAllByRole('row');
    // 2026-01-20 is a Tuesday: calls from 10:00 to 12:20 IST.
    expect(within(table).getAllByRole('rowheader').every((cell) => cell.textContent === 'Tuesday')).toBe(true);
    expect(rows.length).toBeGreaterThan(1);
    expect(within(table).getAllByText('Too few to judge')).toHaveLength(1);
    expect(within(rows[1]!).getByText('09:00–10:00')).toBeInTheDocument();
  });
});

describe('the by-tag table', () => {
  it('shows each tag with its contacts, connects, rates and average attempts', () => {
    render(
      <TagTable
        tags={[
          { tag: 'gold', contacts: 1200, connected: 300, connectRate: 0.25, answerRate: 0.5, avgAttempts: 1.5 },
          { tag: 'not-dialled', contacts: 4, connected: 0, connectRate: 0, answerRate: null, avgAttempts: null },
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Contacts by tag' });
    const gold = within(table).getByRole('row', { name: /gold/ });
    expect(within(gold).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['1,200', '300', '25%', '50%', '1.5']);
    const pending = within(table).getByRole('row', { name: /not-dialled/ });
    expect(within(pending).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['4', '0', '0%', '—', '—']);
  });
});

describe('why nothing is happening', () => {
  it('says nothing while the campaign is dialling', () => {
    const { container } = render(<DiagnosisNotice diagnosis={{ stalled: false, reasons: [] }} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('lists each reason in words', () => {
    render(
      <DiagnosisNotice
        diagnosis={{
          stalled: true,
          reasons: [{ code: 'waiting-for-retry', message: 'Every pending contact is waiting for its retry interval (60 min); the next retry is due at about 20 Jan 16:00.' }],
        }}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Why nothing is happening');
    expect(screen.getByText(/next retry is due at about 20 Jan 16:00/)).toBeInTheDocument();
  });
});

describe('retry table', () => {
  it('says what the guide says about its example', () => {
    render(<RetryTable retries={seedReportFixture.retries} />);
    expect(screen.getByText('Retries added 375 connected contacts (60% -> 75%).')).toBeInTheDocument();
  });
});
