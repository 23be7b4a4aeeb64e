// Journey: the seed example's report reads exactly the reporting guide's numbers once sync has finished; a contact
// is found by part of its number; the page is accessible and fits a phone.
import { expect, test } from '@playwright/test';
import { contactsResponseSchema } from '../src/domain/api-schemas';
import {
  DESKTOP,
  PHONE,
  SEED_NAME,
  expectNoHorizontalPageScroll,
  expectNoSeriousA11yViolations,
  findCampaign,
  screenshotAt,
  statValue,
  waitForSyncComplete,
} from './support';

test('the seed example reads the reporting guide’s worked-example numbers, and a contact is found by part of its number', async ({ page, request }) => {
  test.setTimeout(150_000);
  const seed = await findCampaign(request, SEED_NAME);
  await page.setViewportSize(DESKTOP);
  await page.goto('/');
  await page.getByRole('link', { name: SEED_NAME }).click();
  await expect(page.getByRole('heading', { level: 1, name: SEED_NAME })).toBeVisible();
  await expect(page.getByText('Completed', { exact: true }).first()).toBeVisible();

  // The report fills in while call records arrive; the page updates itself (poll + SSE), no reload needed.
  await waitForSyncComplete(request, seed.id);
  await expect.poll(() => statValue(page, 'Completed'), { timeout: 45_000, message: 'completed reaches 1,875 on screen' }).toBe(1875);
  expect(await statValue(page, 'Created')).toBe(2500);
  expect(await statValue(page, 'Failed')).toBe(425);
  expect(await statValue(page, 'Busy')).toBe(87);
  expect(await statValue(page, 'No answer')).toBe(113);

  const connectRate = page.getByRole('group', { name: 'Connect rate' });
  await expect(connectRate).toContainText('75%');
  await connectRate.focus();
  await expect(connectRate.getByRole('tooltip')).toBeVisible();
  await expect(connectRate.getByRole('tooltip')).toContainText('completed / created');
  await connectRate.blur();
  await expect(connectRate.getByRole('tooltip')).toBeHidden();

  const retries = page.getByRole('table', { name: 'Retry effectiveness by attempt' });
  await expect(retries.getByRole('row')).toHaveText([
    /Attempt/,
    /1st attempt\s*2,500\s*1,500\s*60%/,
    /1st retry\s*1,000\s*250\s*25%/,
    /2nd retry\s*750\s*125\s*16\.7%/,
    /Total\s*2,500\s*1,875\s*75%/,
  ]);

  // Charts arrive from their own chunk and are labelled for screen readers.
  await expect(page.getByRole('img', { name: /Contacts by final status: Completed 1,875 \(75%\)/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Calls ended per/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Connect rate by hour of day/ })).toBeVisible();
  await expect(page.locator('.recharts-pie-sector').first()).toBeVisible();
  await expect(page.getByText(/^Best time to call: /)).toBeVisible();

  await expectNoSeriousA11yViolations(page);
  await screenshotAt(page, 'report', DESKTOP);
  await screenshotAt(page, 'report', PHONE);
  await expectNoHorizontalPageScroll(page);
  await page.setViewportSize(DESKTOP);

  // Find a contact by a part of its number, typed as a person would.
  const sample = contactsResponseSchema.parse(await (await request.get(`/api/campaigns/${seed.id}/contacts?limit=1&offset=1234`)).json()).rows[0];
  expect(sample).toBeDefined();
  const fragment = (sample?.number ?? '').replace(/\D/g, '').slice(-7);
  const search = page.getByRole('searchbox', { name: /Search contacts/ });
  await search.pressSequentially(fragment, { delay: 40 });
  await expect(page).toHaveURL(new RegExp(`q=${fragment}`));
  const contacts = page.getByRole('table', { name: 'Contacts', exact: true });
  await expect(contacts.getByRole('cell', { name: sample?.number ?? '' })).toBeVisible();
  await expect(page.getByText(/^\d[\d,]* contacts? match$/)).toBeVisible();

  // Filter by status; the count comes from the server.
  await search.fill('');
  await page.getByRole('combobox', { name: 'Final status' }).selectOption('busy');
  await expect(page.getByText('87 contacts match')).toBeVisible();
  const attempts = page.getByRole('columnheader', { name: /Attempts/ });
  await attempts.getByRole('button').click();
  await expect(attempts).toHaveAttribute('aria-sort', 'descending');
});
