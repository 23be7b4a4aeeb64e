// Journey of an attacker with only a browser: nothing secret is in the built bundle (every file the SPA can load),
// and nothing secret comes back from what the server answers to the signed-in demo admin.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_WEBHOOK_SECRET } from './webhook-secret';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The secrets this run knows: the webhook secret, and any credential-looking variable of the environment. */
function knownSecrets(): string[] {
  const fromEnv = Object.entries(process.env)
    .filter(([name, value]) => /(TOKEN|SECRET|PASSWORD|API_KEY)/i.test(name) && value !== undefined && value.length >= 8)
    .map(([, value]) => value as string);
  return [E2E_WEBHOOK_SECRET, ...fromEnv];
}

test('the built bundle carries no secret and no server-only code', () => {
  const files = filesUnder('dist').filter((path) => /\.(js|css|html|json|map)$/.test(path));
  expect(files.length).toBeGreaterThan(0);
  for (const path of files) {
    const text = readFileSync(path, 'utf8');
    for (const secret of knownSecrets()) expect(text.includes(secret), `${path} contains a secret`).toBe(false);
    // Server-only code never reaches the browser (the setup help may name settings, never their values).
    expect(text, path).not.toMatch(/better-sqlite3|node:crypto/);
  }
});

test('no answer of the API repeats the webhook secret', async ({ request }) => {
  for (const path of ['/api/health', '/api/campaigns', '/api/session']) {
    const response = await request.get(path);
    expect(await response.text(), path).not.toContain(E2E_WEBHOOK_SECRET);
  }
  const campaigns = (await (await request.get('/api/campaigns')).json()) as { campaigns: Array<{ id: string }> };
  for (const { id } of campaigns.campaigns) {
    const report = await request.get(`/api/campaigns/${id}/report`);
    expect(await report.text()).not.toContain(E2E_WEBHOOK_SECRET);
  }
});
