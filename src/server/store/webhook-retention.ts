// How long the webhook log keeps raw events and quarantined ones, how many it holds, and how often it prunes: the
// same bounds for both stores.

/** How long raw webhook events are kept, and how often (in accepted events) older ones are pruned. */
export const WEBHOOK_EVENT_RETENTION_MS = 7 * 24 * 60 * 60_000;
export const PRUNE_EVERY_EVENTS = 1_000;
/**
 * Quarantined events are kept as long as raw events, and at most this many (the oldest go first): an event
 * nothing has placed in a week will not be placed, and a flood of unplaceable posts must not grow the database.
 */
export const QUARANTINE_RETENTION_MS = WEBHOOK_EVENT_RETENTION_MS;
export const MAX_QUARANTINED = 10_000;
export const PRUNE_QUARANTINE_EVERY = 100;
