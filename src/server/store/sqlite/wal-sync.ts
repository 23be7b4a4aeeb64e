// Durability for acknowledged writes without stalling the event loop: commits run at synchronous=NORMAL (their WAL
// frames written, not yet flushed), and a durable transaction then waits for an fdatasync of the WAL file that runs
// on libuv's thread pool. A checkpoint in between does no harm: at NORMAL, SQLite syncs the WAL before a checkpoint
// and the database after it. Syncs are shared: commits that end while one runs wait for the next one, so one flush
// pays for every commit before it.
import { closeSync, fdatasync, openSync } from 'node:fs';

export type FileSync = (fd: number) => Promise<void>;

const fdatasyncOffLoop: FileSync = (fd) => new Promise((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve())));

export class WalSync {
  private fd: number | null = null;
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  /** `walPath` null: an in-memory database, which has nothing to make durable. */
  constructor(
    private readonly walPath: string | null,
    private readonly syncFile: FileSync = fdatasyncOffLoop,
  ) {}

  /** Resolves once everything committed before the call is on disk. */
  sync(): Promise<void> {
    if (this.walPath === null) return Promise.resolve();
    if (this.running === null) {
      this.running = this.flush().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    // The running flush may have started before this commit was written: wait for the one after it.
    this.next ??= this.running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        this.next = null;
        return this.sync();
      });
    return this.next;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private async flush(): Promise<void> {
    // The WAL file exists from the first write on, for as long as the connection is open.
    this.fd ??= openSync(this.walPath ?? '', 'r');
    await this.syncFile(this.fd);
  }
}
