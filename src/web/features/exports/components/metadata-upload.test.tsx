import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { startApiServer } from '../../../../../mocks/api/node';
import { API } from '../../../../../mocks/api/handlers';
import { campaignKeys } from '@/lib/query-keys';
import { createTestQueryClient } from '@/testing/render-app';
import { MetadataUpload } from './metadata-upload';

const server = startApiServer();

function renderUpload(queryClient = createTestQueryClient()) {
  render(
    <QueryClientProvider client={queryClient}>
      <MetadataUpload campaignId="c1" />
    </QueryClientProvider>,
  );
}

function chooseFile(text: string) {
  const file = new File([text], 'contacts.csv', { type: 'text/csv' });
  fireEvent.change(screen.getByLabelText('Contact sheet (CSV)'), { target: { files: [file] } });
  fireEvent.click(screen.getByRole('button', { name: 'Upload' }));
}

describe('MetadataUpload', () => {
  it('sends the chosen file and lists the rejected rows by line with their reasons', async () => {
    let received = '';
    server.use(
      http.put(`${API}/campaigns/c1/contact-metadata`, async ({ request }) => {
        const form = await request.formData();
        const file = form.get('file');
        received = file !== null && typeof file === 'object' ? file.name : '';
        return HttpResponse.json({ applied: 2, rejected: [{ row: 3, reason: 'bad number: "12" is not a 10-digit Indian number' }, { row: 5, reason: 'duplicate: +919876543210 is already on row 2' }] });
      }),
    );
    renderUpload();
    chooseFile('number,name\n9876543210,Asha\n');
    expect(await screen.findByText('2 rows applied, 2 rejected:')).toBeInTheDocument();
    expect(received).not.toBe('');
    const rejected = screen.getByRole('table', { name: 'Rejected rows' });
    expect(rejected).toHaveTextContent('3bad number: "12" is not a 10-digit Indian number');
    expect(rejected).toHaveTextContent('5duplicate: +919876543210 is already on row 2');
  });

  it('makes the open report stale as well as the contact list, since its by-tag table and revenue come from the sheet', async () => {
    server.use(http.put(`${API}/campaigns/c1/contact-metadata`, () => HttpResponse.json({ applied: 1, rejected: [] })));
    const queryClient = createTestQueryClient();
    queryClient.setQueryData(campaignKeys.report('c1'), { cached: true });
    queryClient.setQueryData(campaignKeys.contactPage('c1', { q: '' }), { cached: true });
    renderUpload(queryClient);
    chooseFile('number,tags\n9876543210,gold\n');
    expect(await screen.findByText(/1 row applied/)).toBeInTheDocument();
    expect(queryClient.getQueryState(campaignKeys.report('c1'))?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(campaignKeys.contactPage('c1', { q: '' }))?.isInvalidated).toBe(true);
  });

  it('says why a sheet was refused', async () => {
    server.use(http.put(`${API}/campaigns/c1/contact-metadata`, () => HttpResponse.json({ error: 'The sheet cannot be used: the header has no "number" column' }, { status: 400 })));
    renderUpload();
    chooseFile('name\nAsha\n');
    expect(await screen.findByRole('alert')).toHaveTextContent('the header has no "number" column');
  });
});
