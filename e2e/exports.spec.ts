// Exports and insight journeys: export the seed campaign's completed contacts from the report and open the file;
// upload a contact sheet and find its contact by tag; open that contact's call history. A stranger exports from a
// masked share link that may list contacts. A sheet with tags and revenue fills the "by tag" table and the revenue,
// which a manager's own figure then overrides. Run with E2E_PORT=18540 (or any free port) after `vite build`.
import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { contactsResponseSchema } from '../src/domain/api-schemas';
import { findCampaign, PAUSED_NAME, SCREENSHOTS, SEED_NAME, waitForSyncComplete } from './support';

/** A downloaded CSV: its first bytes and its lines (CRLF-separated, the BOM taken off). */
function readCsv(path: string): { bom: number[]; lines: string[] } {
  const bytes = readFileSync(path);
  return { bom: [...bytes.subarray(0, 3)], lines: bytes.subarray(3).toString('utf8').split('\r\n').filter((line) => line !== '') };
}

async function download(page: Page, click: () => Promise<void>): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return file;
}

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
  const file = await download(page, () => exportForm.getByRole('link', { name: 'Download CSV' }).click());
  // The UTF-8 file name (filename*) wins over the ASCII fallback.
  expect(file.suggestedFilename()).toMatch(/^Payment Reminder Q1 contacts \d{4}-\d{2}-\d{2}\.csv$/);
  const { bom, lines } = readCsv(await file.path());
  expect(bom).toEqual([0xef, 0xbb, 0xbf]);
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

test('a stranger exports the filtered contacts of a masked share link, numbers masked', async ({ browser, request }) => {
  const campaign = await findCampaign(request, SEED_NAME);
  await waitForSyncComplete(request, campaign.id);
  const created = await request.post('/api/share-links', { data: { campaignIds: [campaign.id], pii: 'masked', contacts: true, label: 'E2E export' } });
  expect(created.status()).toBe(201);
  const { url } = (await created.json()) as { url: string };
  const token = new URL(url).pathname;

  const stranger = await browser.newContext({ acceptDownloads: true });
  try {
    const shared = await stranger.newPage();
    await shared.goto(`${url}?status=completed`);
    await expect(shared.getByRole('heading', { level: 1, name: SEED_NAME })).toBeVisible();
    // What the shared list shows for the filter, read as the link reads it.
    const listed = contactsResponseSchema.parse(await (await stranger.request.get(`${token}/api/campaigns/${campaign.id}/contacts?status=completed&limit=1`)).json());
    expect(listed.total).toBeGreaterThan(0);
    const exportForm = shared.getByRole('form', { name: 'Export to CSV' });
    await expect(exportForm).toContainText('Contacts with status completed, numbers partly hidden');

    const file = await download(shared, () => exportForm.getByRole('link', { name: 'Download CSV' }).click());
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    const { bom, lines } = readCsv(await file.path());
    expect(bom).toEqual([0xef, 0xbb, 0xbf]);
    expect(lines[0]).toMatch(/^number,name,final_status,attempts,last_duration_sec,first_call_at,last_call_at/);
    expect(lines).toHaveLength(listed.total + 1);
    const rows = lines.slice(1);
    expect(rows.every((line) => line.includes(',completed,'))).toBe(true);
    // Every number keeps its country code and last four digits (behind the spreadsheet guard's apostrophe: a masked
    // number is no phone number, so its leading + is quoted); no run of seven digits is left anywhere in the file.
    expect(rows.filter((line) => !/^'?\+\d{1,3}\*+\d{4},/.test(line))).toEqual([]);
    expect(rows.filter((line) => /\d{7}/.test(line.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/g, '')))).toEqual([]);
  } finally {
    await stranger.close();
  }
});

test('a sheet with tags and revenue fills the by-tag table and the revenue; a manager’s own figure then wins', async ({ page, request }) => {
  const campaign = await findCampaign(request, PAUSED_NAME);
  await waitForSyncComplete(request, campaign.id);
  const completed = contactsResponseSchema.parse(await (await request.get(`/api/campaigns/${campaign.id}/contacts?status=completed&limit=3&sort=number:asc`)).json());
  const [first, second, third] = completed.rows.map((row) => row.number.replace(/\D/g, '').slice(-10));
  if (first === undefined || second === undefined || third === undefined) throw new Error('the paused campaign needs three connected contacts');
  const sheet = `number,name,tags,revenue\r\n${first},Gold North,e2e-gold;e2e-north,1000\r\n+91 ${second},Gold,e2e-gold,2500.50\r\n0${third},North New,e2e-north;e2e-new,\r\n`;

  await page.goto(`/campaigns/${campaign.id}`);
  const uploadForm = page.getByRole('form', { name: 'Upload contact details' });
  await uploadForm.getByLabel('Contact sheet (CSV)').setInputFiles({ name: 'tags.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
  await uploadForm.getByRole('button', { name: 'Upload' }).click();
  await expect(uploadForm.getByRole('status')).toContainText('3 rows applied, none rejected.');

  // No reload: the upload refreshes the report, whose by-tag table and revenue come from the sheet.
  const tags = page.getByRole('table', { name: 'Contacts by tag' });
  const tagRow = (tag: string) => tags.getByRole('row').filter({ has: page.getByRole('rowheader', { name: tag, exact: true }) });
  // Contacts, then connected: all three contacts connected.
  for (const [tag, contacts] of [['e2e-gold', '2'], ['e2e-north', '2'], ['e2e-new', '1']] as const) {
    await expect(tagRow(tag).getByRole('cell').nth(0)).toHaveText(contacts);
    await expect(tagRow(tag).getByRole('cell').nth(1)).toHaveText(contacts);
  }

  const business = page.getByRole('region', { name: 'Cost and revenue' });
  await expect(business).toContainText('₹3,500.50');
  await expect(business).toContainText('From the contact metadata');

  // A second browser tab on the same report hears of the change without reloading.
  const other = await page.context().newPage();
  await other.goto(`/campaigns/${campaign.id}`);
  await expect(other.getByRole('region', { name: 'Cost and revenue' })).toContainText('From the contact metadata');

  await business.getByRole('button', { name: 'Enter revenue' }).click();
  const form = business.getByRole('form', { name: 'Campaign revenue' });
  await form.getByLabel('Revenue in rupees').fill('12.345');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toHaveText('Use at most two decimals (paise).');
  await form.getByLabel('Revenue in rupees').fill('1,25,000');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toHaveCount(0);
  await expect(business).toContainText('₹1,25,000.00');
  await expect(business).toContainText('Entered by a manager');
  await expect(other.getByRole('region', { name: 'Cost and revenue' })).toContainText('Entered by a manager', { timeout: 8_000 });
  await page.screenshot({ path: `${SCREENSHOTS}/report-revenue-entered.png`, fullPage: true });
  await other.close();

  // It is kept: a reload shows it still, and clearing it gives the sheet's revenue back.
  await page.reload();
  await expect(business).toContainText('Entered by a manager');
  await business.getByRole('button', { name: 'Edit revenue' }).click();
  await expect(form.getByLabel('Revenue in rupees')).toHaveValue('125000');
  await form.getByRole('button', { name: 'Clear' }).click();
  await expect(business).toContainText('₹3,500.50');
  await expect(business).toContainText('From the contact metadata');
});
