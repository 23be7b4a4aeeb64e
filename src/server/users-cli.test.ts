// The users CLI's commands, over each store the server can be configured with.
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyPassword, type ScryptParams } from './access/passwords';
import type { AccessStore } from './store/access-store';
import { STORE_KINDS, storesFor } from './testing/store-implementations';
import { runUsersCli, type CliIo } from './users-cli';

const cheap: ScryptParams = { logN: 10, r: 8, p: 1 };
let store: AccessStore;
let out: string[];
let err: string[];
let passwordsAsked: number;

function io(password = 'a long passphrase'): CliIo {
  return {
    out: (line) => void out.push(line),
    err: (line) => void err.push(line),
    readPassword: async () => {
      passwordsAsked += 1;
      return password;
    },
  };
}

const run = (argv: string[], password?: string) => runUsersCli(argv, io(password), { store, now: () => 1_000, scrypt: cheap });

describe.each(STORE_KINDS)('users CLI (%s)', (kind) => {
  const stores = storesFor(kind);
  beforeEach(() => {
    store = stores.open().access;
    out = [];
    err = [];
    passwordsAsked = 0;
  });

  it('adds an admin with the password read from stdin, and lists it', async () => {
    expect(await run(['add', 'Root@Example.com', '--role', 'admin'])).toBe(0);
    expect(out).toEqual(['Added root@example.com (admin).']);
    expect((await verifyPassword('a long passphrase', store.findUserByEmail('root@example.com')?.passwordHash ?? '', cheap)).ok).toBe(true);
    expect(store.listAudit({ limit: 1 })[0]).toMatchObject({ actor: 'cli', action: 'user.added' });
    out = [];
    expect(await run(['list'])).toBe(0);
    expect(out).toEqual([`root@example.com\tadmin\tsince ${new Date(1_000).toISOString()}`]);
  });

  it('resets a password and removes a user', async () => {
    await run(['add', 'a@example.com', '--role', 'manager']);
    expect(await run(['reset-password', 'a@example.com'], 'another passphrase')).toBe(0);
    expect((await verifyPassword('another passphrase', store.findUserByEmail('a@example.com')?.passwordHash ?? '', cheap)).ok).toBe(true);
    expect(await run(['remove', 'a@example.com'])).toBe(0);
    expect(store.countUsers()).toBe(0);
  });

  it('refuses a weak password or a taken email with exit code 1', async () => {
    expect(await run(['add', 'a@example.com', '--role', 'admin'], 'short')).toBe(1);
    expect(err.join('\n')).toMatch(/12 characters/);
    await run(['add', 'a@example.com', '--role', 'admin']);
    expect(await run(['add', 'a@example.com', '--role', 'manager'])).toBe(1);
  });

  it.each([
    { case: 'no command', argv: [] },
    { case: 'an unknown command', argv: ['grant', 'a@example.com'] },
    { case: 'a missing role', argv: ['add', 'a@example.com'] },
    { case: 'an unknown role', argv: ['add', 'a@example.com', '--role', 'owner'] },
    { case: 'a password on the command line', argv: ['add', 'a@example.com', 'hunter2hunter2', '--role', 'admin'] },
    { case: 'an unknown option', argv: ['add', 'a@example.com', '--password', 'x'] },
  ])('answers $case with usage and exit code 2, asking no password', async ({ argv }) => {
    expect(await run(argv)).toBe(2);
    expect(err.join('\n')).toContain('Usage:');
    expect(passwordsAsked).toBe(0);
    expect(store.countUsers()).toBe(0);
  });
});
