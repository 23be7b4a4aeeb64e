// Journey: a stakeholder opens a running campaign's report on a phone (390 px wide). The page never scrolls sideways,
// contacts and retries read as stacked cards, and every control is at least 44 px high to tap.
import { expect, test } from '@playwright/test';
import { PHONE, RUNNING_NAME, SCREENSHOTS, expectNoHorizontalPageScroll, findCampaign } from './support';

test.use({ viewport: PHONE });

test('a report on a 390 px phone: no sideways scroll, readable rows, 44 px tap targets', async ({ page, request }) => {
  const running = await findCampaign(request, RUNNING_NAME);
  await page.goto(`/campaigns/${running.id}`);
  await expect(page.getByRole('heading', { level: 1, name: RUNNING_NAME })).toBeVisible();
  const contacts = page.getByRole('table', { name: 'Contacts', exact: true });
  await expect(contacts.getByRole('row').first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('list', { name: 'Retry effectiveness by attempt' })).toBeVisible();

  await expectNoHorizontalPageScroll(page);

  // A contact card fits the screen: its number is shown whole, not clipped by a sideways-scrolling box.
  const firstCard = contacts.getByRole('row').first();
  const card = await firstCard.boundingBox();
  expect(card, 'the first contact card has a box').not.toBeNull();
  expect(card!.x).toBeGreaterThanOrEqual(0);
  expect(card!.x + card!.width).toBeLessThanOrEqual(PHONE.width);
  const number = firstCard.getByRole('cell').first();
  expect(await number.evaluate((cell) => cell.scrollWidth <= cell.clientWidth), 'the number is not truncated').toBe(true);
  await expect(number).toHaveText(/\+?\d{6,}/);

  // Every visible control inside the page content is a comfortable tap target.
  const small = await page.locator('main').evaluate((main) =>
    [...main.querySelectorAll<HTMLElement>('button, a[href], input, select')]
      .filter((element) => element.getClientRects().length > 0 && !element.closest('.sr-only'))
      // A checkbox or radio is tapped through its label, so the label's box is its target.
      .map((element) => (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio') && element.closest('label')) || element)
      .map((element) => ({ label: (element.textContent || element.getAttribute('aria-label') || element.tagName).trim().slice(0, 40), height: element.getBoundingClientRect().height }))
      .filter((target) => target.height < 44),
  );
  expect(small, `targets under 44 px: ${JSON.stringify(small)}`).toEqual([]);

  await page.screenshot({ path: `${SCREENSHOTS}/report-phone-${PHONE.width}x${PHONE.height}.png`, fullPage: true });
});
