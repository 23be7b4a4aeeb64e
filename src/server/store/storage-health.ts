// Whether writes to the database succeed: every failed write that is the storage's fault (disk full, I/O error,
// read-only file system, locked, closed) is counted and named by category, and the next successful write clears
// the failing state. /api/health reads it, so a server answering every webhook with 503 does not say "ok".
import type { StorageHealth } from '../../domain/api-schemas';
import { STORAGE_ERRORS } from '../../domain/api-schemas';

export type StorageError = (typeof STORAGE_ERRORS)[number];

/** PostgreSQL's SQLSTATE codes that are the storage's fault, by category (a constraint or syntax error is not). */
const POSTGRES_STATES: [RegExp, StorageError][] = [
  [/^53100$/, 'disk-full'],
  [/^25006$/, 'read-only'],
  [/^(58030|XX001|XX002)$/, 'io-error'],
  [/^(40001|40P01|55P03)$/, 'busy'],
  // Connection failures, the server shutting down or refusing connections, too many connections, no answer in time.
  [/^(08\w{3}|57P0[1-3]|53300|57014)$/, 'unavailable'],
];

/** The category of a storage failure (SQLite's result code, PostgreSQL's SQLSTATE, or the errno under it); null when it is not one. */
export function storageErrorOf(error: unknown): StorageError | null {
  if (!(error instanceof Error)) return null;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  for (const [state, category] of POSTGRES_STATES) if (state.test(code)) return category;
  const text = `${code} ${error.message}`;
  if (/SQLITE_FULL|ENOSPC|EDQUOT|disk is full/i.test(text)) return 'disk-full';
  if (/SQLITE_READONLY|EROFS|readonly database/i.test(text)) return 'read-only';
  if (/SQLITE_IOERR|EIO\b|disk I\/O error/i.test(text)) return 'io-error';
  if (/SQLITE_BUSY|SQLITE_LOCKED|database is locked/i.test(text)) return 'busy';
  if (/SQLITE_CANTOPEN|SQLITE_NOMEM|connection is not open|ECONNREFUSED|ECONNRESET|connection is closed/i.test(text)) return 'unavailable';
  return null;
}

/** The port /api/health reads. */
export interface StorageStatus {
  storageHealth(): StorageHealth;
}

export class StorageHealthTracker implements StorageStatus {
  private failing = false;
  private failedWrites = 0;
  private lastError: StorageError | null = null;
  private lastFailureAt: string | null = null;

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** Counts the failure when it is the storage's fault; returns its category. */
  noteFailure(error: unknown): StorageError | null {
    const category = storageErrorOf(error);
    if (category === null) return null;
    this.failing = true;
    this.failedWrites++;
    this.lastError = category;
    this.lastFailureAt = this.now().toISOString();
    return category;
  }

  noteSuccess(): void {
    this.failing = false;
  }

  storageHealth(): StorageHealth {
    return { state: this.failing ? 'failing' : 'ok', failedWrites: this.failedWrites, lastError: this.lastError, lastFailureAt: this.lastFailureAt };
  }
}
