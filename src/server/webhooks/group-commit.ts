// Group commit for acknowledged writes: work arriving within the same few milliseconds is written in one
// transaction whose commit is on disk (fsynced) before any of it is acknowledged. One fsync then pays for a whole
// burst of webhooks, so each 200 means "stored durably" without costing a disk flush per request.
import type { DurableTransactions } from '../store/store';

/** How long the first request of a batch waits for others to join it. */
export const GROUP_COMMIT_WINDOW_MS = 2;

interface Job {
  run(): void;
  done(): void;
  fail(error: unknown): void;
}

export class GroupCommit {
  private pending: Job[] = [];
  private scheduled = false;

  constructor(
    private readonly store: DurableTransactions,
    private readonly windowMs = GROUP_COMMIT_WINDOW_MS,
  ) {}

  /** Runs `work` in the next batch's transaction; resolves with its result once that batch is durably committed. */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let result: T;
      this.pending.push({
        run: () => {
          result = work();
        },
        done: () => resolve(result),
        fail: reject,
      });
      if (this.scheduled) return;
      this.scheduled = true;
      if (this.windowMs > 0) setTimeout(() => this.flush(), this.windowMs);
      else setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    this.scheduled = false;
    try {
      this.store.durableTransaction(() => {
        for (const job of batch) job.run();
      });
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.fail(error);
        return;
      }
      // One job may be what failed the batch: each goes again alone, so the others are not refused for it.
      for (const job of batch) {
        try {
          this.store.durableTransaction(() => job.run());
        } catch (alone) {
          job.fail(alone);
          continue;
        }
        job.done();
      }
      return;
    }
    for (const job of batch) job.done();
  }
}
