// Which failures count against storage health: the storage's own (full disk, read-only, I/O, busy, gone), named
// by category whichever database said it; a broken constraint or a bad query is not the storage's fault.
import { describe, expect, it } from 'vitest';
import { PgQueryError } from './postgres/blocking-client';
import { storageErrorOf } from './storage-health';

function sqliteError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('storageErrorOf', () => {
  it.each([
    [sqliteError('SQLITE_FULL', 'database or disk is full'), 'disk-full'],
    [sqliteError('SQLITE_READONLY', 'attempt to write a readonly database'), 'read-only'],
    [sqliteError('SQLITE_IOERR', 'disk I/O error'), 'io-error'],
    [sqliteError('SQLITE_BUSY', 'database is locked'), 'busy'],
    [new PgQueryError('could not extend file: No space left on device', '53100'), 'disk-full'],
    [new PgQueryError('cannot execute INSERT in a read-only transaction', '25006'), 'read-only'],
    [new PgQueryError('could not read block', '58030'), 'io-error'],
    [new PgQueryError('deadlock detected', '40P01'), 'busy'],
    [new PgQueryError('terminating connection due to administrator command', '57P01'), 'unavailable'],
    [new PgQueryError('connection failure', '08006'), 'unavailable'],
    [new PgQueryError('The database did not answer within 30000 ms', '57014'), 'unavailable'],
    [new PgQueryError('connect ECONNREFUSED 127.0.0.1:5432', null), 'unavailable'],
  ])('%s is %s', (error, category) => {
    expect(storageErrorOf(error)).toBe(category);
  });

  it.each([
    [sqliteError('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: users.email')],
    [new PgQueryError('duplicate key value violates unique constraint "users_email_key"', '23505')],
    [new PgQueryError('syntax error at or near "SELEC"', '42601')],
    [new Error('abandoned')],
  ])('%s is not a storage failure', (error) => {
    expect(storageErrorOf(error)).toBeNull();
  });
});
