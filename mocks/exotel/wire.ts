// Exotel's wire shapes in both documented dialects: 'reference' (the snake_case API reference) and 'guide' (the
// campaign-reporting guide, summarised in docs/reporting-guide.md). Envelopes, campaigns, call records, errors and webhooks.
import type { AttemptStatus, CampaignLifecycle, CampaignSpec, SimCallRecord, Stats } from './model';
import { istIso } from './time';

export type Dialect = 'reference' | 'guide';

export interface CampaignView {
  spec: CampaignSpec;
  accountSid: string;
  status: CampaignLifecycle;
  stats: Stats;
  /** Epoch ms of the last lifecycle change at or before now. */
  updatedAt: number;
  callbacks: { callStatus: string; callSchedule: string; campaignStatus: string } | null;
}

export function statsWire(stats: Stats, dialect: Dialect): Record<string, number> {
  if (dialect === 'guide') {
    return {
      created: stats.created,
      completed: stats.completed,
      failed: stats.failed,
      pending: stats.pending,
      in_progress: stats.inProgress,
      busy: stats.busy,
      no_answer: stats.noAnswer,
    };
  }
  // The reference dialect has no busy / no-answer counts: every unreached contact is "failed".
  return {
    created: stats.created,
    completed: stats.completed,
    failed: stats.failed + stats.busy + stats.noAnswer,
    pending: stats.pending,
    'in-progress': stats.inProgress,
    'failed-no-attempt': 0,
    retrying: stats.retrying,
  };
}

export function campaignWire(view: CampaignView, dialect: Dialect): Record<string, unknown> {
  const { spec } = view;
  const campaign: Record<string, unknown> = {
    id: spec.id,
    account_sid: view.accountSid,
    name: spec.name,
    type: 'trans',
    caller_id: spec.callerId,
    status: view.status,
  };
  if (spec.retries) {
    campaign.retries = {
      number_of_retries: spec.retries.numberOfRetries,
      interval_mins: spec.retries.intervalMins,
      mechanism: spec.retries.mechanism,
      on_status: [...spec.retries.onStatus],
    };
  }
  campaign.schedule = { send_at: istIso(spec.sendAt), end_at: spec.endAt === null ? null : istIso(spec.endAt) };
  campaign.date_created = istIso(spec.createdAt);
  campaign.date_updated = istIso(view.updatedAt);
  if (view.callbacks) {
    campaign.call_status_callback = view.callbacks.callStatus;
    campaign.call_schedule_callback = view.callbacks.callSchedule;
    campaign.status_callback = view.callbacks.campaignStatus;
  }
  campaign.stats = statsWire(view.stats, dialect);
  return campaign;
}

export function recordWire(record: SimCallRecord, callerId: string, dialect: Dialect): Record<string, unknown> {
  if (dialect === 'reference') {
    return {
      call_sid: record.callSid,
      number: record.number,
      name: record.name,
      status: record.status,
      date_created: record.dateCreated,
      start_time: record.startTime,
      end_time: record.endTime,
      duration: record.durationSec,
      digit: record.digits,
      recording_url: record.recordingUrl,
      caller_id: callerId,
      direction: 'Outgoing',
    };
  }
  return {
    call_sid: record.callSid,
    to: record.number,
    from: callerId,
    name: record.name,
    status: record.status,
    date_created: record.dateCreated,
    start_time: record.startTime,
    end_time: record.endTime,
    duration: String(record.durationSec),
    recording_url: record.recordingUrl,
    attempt_number: record.attemptNumber,
    price: record.price,
    digits: record.digits,
  };
}

export function successItem(data: unknown): Record<string, unknown> {
  return { code: 200, status: 'success', data, error_data: null };
}

export function listEnvelope(requestId: string, items: unknown[], meta: { offset: number; total: number; limit: number }, dialect: Dialect) {
  return {
    request_id: requestId,
    http_code: 200,
    metadata: { count: items.length, offset: meta.offset, total: meta.total, limit: meta.limit },
    response: dialect === 'reference' ? items.map(successItem) : items,
  };
}

export function singleEnvelope(requestId: string, item: unknown) {
  return { request_id: requestId, http_code: 200, response: [successItem(item)] };
}

export function errorEnvelope(requestId: string, code: number, description: string, message: string) {
  return {
    request_id: requestId,
    http_code: code,
    response: [{ code, status: 'failure', data: null, error_data: { code, description, message } }],
  };
}

export function restException(status: number, message: string, code: string) {
  return { RestException: { Status: status, Message: message, Code: code } };
}

// ---- webhooks ----

export type WebhookKind = 'call-status' | 'call-schedule' | 'campaign-status';

export function callStatusWebhook(campaignId: string, record: SimCallRecord, callerId: string, dialect: Dialect): Record<string, unknown> {
  if (dialect === 'reference') {
    return {
      campaign_sid: campaignId,
      call_sid: record.callSid,
      number: record.number,
      status: record.status,
      date_created: record.dateCreated,
      date_updated: record.endTime,
    };
  }
  return {
    CallSid: record.callSid,
    To: record.number,
    From: callerId,
    Status: record.status,
    Duration: String(record.durationSec),
    RecordingUrl: record.recordingUrl,
    DateCreated: record.dateCreated,
  };
}

export function callScheduleWebhook(
  campaignId: string,
  number: string,
  callerId: string,
  attempts: SimCallRecord[],
  finalStatus: AttemptStatus,
  finalAt: number,
  dialect: Dialect,
): Record<string, unknown> {
  if (dialect === 'reference') {
    return {
      campaign_sid: campaignId,
      to: number,
      from: callerId,
      call_sids: attempts.map((a) => a.callSid),
      status: finalStatus,
      date_created: attempts[0]?.dateCreated ?? istIso(finalAt),
      date_updated: istIso(finalAt),
    };
  }
  return { To: number, FinalStatus: finalStatus, AttemptCount: attempts.length, CampaignSid: campaignId };
}

export function campaignStatusWebhook(view: CampaignView, status: CampaignLifecycle, at: number, dialect: Dialect): Record<string, unknown> {
  if (dialect === 'reference') {
    return {
      campaign_sid: view.spec.id,
      status,
      date_created: istIso(view.spec.createdAt),
      date_updated: istIso(at),
      report_url: `https://reports.exotel.sim/${view.accountSid}/${view.spec.id}/campaign_report.csv`,
    };
  }
  return {
    CampaignSid: view.spec.id,
    Status: status,
    Stats: { created: view.stats.created, completed: view.stats.completed, failed: view.stats.failed },
  };
}

/** Form encoding with bracket keys for nested values (`Stats[created]=3`, `call_sids[]=a`), as PHP-style senders do. */
export function formEncode(body: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(body)) {
    if (Array.isArray(value)) for (const item of value) params.append(`${key}[]`, String(item));
    else if (value !== null && typeof value === 'object') {
      for (const [inner, v] of Object.entries(value)) params.append(`${key}[${inner}]`, String(v));
    } else params.append(key, value === null || value === undefined ? '' : String(value));
  }
  return params.toString();
}
