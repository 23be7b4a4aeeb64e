// How one incoming call record combines with the stored row of the same call sid. The rules make the stored
// state independent of arrival order (for records that agree with each other, as repeated deliveries and
// re-reads do): a final status beats in-progress, sync beats webhook, and a null never erases a known value.
import type { CallRecord } from '../../domain/campaign';
import { isFinalCallStatus, type CallStatus } from '../../domain/call-status';
import type { CallSource } from './store';

export interface StoredCall {
  callSid: string;
  campaignId: string;
  number: string;
  name: string | null;
  status: CallStatus;
  /** 0 in-progress by webhook, 1 in-progress by sync, 2 final by webhook, 3 final by sync. */
  statusRank: number;
  dateCreated: string;
  atMs: number;
  startTime: string | null;
  endTime: string | null;
  durationSec: number | null;
  price: number | null;
  attemptNumber: number | null;
  recordingUrl: string | null;
  digits: string | null;
  fromSync: boolean;
  fromWebhook: boolean;
}

export function statusRank(status: CallStatus, source: CallSource): number {
  return (isFinalCallStatus(status) ? 2 : 0) + (source === 'sync' ? 1 : 0);
}

/**
 * The row after applying `record`. Status: the higher rank wins, and at equal rank the later write (a sync
 * re-read that corrects itself). Other fields: a sync record's known values replace what a webhook gave; a webhook
 * record only fills gaps in a row sync has confirmed; nulls never erase. `atMs` must be date_created parsed.
 */
export function mergeCall(existing: StoredCall | null, record: CallRecord, source: CallSource, atMs: number): StoredCall {
  const rank = statusRank(record.status, source);
  if (existing === null) {
    return {
      callSid: record.callSid,
      campaignId: record.campaignId,
      number: record.number,
      name: record.name,
      status: record.status,
      statusRank: rank,
      dateCreated: record.dateCreated,
      atMs,
      startTime: record.startTime,
      endTime: record.endTime,
      durationSec: record.durationSec,
      price: record.price,
      attemptNumber: record.attemptNumber,
      recordingUrl: record.recordingUrl,
      digits: record.digits,
      fromSync: source === 'sync',
      fromWebhook: source === 'webhook',
    };
  }

  const incomingLeads = source === 'sync' || !existing.fromSync;
  const pick = <T>(incoming: T | null, stored: T | null): T | null =>
    incomingLeads ? (incoming ?? stored) : (stored ?? incoming);
  const statusWins = rank >= existing.statusRank;

  return {
    callSid: existing.callSid,
    campaignId: incomingLeads ? record.campaignId : existing.campaignId,
    number: incomingLeads ? record.number : existing.number,
    name: pick(record.name, existing.name),
    status: statusWins ? record.status : existing.status,
    statusRank: statusWins ? rank : existing.statusRank,
    dateCreated: incomingLeads ? record.dateCreated : existing.dateCreated,
    atMs: incomingLeads ? atMs : existing.atMs,
    startTime: pick(record.startTime, existing.startTime),
    endTime: pick(record.endTime, existing.endTime),
    durationSec: pick(record.durationSec, existing.durationSec),
    price: pick(record.price, existing.price),
    attemptNumber: pick(record.attemptNumber, existing.attemptNumber),
    recordingUrl: pick(record.recordingUrl, existing.recordingUrl),
    digits: pick(record.digits, existing.digits),
    fromSync: existing.fromSync || source === 'sync',
    fromWebhook: existing.fromWebhook || source === 'webhook',
  };
}

export function sameCall(a: StoredCall, b: StoredCall): boolean {
  return (
    a.campaignId === b.campaignId &&
    a.number === b.number &&
    a.name === b.name &&
    a.status === b.status &&
    a.statusRank === b.statusRank &&
    a.dateCreated === b.dateCreated &&
    a.atMs === b.atMs &&
    a.startTime === b.startTime &&
    a.endTime === b.endTime &&
    a.durationSec === b.durationSec &&
    a.price === b.price &&
    a.attemptNumber === b.attemptNumber &&
    a.recordingUrl === b.recordingUrl &&
    a.digits === b.digits &&
    a.fromSync === b.fromSync &&
    a.fromWebhook === b.fromWebhook
  );
}
