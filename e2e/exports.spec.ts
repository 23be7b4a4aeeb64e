// Exports journey: export the seed campaign's completed contacts from the report and open the file; upload a
// contact sheet and find its contact by tag; open that contact's call history. Run with E2E_PORT=18540 (or any
// free port) after `vite build`.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { contactsResponseSchema } from '../src/domain/api-schemas';
import { findCampaign, SCREENSHOTS, SEED_NAME, waitForSyncComplete } from './support';

test('export filtered contacts as CSV, upload a contact sheet, find a contact by tag and open its call history', async ({ page, request }) => {
  const campaign = await findCampaign(request, SEED_NAME);
  await waitForSyncComplete(request, campaign.id);
  const completed = contactsResponseSchema.parse(
    await (await request.get(`/api/campaigns/${campaign.id}/contacts?status=completed&limit=1`)).json(),
  );
  expect(completed.total).toBeGreaterThan(0);

  await page.goto(`/campaigns/${campaign.id}?status=completed`);
  const exportForm = page.getByRole('form', { name: 'Export to CSV' });
  await expect(exportForm).toContainText('status completed');
  const [download] = await Promise.all([page.waitForEvent('download'), exportForm.getByRole('link', { name: 'Download CSV' }).click()]);
  // The UTF-8 file name (filename*) wins over the ASCII fallback.
  expect(download.suggestedFilename()).toMatch(/^Payment Reminder Q1 contacts \d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter((line) => line !== '');
  expect(lines[0]).toMatch(/^number,name,final_status,attempts,last_duration_sec,first_call_at,last_call_at/);
  expect(lines).toHaveLength(completed.total + 1);
  expect(lines.slice(1).every((line) => line.includes(',completed,'))).toBe(true);

  // A sheet naming one dialled contact in its trunk-zero form, tagged, plus one bad row.
  const contact = completed.rows[0];
  if (contact === undefined) throw new Error('no completed contact');
  const national = contact.number.replace(/\D/g, '').slice(-10);
  const sheet = `number,name,tags,city\r\n0${national},E2E Person,e2e-vip;north,Pune\r\n12345,Nobody,,\r\n`;
  const uploadForm = page.getByRole('form', { name: 'Upload contact details' });
  await uploadForm.getByLabel('Contact sheet (CSV)').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
  await uploadForm.getByRole('button', { name: 'Upload' }).click();
  await expect(uploadForm.getByRole('status')).toContainText('1 row applied, 1 rejected:');
  await expect(uploadForm.getByRole('table', { name: 'Rejected rows' })).toContainText('3');

  await page.goto(`/campaigns/${campaign.id}`);
  await page.getByRole('searchbox', { name: 'Tag', exact: true }).fill('e2e-vip');
  await expect(page.getByText('1 contact match')).toBeVisible();
  const table = page.getByRole('table', { name: 'Contacts', exact: true });
  await expect(table).toContainText('E2E Person');
  await expect(table).toContainText('e2e-vip, north');

  await table.getByRole('button', { name: `Call history of ${contact.number}` }).click();
  const history = page.getByRole('region', { name: `Call history of ${contact.number}` });
  await expect(history).toContainText('Exotel keeps call recordings for about 90 days');
  await expect(history.getByRole('row')).toHaveCount(contact.attempts + 1);
  await page.screenshot({ path: `${SCREENSHOTS}/exports-history.png`, fullPage: true });
});
