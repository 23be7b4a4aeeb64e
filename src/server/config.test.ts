import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';

const credentials = { EXOTEL_API_KEY: 'key', EXOTEL_API_TOKEN: 'token', EXOTEL_ACCOUNT_SID: 'acme1' };
const secret = { CALLBOARD_WEBHOOK_SECRET: '0123456789abcdef0123' };

describe('parseConfig', () => {
  it('runs in demo mode with no Exotel credentials, on a fresh demo database and a made-up webhook secret', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ mode: 'demo', exotel: null, rateLimitPerMin: 30, port: 8080, host: '127.0.0.1', timeZone: 'Asia/Kolkata' });
    expect(config).toMatchObject({ dbPath: './data/demo.db', freshDatabase: true });
    expect(config.webhookSecret).toMatch(/^[0-9a-f]{32}$/);
    expect(parseConfig({}).webhookSecret).not.toBe(config.webhookSecret);
  });

  it('never empties a database the user named, even in demo mode', () => {
    expect(parseConfig({ CALLBOARD_DB: '/tmp/mine.db' })).toMatchObject({ dbPath: '/tmp/mine.db', freshDatabase: false });
  });

  it('runs live with all three credentials and a webhook secret, keeping its database', () => {
    const config = parseConfig({ ...credentials, ...secret, EXOTEL_BASE_URL: 'https://api.in.exotel.com', EXOTEL_RATE_LIMIT_PER_MIN: '200' });
    expect(config).toMatchObject({
      mode: 'live',
      exotel: { apiKey: 'key', apiToken: 'token', accountSid: 'acme1', baseUrl: 'https://api.in.exotel.com' },
      rateLimitPerMin: 200,
      dbPath: './data/callboard.db',
      freshDatabase: false,
      webhookSecret: secret.CALLBOARD_WEBHOOK_SECRET,
    });
  });

  it('refuses half a set of credentials instead of silently falling back to demo mode', () => {
    expect(() => parseConfig({ EXOTEL_API_KEY: 'key' })).toThrow(/all of EXOTEL_API_KEY, EXOTEL_API_TOKEN and EXOTEL_ACCOUNT_SID/);
  });

  it('requires a webhook secret of 16+ characters with real credentials', () => {
    expect(() => parseConfig(credentials)).toThrow(/CALLBOARD_WEBHOOK_SECRET is required/);
    expect(() => parseConfig({ ...credentials, CALLBOARD_WEBHOOK_SECRET: 'short' })).toThrow(/CALLBOARD_WEBHOOK_SECRET: use at least 16 characters/);
  });

  it('names the setting that is wrong', () => {
    expect(() => parseConfig({ EXOTEL_RATE_LIMIT_PER_MIN: 'lots' })).toThrow(/EXOTEL_RATE_LIMIT_PER_MIN/);
    expect(() => parseConfig({ PORT: '99999' })).toThrow(/PORT/);
    expect(() => parseConfig({ EXOTEL_ACCOUNT_SID: '../x', EXOTEL_API_KEY: 'k', EXOTEL_API_TOKEN: 't' })).toThrow(/EXOTEL_ACCOUNT_SID/);
  });
});

describe('EXOTEL_BASE_URL', () => {
  it('refuses the key:token@host form of Exotel’s docs, without repeating the secret', () => {
    const base = { ...credentials, ...secret, EXOTEL_BASE_URL: 'https://KEY123:TOKEN456@api.exotel.com' };
    let message = '';
    try {
      parseConfig(base);
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    expect(message).toMatch(/EXOTEL_BASE_URL: must not contain the API key and token/);
    expect(message).not.toMatch(/KEY123|TOKEN456/);
    expect(() => parseConfig({ EXOTEL_BASE_URL: 'https://only-user@api.exotel.com' })).toThrow(/EXOTEL_BASE_URL/);
  });

  it('refuses a scheme other than http(s)', () => {
    expect(() => parseConfig({ EXOTEL_BASE_URL: 'ftp://api.exotel.com' })).toThrow(/EXOTEL_BASE_URL: must be an https:\/\/ URL/);
  });

  it('keeps a plain Exotel host', () => {
    expect(parseConfig({ ...credentials, ...secret, EXOTEL_BASE_URL: 'https://api.in.exotel.com' }).exotel?.baseUrl).toBe('https://api.in.exotel.com');
  });
});

describe('CALLBOARD_ALLOWED_HOSTS', () => {
  it('is a comma-separated list of host names, empty by default', () => {
    expect(parseConfig({}).allowedHosts).toEqual([]);
    expect(parseConfig({ CALLBOARD_ALLOWED_HOSTS: 'wall.lan, 192.168.1.20 ,[fd00::1]' }).allowedHosts).toEqual(['wall.lan', '192.168.1.20', '[fd00::1]']);
  });

  it('refuses a URL or a port where a host name belongs', () => {
    expect(() => parseConfig({ CALLBOARD_ALLOWED_HOSTS: 'https://wall.lan' })).toThrow(/CALLBOARD_ALLOWED_HOSTS/);
    expect(() => parseConfig({ CALLBOARD_ALLOWED_HOSTS: 'wall.lan:8080' })).toThrow(/CALLBOARD_ALLOWED_HOSTS/);
  });
});
