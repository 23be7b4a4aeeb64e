// Journey: in demo mode (signed in as the demo admin), a report is shared with a masked link; a stranger's fresh
// browser reads it without signing in, sees no full number and no way to other campaigns; another campaign under
// the same token is "not available"; revoking the link from the first browser ends the open shared page at once.
// Live-mode sign-in needs a server with users, which the demo-mode e2e server has none of: component tests cover it
// (src/web/features/auth/components/sign-in-page.test.tsx).
import { expect, test, type Page } from '@playwright/test';
import { DESKTOP, PHONE, RUNNING_NAME, SEED_NAME, expectNoSeriousA11yViolations, findCampaign, screenshotAt } from './support';

const LABEL = 'E2E stakeholders';
const GONE = 'This link is no longer available';

/** Every text node with a run of 7+ digits: a phone number that masking missed (text nodes, not their concatenation). */
function unmaskedRuns(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const found: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (/\d{7}/.test(text)) found.push(text);
    }
    return found;
  });
}

test('a manager shares a report; the shared page is masked, confined to its campaign, and ends when revoked', async ({ page, browser, request }) => {
  test.setTimeout(240_000);
  const seed = await findCampaign(request, SEED_NAME);
  const other = await findCampaign(request, RUNNING_NAME);

  await page.setViewportSize(DESKTOP);
  await page.goto(`/campaigns/${seed.id}`);
  await expect(page.getByText('Demo mode: signed in as demo admin.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: SEED_NAME })).toBeVisible();

  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Expires after')).toHaveValue('168');
  await expect(dialog.getByRole('radio', { name: /Masked/ })).toBeChecked();
  await dialog.getByLabel('Include the contact list').check();
  await dialog.getByLabel('Label (optional)').fill(LABEL);
  await dialog.getByRole('button', { name: 'Create link' }).click();
  const urlField = dialog.getByLabel('Share link URL');
  await expect(urlField).toHaveValue(/\/s\/[A-Za-z0-9_-]{16,}$/, { timeout: 30_000 });
  const url = await urlField.inputValue();
  await expect(dialog.getByRole('table', { name: 'Share links to this campaign' }).getByRole('cell', { name: LABEL, exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/share-dialog-1440x900.png' });

  // A stranger: a fresh browser context, no cookie, opening only the link.
  const stranger = await browser.newContext();
  try {
    const shared = await stranger.newPage();
    await shared.setViewportSize(PHONE);
    await shared.goto(url);
    await expect(shared.getByRole('heading', { level: 1, name: SEED_NAME })).toBeVisible();
    const contacts = shared.getByRole('table', { name: 'Contacts', exact: true });
    // On a phone each contact is a card whose number cell reads "Number +91******5266" to a screen reader.
    await expect(contacts.getByRole('cell').filter({ hasText: /^(Number )?\+\d{1,3}\*+\d{1,4}$/ }).first()).toBeVisible({ timeout: 20_000 });
    expect(await unmaskedRuns(shared)).toEqual([]);
    // Nothing leads out of the link's scope: no campaigns list, no settings, no sign-in, no share button.
    await expect(shared.getByRole('link', { name: 'All campaigns' })).toHaveCount(0);
    await expect(shared.getByRole('link', { name: 'callboard' })).toHaveCount(0);
    await expect(shared.getByRole('link', { name: 'Settings' })).toHaveCount(0);
    await expect(shared.getByRole('button', { name: 'Share' })).toHaveCount(0);
    // The only links stay under the link's own address (its CSV export, when the link may list contacts).
    const hrefs = await shared.locator('a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    const ownPrefix = new URL(url).pathname + '/';
    expect(hrefs.filter((href) => !href.startsWith('#') && !new URL(href, url).pathname.startsWith(ownPrefix))).toEqual([]);
    await expectNoSeriousA11yViolations(shared);
    await screenshotAt(shared, 'shared-report', PHONE);

    // Another campaign under the same token: the same friendly page as an unknown or revoked link.
    const outside = await stranger.newPage();
    await outside.goto(`${url}/campaigns/${encodeURIComponent(other.id)}`);
    await expect(outside.getByRole('heading', { name: GONE })).toBeVisible();
    await expect(outside.getByText(RUNNING_NAME)).toHaveCount(0);
    await outside.close();

    // Revoked from the manager's browser: the open shared page says so within seconds, without a reload.
    await shared.evaluate(() => {
      (window as unknown as { marker: string }).marker = 'same page';
    });
    await dialog.getByRole('button', { name: `Revoke ${LABEL}` }).click();
    await expect(shared.getByRole('heading', { name: GONE })).toBeVisible({ timeout: 5_000 });
    await expect(shared.getByText(SEED_NAME)).toHaveCount(0);
    expect(await shared.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
    await screenshotAt(shared, 'shared-link-gone', PHONE);

    // Reopening the revoked link: the server's own not-available page.
    const again = await stranger.newPage();
    const response = await again.goto(url);
    expect(response?.status()).toBe(404);
    await expect(again.getByRole('heading', { level: 1 })).toContainText('available');
  } finally {
    await stranger.close();
  }

  // The manager's settings list the link, revoked links aside.
  await page.keyboard.press('Escape');
  await page.goto('/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Audit log' }).getByText('share-link.revoked')).toBeVisible();
  await screenshotAt(page, 'settings', DESKTOP);
});
