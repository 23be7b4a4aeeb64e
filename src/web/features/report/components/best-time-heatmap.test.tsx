import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import type { BestTimeAcross, DayHourCell } from '@domain/api-schemas';
import { startApiServer } from '../../../../../mocks/api/node';
import { ApiScopeProvider, SIGNED_IN_SCOPE } from '@/lib/api-scope';
import { BestTimeHeatmap } from './best-time-heatmap';

const server = startApiServer();

function cellsWith(day: number, hour: number, calls: number, connected: number): DayHourCell[] {
  return Array.from({ length: 168 }, (_, c) => {
    const cell = { day: Math.floor(c / 24) + 1, hour: c % 24 };
    return cell.day === day && cell.hour === hour ? { ...cell, calls, connected, rate: connected / calls } : { ...cell, calls: 0, connected: 0, rate: 0 };
  });
}

function renderHeatmap(shared: boolean) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ApiScopeProvider scope={shared ? { base: '/s/t/api', shared: true, contacts: false, masked: true } : SIGNED_IN_SCOPE}>
        <BestTimeHeatmap cells={cellsWith(1, 10, 30, 15)} timeZone="Asia/Kolkata" />
      </ApiScopeProvider>
    </QueryClientProvider>,
  );
}

describe('BestTimeHeatmap', () => {
  it('switches between this campaign and all campaigns of the last 90 days', async () => {
    const across: BestTimeAcross = { timeZone: 'Asia/Kolkata', windowDays: 90, since: '2025-12-01T12:00:00+05:30', campaigns: 3, calls: 12, byDayHour: cellsWith(3, 15, 12, 9) };
    server.use(http.get('http://localhost:3000/api/insight/best-time', () => HttpResponse.json(across)));
    const user = userEvent.setup();
    renderHeatmap(false);
    expect(screen.getByRole('radio', { name: 'This campaign' })).toBeChecked();
    expect(screen.getByRole('img', { name: /best Monday 10:00–11:00: 50% connected of 30 calls/ })).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'All campaigns (90 days)' }));
    expect(await screen.findByText('12 calls of 3 campaigns in the last 90 days.')).toBeInTheDocument();
    // Wednesday 15:00 has 12 calls: under 20, too few to judge.
    await user.click(screen.getByRole('button', { name: 'Show day and hour as table' }));
    const table = screen.getByRole('table', { name: 'Connect rate by day and hour (Asia/Kolkata)' });
    expect(within(table).getByRole('rowheader')).toHaveTextContent('Wednesday');
    expect(within(table).getByText('Too few to judge')).toBeInTheDocument();
  });

  it('offers no all-campaigns view in a share link (it would show campaigns outside the link)', () => {
    renderHeatmap(true);
    expect(screen.queryByRole('radio', { name: 'All campaigns (90 days)' })).not.toBeInTheDocument();
    expect(screen.getByRole('img', { name: /Connect rate by day and hour/ })).toBeInTheDocument();
  });
});
