// DNS rebinding: the whole app, webhooks included, answers only requests addressed to callboard's own names.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { parseConfig } from '../config';
import { UpstreamStatus } from '../exotel/upstream-status';
import { LiveHub } from '../live/hub';
import { openSqliteStore } from '../store/sqlite-store';
import { WatchedCampaigns } from '../sync/watched';
import { allowedHostNames, hostNameOf } from './allowed-hosts';

function appWith(env: Record<string, string> = {}) {
  const webhooks = new Hono().post('/:secret/:kind', (c) => c.json({ ok: true }));
  return createApp({
    config: parseConfig(env),
    store: openSqliteStore(':memory:'),
    upstream: new UpstreamStatus(true),
    hub: new LiveHub(),
    watched: new WatchedCampaigns(),
    webhooks,
  });
}

const statusFor = async (app: Hono, host: string, path = '/api/health', method = 'GET') =>
  (await app.request(path, { method, headers: { Host: host } })).status;

describe('allowed hosts', () => {
  it('bound to loopback: answers localhost, 127.0.0.1 and [::1] on any port, and 421 to any other name', async () => {
    const app = appWith({ PORT: '8080' });
    for (const host of ['localhost:8080', '127.0.0.1:8080', '[::1]:8080', 'LOCALHOST', 'localhost:5173']) expect(await statusFor(app, host), host).toBe(200);
    for (const host of ['evil.example', 'evil.example:8080', 'localhost.evil.example', '127.0.0.1.nip.io:8080', 'a b']) {
      expect(await statusFor(app, host), JSON.stringify(host)).toBe(421);
    }
    const refused = await app.request('/api/health', { headers: { Host: 'evil.example' } });
    expect(await refused.text()).toMatch(/does not answer to this host name/);
  });

  it('covers webhooks and the SPA too, not only /api', async () => {
    const app = appWith();
    expect(await statusFor(app, 'localhost', '/webhooks/exotel/s/call-status', 'POST')).toBe(200);
    expect(await statusFor(app, 'rebound.example', '/webhooks/exotel/s/call-status', 'POST')).toBe(421);
    expect(await statusFor(app, 'rebound.example', '/')).toBe(421);
  });

  it('answers the public URL’s name (any case, trailing dot), and loopback too when bound to every address', async () => {
    const app = appWith({ HOST: '0.0.0.0', CALLBOARD_PUBLIC_URL: 'https://callboard.example.com' });
    for (const host of ['callboard.example.com', 'Callboard.Example.com.', 'callboard.example.com:443', 'localhost:8080']) expect(await statusFor(app, host), host).toBe(200);
    expect(await statusFor(app, 'other.example.com')).toBe(421);
  });

  it('bound to one LAN address: that address and the listed extra names, not loopback names', async () => {
    const app = appWith({ HOST: '192.168.1.20', CALLBOARD_ALLOWED_HOSTS: 'wall.lan' });
    expect(await statusFor(app, '192.168.1.20:8080')).toBe(200);
    expect(await statusFor(app, 'wall.lan')).toBe(200);
    expect(await statusFor(app, 'localhost:8080')).toBe(421);
  });
});

describe('host names', () => {
  it('reads the name of a Host header', () => {
    expect(hostNameOf('Example.com:8080')).toBe('example.com');
    expect(hostNameOf('[::1]:80')).toBe('[::1]');
    expect(hostNameOf('example.com/evil')).toBeNull();
    expect(hostNameOf('user@example.com')).toBeNull();
  });

  it('brackets an IPv6 bound address as a Host header would', () => {
    expect(allowedHostNames({ publicUrl: null, host: '::1', allowedHosts: [] })).toEqual(new Set(['localhost', '127.0.0.1', '[::1]']));
    expect(allowedHostNames({ publicUrl: null, host: 'fd00::5', allowedHosts: [] })).toEqual(new Set(['[fd00::5]']));
  });
});
