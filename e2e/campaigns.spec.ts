// Journey: a manager opens callboard, sees every demo campaign with its state, narrows the list, and opens one.
import { expect, test } from '@playwright/test';
import { campaignsResponseSchema } from '../src/domain/api-schemas';
import { DESKTOP, PHONE, RUNNING_NAME, SEED_NAME, expectNoHorizontalPageScroll, expectNoSeriousA11yViolations, findCampaign, screenshotAt } from './support';

test('the campaigns page lists the demo campaigns, filters them and opens a report', async ({ page, request }) => {
  await findCampaign(request, SEED_NAME);
  await page.setViewportSize(DESKTOP);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Campaigns' })).toBeVisible();
  const list = page.getByRole('list', { name: 'Campaigns' });
  for (const name of [SEED_NAME, RUNNING_NAME, 'KYC Update Follow-up', 'Festive Offer Announcement']) {
    await expect(list.getByRole('link', { name })).toBeVisible();
  }
  const running = list.getByRole('listitem').filter({ has: page.getByRole('link', { name: RUNNING_NAME }) });
  await expect(running.getByText('Live', { exact: true })).toBeVisible();
  await expect(running.getByText('In progress')).toBeVisible();
  await expect(running.getByRole('progressbar')).toBeVisible();
  const paused = list.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'KYC Update Follow-up' }) });
  await expect(paused.getByText('Paused')).toBeVisible();

  await expectNoSeriousA11yViolations(page);
  await screenshotAt(page, 'campaigns', DESKTOP);
  await screenshotAt(page, 'campaigns', PHONE);
  await expectNoHorizontalPageScroll(page);
  await page.setViewportSize(DESKTOP);

  // Search by name, then filter by status: both land in the URL, so the view can be shared.
  await page.getByRole('searchbox', { name: 'Search by name' }).fill('reminder');
  await expect(page).toHaveURL(/\?q=reminder/);
  await expect(list.getByRole('link', { name: 'KYC Update Follow-up' })).toHaveCount(0);
  await expect(list.getByRole('link', { name: SEED_NAME })).toBeVisible();
  await expect(list.getByRole('link', { name: RUNNING_NAME })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search by name' }).fill('');
  await page.getByRole('combobox', { name: 'Status' }).selectOption('completed');
  await expect(page).toHaveURL(/status=completed/);
  await expect(list.getByRole('link', { name: SEED_NAME })).toBeVisible();
  await expect(list.getByRole('link', { name: RUNNING_NAME })).toHaveCount(0);

  // A shared link opens the same view.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('completed');
  await list.getByRole('link', { name: SEED_NAME }).click();
  await expect(page.getByRole('heading', { level: 1, name: SEED_NAME })).toBeVisible();
  await expect(page).toHaveURL(/\/campaigns\/[^/]+$/);
});

test('every demo campaign’s report opens without errors, whatever its state', async ({ page, request }) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/favicon/.test(message.text())) errors.push(message.text());
  });
  await findCampaign(request, SEED_NAME);
  const { campaigns } = campaignsResponseSchema.parse(await (await request.get('/api/campaigns')).json());
  expect(campaigns.length).toBeGreaterThanOrEqual(4);
  for (const campaign of campaigns) {
    await page.goto(`/campaigns/${campaign.id}`);
    await expect(page.getByRole('heading', { level: 1, name: campaign.name })).toBeVisible();
    await expect(page.getByText('Created', { exact: true }).first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Retry effectiveness' })).toBeVisible();
  }
  expect(errors).toEqual([]);
});
