// Gathers everything a campaign's report is built from, through the store's ports, in one place:
// store -> ReportInput -> buildReport (domain) -> route. Works over any implementation of the ports.
import type { Upstream, WebhookHealth } from '../../domain/api-schemas';
import type { Campaign } from '../../domain/campaign';
import type { ReportInput } from '../../domain/report-input';
import type { CallStore, CampaignRevenueStore, ContactMetadataStore, CounterStore, SyncStateStore, WebhookLog } from './store';

/** The ports a report is loaded through. */
export type ReportInputStore = CallStore &
  SyncStateStore &
  WebhookLog &
  Pick<CounterStore, 'unreadableCallRecords'> &
  Pick<ContactMetadataStore, 'contactMetadataForReport'> &
  Pick<CampaignRevenueStore, 'managerRevenue'>;

/** What the report knows besides stored rows; the webhook health is read once by the caller, for its cache key too. */
export interface ReportContext {
  upstream: Upstream;
  staleSince: string | null;
  webhooks: WebhookHealth;
  timeZone: string;
  now: Date;
}

export function loadReportInput(store: ReportInputStore, campaign: Campaign, context: ReportContext): ReportInput {
  const managerRevenue = store.managerRevenue(campaign.id);
  const counts = store.countCalls(campaign.id);
  const sync = store.getSyncState(campaign.id);
  return {
    campaign,
    calls: store.reportCalls(campaign.id),
    sync: {
      callsSynced: counts.fromSync,
      callsExpected: sync?.callsExpected ?? null,
      lastPolledAt: sync?.lastPolledAt ?? null,
      lastWebhookAt: store.lastWebhookAt(campaign.id),
      upstream: context.upstream,
      staleSince: context.staleSince,
      webhooks: context.webhooks,
      callsWithoutWebhook: counts.withoutWebhook,
      callsFromSync: counts.syncedSinceWebhooks,
      unreadableRecords: store.unreadableCallRecords(campaign.id),
    },
    timeZone: context.timeZone,
    now: context.now,
    // The uploaded sheet's tags and revenue column: the "by tag" table and revenue in the business metrics.
    contactMetadata: store.contactMetadataForReport(campaign.id),
    // A manager's figure wins over the sheet's revenue column (buildReport falls back to the sheet without it).
    revenue: managerRevenue === null ? null : { rupees: managerRevenue.rupees, source: 'manager' },
  };
}
