// Helpers shared by the journeys: find demo campaigns through the API, wait for sync, axe, screenshots.
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { campaignsResponseSchema, reportSchema, type CampaignSummary } from '../src/domain/api-schemas';

export const SEED_NAME = 'Payment Reminder Q1';
export const RUNNING_NAME = 'Loan EMI Reminder';
export const PAUSED_NAME = 'KYC Update Follow-up';
export const SCREENSHOTS = 'test-results/screenshots';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1440, height: 900 };

export async function findCampaign(request: APIRequestContext, name: string): Promise<CampaignSummary> {
  let found: CampaignSummary | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.get('/api/campaigns');
        if (!response.ok()) return false;
        found = campaignsResponseSchema.parse(await response.json()).campaigns.find((campaign) => campaign.name === name);
        return Boolean(found);
      },
      { message: `campaign "${name}" appears`, timeout: 30_000, intervals: [500] },
    )
    .toBe(true);
  if (!found) throw new Error(`no campaign named ${name}`);
  return found;
}

/** Waits (up to ~45 s) until every call record of a campaign has been synced, as the server reports it. */
export async function waitForSyncComplete(request: APIRequestContext, campaignId: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const response = await request.get(`/api/campaigns/${campaignId}/report`);
        if (!response.ok()) return 'no report yet';
        const { sync } = reportSchema.parse(await response.json());
        return sync.callsExpected !== null && sync.callsSynced >= sync.callsExpected ? 'synced' : `${sync.callsSynced} of ${sync.callsExpected}`;
      },
      { message: 'call records synced', timeout: 45_000, intervals: [1000] },
    )
    .toBe('synced');
}

/** axe: no serious or critical violation on what the page shows now. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(serious, serious.join('\n')).toEqual([]);
}

/** The page itself never scrolls sideways (tables scroll inside their own boxes). */
export async function expectNoHorizontalPageScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'page is wider than the viewport').toBeLessThanOrEqual(0);
}

export async function screenshotAt(page: Page, name: string, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  // Charts resize to the new width; let them settle before the shot.
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SCREENSHOTS}/${name}-${size.width}x${size.height}.png`, fullPage: true });
}

/** The number shown in a stat tile (its dd), e.g. "1,875" -> 1875. */
export async function statValue(page: Page, label: string): Promise<number> {
  const text = await page.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]').textContent();
  return Number((text ?? '').replace(/,/g, ''));
}
