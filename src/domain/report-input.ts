// What the report functions take: compact rows the store can hand over cheaply for 200,000 attempts
// (times as epoch milliseconds, no strings to parse), plus what the server knows about syncing.
import type { CallStatus } from './call-status';
import type { Campaign } from './campaign';
import type { Upstream, WebhookHealth } from './api-schemas';
import type { CampaignSnapshot } from './report/benchmarks';
import type { CampaignRevenue, Pricing } from './report/business';
import type { ContactMetadataForReport } from './report/contact-metadata';

/** One call attempt, as reports need it. */
export interface ReportCall {
  number: string;
  status: CallStatus;
  /** date_created as epoch milliseconds. */
  at: number;
  durationSec: number | null;
  price: number | null;
  /** Exotel's attempt_number when it gave one; null means derive it from the order of the number's calls. */
  attemptNumber: number | null;
}

export interface ReportSyncState {
  callsSynced: number;
  callsExpected: number | null;
  lastPolledAt: string | null;
  lastWebhookAt: string | null;
  upstream: Upstream;
  /** When Exotel first failed in the current outage; null while healthy. The report is stale while non-null. */
  staleSince: string | null;
  webhooks: WebhookHealth;
  /**
   * Synced calls that no webhook announced (webhooks being missed), counted since the campaign's first
   * webhook arrived: calls from before the callback URLs were set never had one.
   */
  callsWithoutWebhook: number;
  /** Synced calls in the same window: the denominator of webhook coverage. */
  callsFromSync: number;
  /**
   * Call records Exotel sent for this campaign that could not be read (kept out of every figure). Optional so
   * that inputs built before it existed stay valid; absent means none.
   */
  unreadableRecords?: number;
}

export interface ReportInput {
  campaign: Campaign;
  calls: readonly ReportCall[];
  sync: ReportSyncState;
  /** IANA zone for hour-of-day analysis; Asia/Kolkata unless configured. */
  timeZone: string;
  now: Date;
  /** Price per pulse and pulse length from settings; pulses only, 60 s pulses when absent. */
  pricing?: Pricing;
  /** A figure a manager entered for the campaign's revenue; the uploaded sheet's revenue column is used when absent. */
  revenue?: CampaignRevenue | null;
  /** The uploaded contact sheet (contact metadata): its revenue column and tags feed `business` and `tags`. */
  contactMetadata?: readonly ContactMetadataForReport[];
  /** Metric snapshots of the account's campaigns, for "your usual"; the report's own campaign is left out. */
  history?: readonly CampaignSnapshot[];
}
