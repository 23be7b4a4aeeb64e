// Group commit for acknowledged writes: items arriving within the same few milliseconds are stored together, by one
// call of the group's store function, in one transaction whose commit is on disk (its WAL flushed, off the event
// loop) before any of them is acknowledged. One fsync and one storing pass then pay for a whole burst of webhooks, so each 200 means "stored
// durably" without costing a disk flush, or a statement per table, per request.
import type { DurableTransactions } from '../store/store';

/** How long the first item of a group waits for others to join it. */
export const GROUP_COMMIT_WINDOW_MS = 2;

/** Stores a group inside the caller's transaction; one result per item, in order. */
export type StoreGroup<Item, Result> = (items: readonly Item[]) => Result[];

interface Waiting<Item, Result> {
  item: Item;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

export class GroupCommit<Item, Result> {
  private pending: Waiting<Item, Result>[] = [];
  private scheduled = false;

  /**
   * `committed` hears the results of each committed transaction (a whole group, or one item retried alone) once,
   * after the commit and before anyone is answered: the place for work done once per group, like telling browsers.
   */
  constructor(
    private readonly store: DurableTransactions,
    private readonly storeGroup: StoreGroup<Item, Result>,
    private readonly windowMs = GROUP_COMMIT_WINDOW_MS,
    private readonly committed: (results: readonly Result[]) => void = () => undefined,
  ) {}

  /** Stores `item` with the next group; resolves with its result once that group is durably committed. */
  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      if (this.windowMs > 0) setTimeout(() => void this.flush(), this.windowMs);
      else setImmediate(() => void this.flush());
    });
  }

  private async commit(group: readonly Waiting<Item, Result>[]): Promise<Result[]> {
    // Resolves once the commit is on disk; meanwhile the event loop is free and the next group may commit.
    const results = await this.store.durableTransaction(() => {
      const stored = this.storeGroup(group.map((waiting) => waiting.item));
      // Thrown inside the transaction, so that it rolls back: once committed, a group is never stored again.
      if (stored.length !== group.length) throw new Error(`a group of ${group.length} stored ${stored.length} results`);
      return stored;
    });
    try {
      this.committed(results);
    } catch {
      // Committed is committed: a failure to tell others must not turn stored items into failures or retries.
    }
    return results;
  }

  private async flush(): Promise<void> {
    const group = this.pending;
    this.pending = [];
    this.scheduled = false;
    let results: Result[];
    try {
      results = await this.commit(group);
    } catch (error) {
      if (group.length === 1) {
        group[0]?.reject(error);
        return;
      }
      // One item may be what failed the group: each goes again alone, so the others are not refused for it. When
      // the storage itself fails, each fails alone too, and every request of the group is refused.
      for (const waiting of group) {
        let alone: Result[];
        try {
          alone = await this.commit([waiting]);
        } catch (failure) {
          waiting.reject(failure);
          continue;
        }
        for (const result of alone) waiting.resolve(result);
      }
      return;
    }
    results.forEach((result, index) => group[index]?.resolve(result));
  }
}
