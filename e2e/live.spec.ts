// Journey: a running campaign's report moves on its own: a webhook from the simulator changes the completed count
// within seconds, without a reload (SSE -> invalidate -> refetch), and the header shows it is live.
import { expect, test } from '@playwright/test';
import { RUNNING_NAME, findCampaign, statValue } from './support';

test('a running campaign’s completed count moves without a reload', async ({ page, request }) => {
  test.setTimeout(90_000);
  const running = await findCampaign(request, RUNNING_NAME);
  await page.goto(`/campaigns/${running.id}`);
  await expect(page.getByRole('heading', { level: 1, name: RUNNING_NAME })).toBeVisible();
  await expect(page.getByText('Live', { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('freshness')).toHaveText(/updated \d+ (s|min) ago/);

  // A marker on window survives only if the page is never reloaded.
  await page.evaluate(() => Object.assign(window, { callboardNoReload: true }));
  const before = await statValue(page, 'Completed');
  await expect.poll(() => statValue(page, 'Completed'), { timeout: 20_000, message: 'the completed count changes' }).toBeGreaterThan(before);
  expect(await page.evaluate(() => 'callboardNoReload' in window)).toBe(true);
});
