// Posts the simulator's webhooks to the receiver with real fetch: JSON or form-encoded, a 5 s timeout per try,
// two retries on a non-2xx answer, a bounded number in flight, and a deterministic fraction dropped on purpose.
import { formEncode, type WebhookKind } from './wire';
import { unitHash } from './random';

export interface WebhookSettings {
  baseUrl: string;
  encoding?: 'json' | 'form';
  dropRate?: number;
}

export interface WebhookCounters {
  /** Accepted by the receiver (2xx). */
  delivered: number;
  /** Dropped on purpose (dropRate). */
  dropped: number;
  /** Given up after three tries, or discarded because the backlog was full. */
  failed: number;
}

const TIMEOUT_MS = 5_000;
const TRIES = 3;
const MAX_IN_FLIGHT = 8;
const MAX_BACKLOG = 20_000;

interface Job {
  url: string;
  body: Record<string, unknown>;
  done: () => void;
}

export class WebhookPoster {
  readonly counters: WebhookCounters = { delivered: 0, dropped: 0, failed: 0 };
  private settings: WebhookSettings | undefined;
  private backlog: Job[] = [];
  private inFlight = 0;

  constructor(private readonly seed: number) {}

  configure(settings: WebhookSettings | undefined): void {
    this.settings = settings;
  }

  get enabled(): boolean {
    return this.settings !== undefined;
  }

  urlFor(kind: WebhookKind): string | null {
    return this.settings ? `${this.settings.baseUrl.replace(/\/$/, '')}/${kind}` : null;
  }

  /** Sends one webhook; `key` names the event so the drop decision is the same on every run. */
  send(kind: WebhookKind, key: string, body: Record<string, unknown>): Promise<void> {
    const url = this.urlFor(kind);
    if (url === null) return Promise.resolve();
    const dropRate = this.settings?.dropRate ?? 0;
    if (dropRate > 0 && unitHash(this.seed, 'drop', kind, key) < dropRate) {
      this.counters.dropped++;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      if (this.backlog.length >= MAX_BACKLOG) {
        // A receiver that is down must not make the simulator hoard memory: shed the oldest.
        const shed = this.backlog.shift();
        this.counters.failed++;
        shed?.done();
      }
      this.backlog.push({ url, body, done: resolve });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.backlog.length > 0) {
      const job = this.backlog.shift()!;
      this.inFlight++;
      void this.deliver(job).finally(() => {
        this.inFlight--;
        job.done();
        this.pump();
      });
    }
  }

  private async deliver(job: Job): Promise<void> {
    const form = this.settings?.encoding === 'form';
    const headers = { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' };
    const payload = form ? formEncode(job.body) : JSON.stringify(job.body);
    for (let attempt = 1; attempt <= TRIES; attempt++) {
      try {
        const response = await fetch(job.url, { method: 'POST', headers, body: payload, signal: AbortSignal.timeout(TIMEOUT_MS) });
        await response.arrayBuffer().catch(() => undefined);
        if (response.ok) {
          this.counters.delivered++;
          return;
        }
      } catch {
        // Timeout or connection refused: try again like Exotel does.
      }
    }
    this.counters.failed++;
  }
}
