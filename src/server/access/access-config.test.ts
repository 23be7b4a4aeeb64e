import { describe, expect, it } from 'vitest';
import { parseAccessConfig } from './access-config';

describe('parseAccessConfig', () => {
  it('defaults to no bootstrap admin, no trusted proxies, plain cookies', () => {
    expect(parseAccessConfig({})).toEqual({
      bootstrapAdmin: { email: null, password: null },
      trustedUserHeader: null,
      trustedProxies: [],
      cookie: { secure: false },
      managersMayShareFullPii: false,
      frameAncestors: [],
    });
  });

  it('reads every setting', () => {
    const config = parseAccessConfig({
      CALLBOARD_ADMIN_EMAIL: 'Root@Example.com',
      CALLBOARD_ADMIN_PASSWORD: 'first admin password',
      CALLBOARD_TRUSTED_USER_HEADER: 'X-Forwarded-Email',
      CALLBOARD_TRUSTED_PROXIES: '10.0.0.0/8, ::1',
      CALLBOARD_PUBLIC_URL: 'https://callboard.example.com',
      CALLBOARD_MANAGERS_SHARE_FULL_PII: 'true',
    });
    expect(config).toMatchObject({
      bootstrapAdmin: { email: 'root@example.com', password: 'first admin password' },
      trustedUserHeader: 'x-forwarded-email',
      cookie: { secure: true },
      managersMayShareFullPii: true,
    });
    expect(config.trustedProxies).toHaveLength(2);
  });

  it('reads the frame ancestors allowed to embed callboard', () => {
    expect(parseAccessConfig({ CALLBOARD_FRAME_ANCESTORS: "'self', https://*.example.com https://wall.lan:8443" }).frameAncestors).toEqual([
      "'self'",
      'https://*.example.com',
      'https://wall.lan:8443',
    ]);
  });

  it.each([
    { case: 'an admin email without a password', env: { CALLBOARD_ADMIN_EMAIL: 'a@example.com' }, message: /both/ },
    { case: 'a trusted header without proxies', env: { CALLBOARD_TRUSTED_USER_HEADER: 'X-User' }, message: /TRUSTED_PROXIES/ },
    { case: 'an unreadable proxy', env: { CALLBOARD_TRUSTED_PROXIES: 'proxy.local' }, message: /proxy\.local/ },
    { case: 'a frame ancestor with a path', env: { CALLBOARD_FRAME_ANCESTORS: 'https://portal.example.com/page' }, message: /FRAME_ANCESTORS/ },
    { case: 'a frame ancestor keyword other than self', env: { CALLBOARD_FRAME_ANCESTORS: "'unsafe-inline'" }, message: /FRAME_ANCESTORS/ },
  ])('refuses $case', ({ env, message }) => {
    expect(() => parseAccessConfig(env)).toThrow(message);
  });

  it('never repeats the admin password in an error', () => {
    expect(() => parseAccessConfig({ CALLBOARD_ADMIN_EMAIL: 'not-an-email', CALLBOARD_ADMIN_PASSWORD: 'sekrit-value-123' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('sekrit') }),
    );
  });
});
