// Revoking and rotating the two token holders, share links and wallboard displays: who may, what each answers, the
// audit entry and log line each leaves, and that a rotation ends the open stream and the old URL at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MANAGER, accessHarness, readSse, type Harness } from '../testing/access-kit';

let h: Harness;
let admin: string;
beforeEach(async () => {
  h = await accessHarness();
  admin = await h.signIn();
});
afterEach(() => h.close());

async function auditActions(target: string): Promise<string[]> {
  const audit = (await (await h.call(admin, 'GET', '/api/audit')).json()) as { entries: { action: string; target: string }[] };
  return audit.entries.filter((entry) => entry.target === target).map((entry) => entry.action);
}

describe('rotating a display', () => {
  it('gives a new /tv/ URL, ends the open stream, kills the old URL and keeps the display', async () => {
    const display = await h.createDisplay(admin, { name: 'Lobby', campaignIds: ['camp1'] });
    const res = await h.app.request(`/tv/${display.token}/api/events`);
    setTimeout(() => void h.call(admin, 'POST', `/api/displays/${display.id}/rotate`), 50);
    const { text, ended } = await readSse(res.body!, () => false, 5_000);
    expect(text).toContain('event: access-revoked');
    expect(ended).toBe(true);

    const again = await h.call(admin, 'POST', `/api/displays/${display.id}/rotate`);
    expect(again.status).toBe(201);
    const body = (await again.json()) as { id: string; name: string; url: string; rotatedAt: string | null };
    expect(body).toMatchObject({ id: display.id, name: 'Lobby', rotatedAt: expect.any(String) });
    expect(body.url).toMatch(/^http:\/\/localhost\/tv\/[A-Za-z0-9_-]{43}$/);
    const fresh = body.url.split('/tv/')[1] ?? '';
    expect((await h.app.request(`/tv/${display.token}/api/campaigns`)).status).toBe(404);
    expect((await h.app.request(`/tv/${fresh}/api/campaigns`)).status).toBe(200);
    expect(await auditActions(display.id)).toEqual(expect.arrayContaining(['display.created', 'display.rotated']));
    expect(h.logger.lines).toContainEqual(expect.objectContaining({ event: 'display.rotated', fields: { displayId: display.id, streamsClosed: 1 } }));
  });
});

describe('what a removed or revoked token holder answers', () => {
  it('answers 404 to rotating or removing a removed display', async () => {
    const display = await h.createDisplay(admin, { name: 'Lobby', campaignIds: ['camp1'] });
    expect((await h.call(admin, 'DELETE', `/api/displays/${display.id}`)).status).toBe(204);
    expect(h.logger.lines).toContainEqual(expect.objectContaining({ event: 'display.removed', fields: { displayId: display.id, streamsClosed: 0 } }));
    for (const [method, path] of [
      ['POST', `/api/displays/${display.id}/rotate`],
      ['DELETE', `/api/displays/${display.id}`],
    ] as const) {
      const res = await h.call(admin, method, path);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(await res.json()).toEqual({ error: 'No such display.' });
    }
    expect(await auditActions(display.id)).toEqual(expect.arrayContaining(['display.removed']));
  });

  it('refuses to rotate a revoked link (409) and answers 204 to revoking it again, with one audit entry', async () => {
    const link = await h.createShareLink(admin, { campaignIds: ['camp1'] });
    expect((await h.call(admin, 'DELETE', `/api/share-links/${link.id}`)).status).toBe(204);
    expect(h.logger.lines).toContainEqual(expect.objectContaining({ event: 'share_link.revoked', fields: { linkId: link.id, streamsClosed: 0 } }));
    const rotated = await h.call(admin, 'POST', `/api/share-links/${link.id}/rotate`);
    expect(rotated.status).toBe(409);
    expect(await rotated.json()).toEqual({ error: 'A revoked link cannot be rotated.' });
    expect((await h.call(admin, 'DELETE', `/api/share-links/${link.id}`)).status).toBe(204);
    expect((await auditActions(link.id)).filter((action) => action === 'share-link.revoked')).toHaveLength(1);
  });

  it('answers 404 for a link or display that never existed', async () => {
    for (const [method, path, error] of [
      ['DELETE', '/api/share-links/sl_nope', 'No such share link.'],
      ['POST', '/api/share-links/sl_nope/rotate', 'No such share link.'],
      ['DELETE', '/api/displays/tv_nope', 'No such display.'],
      ['POST', '/api/displays/tv_nope/rotate', 'No such display.'],
    ] as const) {
      const res = await h.call(admin, method, path);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(await res.json()).toEqual({ error });
    }
  });
});

describe('who may revoke or rotate', () => {
  it("lets a manager change only their own links and displays, and says so in each resource's words", async () => {
    const adminLink = await h.createShareLink(admin, { campaignIds: ['camp1'] });
    const adminDisplay = await h.createDisplay(admin, { name: 'Lobby', campaignIds: ['camp1'] });
    const manager = await h.signIn(MANAGER);
    for (const [method, path, error] of [
      ['DELETE', `/api/share-links/${adminLink.id}`, 'Only its creator or an admin may change this link.'],
      ['POST', `/api/share-links/${adminLink.id}/rotate`, 'Only its creator or an admin may change this link.'],
      ['DELETE', `/api/displays/${adminDisplay.id}`, 'Only its creator or an admin may change this display.'],
      ['POST', `/api/displays/${adminDisplay.id}/rotate`, 'Only its creator or an admin may change this display.'],
    ] as const) {
      const res = await h.call(manager, method, path);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(await res.json()).toEqual({ error });
    }
    const ownLink = await h.createShareLink(manager, { campaignIds: ['camp1'] });
    const ownDisplay = await h.createDisplay(manager, { name: 'Desk', campaignIds: ['camp1'] });
    expect((await h.call(manager, 'POST', `/api/share-links/${ownLink.id}/rotate`)).status).toBe(201);
    expect((await h.call(manager, 'POST', `/api/displays/${ownDisplay.id}/rotate`)).status).toBe(201);
    expect((await h.call(manager, 'DELETE', `/api/displays/${ownDisplay.id}`)).status).toBe(204);
    expect(await auditActions(ownLink.id)).toEqual(expect.arrayContaining(['share-link.rotated']));
  });
});
