// Rows of the webhook log read back, parsed the same way from either store.
import { z } from 'zod';
import type { QuarantinedEvent } from './store';

const quarantineRow = z.object({
  id: z.number(),
  kind: z.enum(['call-status', 'call-schedule', 'campaign-status']),
  dedupe_key: z.string(),
  campaign_id: z.string().nullable(),
  received_at: z.string(),
  raw_body: z.string(),
  call_sid: z.string().nullable(),
  number: z.string().nullable(),
});

export function quarantinedEventFromRow(raw: unknown): QuarantinedEvent {
  const row = quarantineRow.parse(raw);
  return {
    id: row.id,
    kind: row.kind,
    dedupeKey: row.dedupe_key,
    campaignId: row.campaign_id,
    receivedAt: row.received_at,
    rawBody: row.raw_body,
    callSid: row.call_sid,
    number: row.number,
  };
}
