// At 500 webhooks a second a line per webhook is the log. Each webhook is logged at debug; at info, one line per
// interval counts what was taken, by kind and outcome (`call-status.applied: 4750`). No numbers, sids or secrets.
import type { Logger } from '../log';

export const SUMMARY_INTERVAL_MS = 10_000;

export interface ReceivedSummary {
  count(kind: string, outcome: string): void;
}

export function receivedSummary(logger: Logger, intervalMs = SUMMARY_INTERVAL_MS): ReceivedSummary {
  let counts = new Map<string, number>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    timer = null;
    const fields = Object.fromEntries(counts);
    counts = new Map();
    logger.info('webhook.received', { ...fields, seconds: intervalMs / 1_000 });
  };
  return {
    count(kind, outcome) {
      const key = `${kind}.${outcome}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (timer !== null) return;
      // The first webhook after a quiet spell opens an interval; nothing is written while none arrive.
      timer = setTimeout(write, intervalMs);
      timer.unref();
    },
  };
}
