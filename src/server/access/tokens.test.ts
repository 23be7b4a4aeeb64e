import { describe, expect, it } from 'vitest';
import { TOKEN_BYTES, hashToken, newId, newToken, tokenSchema } from './tokens';

describe('tokens', () => {
  it('makes base64url tokens of the asked size that the token schema accepts', () => {
    const session = newToken(TOKEN_BYTES.session);
    const share = newToken(TOKEN_BYTES.share);
    expect(Buffer.from(session, 'base64url')).toHaveLength(32);
    expect(Buffer.from(share, 'base64url')).toHaveLength(16);
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokenSchema.safeParse(session).success).toBe(true);
    expect(tokenSchema.safeParse(share).success).toBe(true);
  });

  it('never makes the same token twice in many draws', () => {
    const drawn = new Set(Array.from({ length: 1000 }, () => newToken(16)));
    expect(drawn.size).toBe(1000);
  });

  it('refuses fewer than 128 bits', () => {
    expect(() => newToken(15)).toThrow(/at least 16/);
    expect(() => newToken(16.5)).toThrow();
  });

  it('hashes with SHA-256, hex', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it.each(['', 'short', 'a'.repeat(87), 'has space in it and is long enough', '../../etc/passwd/and-more-text', 'abc=def/ghi+jklmnopqrstuvwx'])(
    'refuses %j as a token',
    (text) => {
      expect(tokenSchema.safeParse(text).success).toBe(false);
    },
  );

  it('makes prefixed ids unrelated to any token', () => {
    expect(newId('sl')).toMatch(/^sl_[A-Za-z0-9_-]{12}$/);
    expect(newId('tv')).not.toBe(newId('tv'));
  });
});
