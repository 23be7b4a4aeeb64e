import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { ExportPanel } from './export-panel';

function downloadUrl(): URL {
  return new URL(screen.getByRole('link', { name: 'Download CSV' }).getAttribute('href') ?? '');
}

describe('ExportPanel', () => {
  it('links to the contacts export with the list filters, the chosen columns and the date range', () => {
    render(<ExportPanel campaignId="camp 1" filters={{ q: 'asha', status: 'completed', tag: 'vip' }} />);
    expect(screen.getByText(/search “asha”, status completed, tag “vip”/)).toBeInTheDocument();
    let url = downloadUrl();
    expect(url.pathname).toBe('/api/campaigns/camp%201/contacts.csv');
    expect(Object.fromEntries(url.searchParams)).toEqual({ q: 'asha', status: 'completed', tag: 'vip' });
    expect(screen.getByRole('link', { name: 'Download CSV' })).toHaveAttribute('download');

    fireEvent.click(screen.getByRole('checkbox', { name: 'Attempts' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Email' }));
    fireEvent.change(screen.getByLabelText('From (day)'), { target: { value: '2026-01-10' } });
    fireEvent.change(screen.getByLabelText('To (day)'), { target: { value: '2026-01-15' } });
    url = downloadUrl();
    expect(url.searchParams.get('fields')).toBe('number,name,email,final_status,last_duration_sec,first_call_at,last_call_at');
    expect(url.searchParams.get('from')).toBe('2026-01-10');
    expect(url.searchParams.get('to')).toBe('2026-01-15');
  });

  it('exports call attempts without the contact filters, and refuses an empty column set or a backwards range', () => {
    render(<ExportPanel campaignId="c1" filters={{ q: 'asha', status: undefined, tag: undefined }} />);
    fireEvent.click(screen.getByRole('radio', { name: 'One row per call attempt' }));
    const url = downloadUrl();
    expect(url.pathname).toBe('/api/campaigns/c1/calls.csv');
    expect(url.searchParams.get('q')).toBeNull();
    expect(screen.getByRole('checkbox', { name: 'Recording URL' })).toBeChecked();

    fireEvent.change(screen.getByLabelText('From (day)'), { target: { value: '2026-02-01' } });
    fireEvent.change(screen.getByLabelText('To (day)'), { target: { value: '2026-01-01' } });
    expect(screen.getByRole('status')).toHaveTextContent('The range ends before it starts.');
    expect(screen.queryByRole('link', { name: 'Download CSV' })).toBeNull();
  });
});
