// A display written by either store (newDisplayValues, in the insert's column order) reads back as the same display.
import { expect, it } from 'vitest';
import type { NewDisplay } from './access-store';
import { newDisplayValues, toDisplay } from './access-rows';

const INSERT_COLUMNS = ['id', 'token_hash', 'name', 'campaign_scope_json', 'settings_json', 'created_by', 'created_at', 'expires_at'];
const NOT_YET_SET = { revoked_at: null, rotated_at: null, last_contact_at: null, app_version: null, reload_generation: 0 };

function insertedRow(display: NewDisplay): Record<string, unknown> {
  const values: unknown[] = newDisplayValues(display);
  return { ...Object.fromEntries(INSERT_COLUMNS.map((column, i) => [column, values[i]])), ...NOT_YET_SET };
}

it.each<NewDisplay>([
  {
    id: 'd1',
    tokenHash: 'hash1',
    name: 'Floor 2 TV',
    campaignIds: ['camp1', 'camp2'],
    settings: { theme: 'dark', rotateSec: 20 },
    createdBy: 'asha@example.com',
    createdAt: 1_740_800_000_000,
    expiresAt: 1_740_900_000_000,
  },
  { id: 'd2', tokenHash: 'hash2', name: 'Lobby', campaignIds: 'active', settings: {}, createdBy: 'ravi@example.com', createdAt: 1, expiresAt: null },
])('reads back the display it wrote: $name', (display) => {
  expect(toDisplay(insertedRow(display))).toEqual({
    ...display,
    revokedAt: null,
    rotatedAt: null,
    lastContactAt: null,
    appVersion: null,
    reloadGeneration: 0,
  });
});
