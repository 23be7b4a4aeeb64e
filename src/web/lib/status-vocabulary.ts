// The screen's status vocabulary, in the manner of shadcn's ChartConfig: for every contact (call) status and
// campaign status, its label (from the domain, so the server's sentences use the same words), its colours as CSS
// variables (declared in styles.css), and the order statuses are listed in. Tiles, charts, badges, filters and the
// contact list all read it; a component never spells a status label or colour itself.
import { CAMPAIGN_STATUS_LABELS, CONTACT_STATUS_LABELS, type ContactStatus } from '@domain/status-labels';
import type { CallStatus } from '@domain/call-status';
import type { CampaignStatus } from '@domain/campaign-status';

export interface StatusStyle {
  label: string;
  /** The status's own colour: chart series, the dot beside a contact's status, a badge's text. */
  color: string;
  /** A pale tint of it, for backgrounds (badges). */
  softColor: string;
}

/** Colours follow one naming rule in styles.css: --color-<prefix>-<status> and --color-<prefix>-<status>-soft. */
function vocabulary<Status extends string>(labels: Record<Status, string>, prefix: string): Record<Status, StatusStyle> {
  const entries = Object.entries<string>(labels).map(([status, label]) => [
    status,
    { label, color: `var(--color-${prefix}-${status})`, softColor: `var(--color-${prefix}-${status}-soft)` },
  ]);
  return Object.fromEntries(entries) as Record<Status, StatusStyle>;
}

export const contactStatusConfig = vocabulary<ContactStatus>(CONTACT_STATUS_LABELS, 'status');
export const campaignStatusConfig = vocabulary<CampaignStatus>(CAMPAIGN_STATUS_LABELS, 'campaign');

/** Contact statuses as the report lists them: the outcome that matters first, then failures, then what is open. */
export const CONTACT_STATUS_ORDER: readonly ContactStatus[] = ['completed', 'failed', 'busy', 'no-answer', 'canceled', 'pending', 'in-progress'];
/** The statuses a call can end in (a contact's final status): every contact status but `pending`. */
export const CALL_STATUS_ORDER = CONTACT_STATUS_ORDER.filter((status): status is CallStatus => status !== 'pending');
/** Campaign statuses in a campaign's life order. */
export const CAMPAIGN_STATUS_ORDER: readonly CampaignStatus[] = ['created', 'in-progress', 'paused', 'completed', 'failed', 'canceled', 'deleted', 'archived'];
