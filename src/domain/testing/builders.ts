// The one builder of campaigns and call records for tests on both sides (imported only by tests and test kits):
// a plain campaign or call with overrides. Other fixtures (report inputs, the webhook kit) start from these.
import type { CallRecord, Campaign } from '../campaign';

export function campaignOf(id: string, overrides: Partial<Campaign> = {}): Campaign {
  return {
    id,
    name: `Campaign ${id}`,
    status: 'in-progress',
    stats: { created: 10, completed: 2, extra: {} },
    callerId: '08030000000',
    retries: null,
    schedule: { sendAt: null, endAt: null },
    dateCreated: '2025-03-01T09:00:00+05:30',
    dateUpdated: null,
    ...overrides,
  };
}

export function callOf(callSid: string, overrides: Partial<CallRecord> = {}): CallRecord {
  return {
    callSid,
    campaignId: 'camp1',
    number: '+919876543210',
    name: 'Asha Rao',
    status: 'completed',
    dateCreated: '2025-03-01T10:00:00+05:30',
    startTime: '2025-03-01T10:00:05+05:30',
    endTime: '2025-03-01T10:01:05+05:30',
    durationSec: 60,
    price: 1.5,
    attemptNumber: 1,
    recordingUrl: null,
    digits: null,
    ...overrides,
  };
}
