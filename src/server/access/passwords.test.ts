import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, hashPassword, newPasswordSchema, spendPasswordCheck, verifyPassword, type ScryptParams } from './passwords';

// Cheap parameters keep the suite fast; one test below uses the real ones.
const cheap: ScryptParams = { logN: 10, r: 8, p: 1 };

describe('passwords', () => {
  it('verifies the right password with the default cost and refuses a wrong one', async () => {
    const encoded = await hashPassword('correct horse battery', DEFAULT_SCRYPT);
    expect(encoded).toMatch(/^scrypt\$15\$8\$3\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword('correct horse battery', encoded)).toEqual({ ok: true, needsRehash: false });
    expect(await verifyPassword('correct horse batterY', encoded)).toEqual({ ok: false, needsRehash: false });
  });

  it('salts each hash, so one password hashes differently twice', async () => {
    const a = await hashPassword('same password here', cheap);
    const b = await hashPassword('same password here', cheap);
    expect(a).not.toBe(b);
    expect((await verifyPassword('same password here', a, cheap)).ok).toBe(true);
    expect((await verifyPassword('same password here', b, cheap)).ok).toBe(true);
  });

  it('verifies a hash made with older parameters and asks for a rehash', async () => {
    const old = await hashPassword('an older password', cheap);
    expect(await verifyPassword('an older password', old, DEFAULT_SCRYPT)).toEqual({ ok: true, needsRehash: true });
    expect(await verifyPassword('not the password', old, DEFAULT_SCRYPT)).toEqual({ ok: false, needsRehash: false });
  });

  it('treats the same password in another Unicode form as the same', async () => {
    const composed = 'पासवर्ड-café-ﬁle-123';
    const encoded = await hashPassword(composed, cheap);
    expect((await verifyPassword(composed.normalize('NFD'), encoded, cheap)).ok).toBe(true);
  });

  it.each([
    { case: 'garbage', encoded: 'not a hash' },
    { case: 'another algorithm', encoded: 'bcrypt$10$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    { case: 'a huge cost', encoded: 'scrypt$30$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    { case: 'an empty string', encoded: '' },
  ])('refuses a stored value that is $case, without throwing', async ({ encoded }) => {
    expect(await verifyPassword('whatever password', encoded)).toEqual({ ok: false, needsRehash: false });
  });

  it('spends a check without a stored hash', async () => {
    await expect(spendPasswordCheck('whatever', cheap)).resolves.toBeUndefined();
  });

  it('asks new passwords for 12 to 1024 characters', () => {
    expect(newPasswordSchema.safeParse('short pass').success).toBe(false);
    expect(newPasswordSchema.safeParse('twelve chars').success).toBe(true);
    expect(newPasswordSchema.safeParse('x'.repeat(1025)).success).toBe(false);
  });
});
