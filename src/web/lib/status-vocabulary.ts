// The screen's status vocabulary, in the manner of shadcn's ChartConfig: for every contact (call) status and
// campaign status, its label (from the domain, so the server's sentences use the same words), its colour as a CSS
// variable (declared in styles.css), and, by key order, the order statuses are listed in. Tiles, charts, badges,
// filters and the contact list all read it; a component never spells a status label or colour itself.
import { CAMPAIGN_STATUS_LABELS, CONTACT_STATUS_LABELS, type ContactStatus } from '@domain/status-labels';
import type { CallStatus } from '@domain/call-status';
import type { CampaignStatus } from '@domain/campaign-status';

export interface StatusStyle {
  label: string;
  /** The status's own colour: chart series, the dot beside a contact's status. */
  color: string;
}

/** Listed as the report lists them: the outcome that matters first, then the failures, then what is still open. */
export const contactStatusConfig = {
  completed: { label: CONTACT_STATUS_LABELS.completed, color: 'var(--color-status-completed)' },
  failed: { label: CONTACT_STATUS_LABELS.failed, color: 'var(--color-status-failed)' },
  busy: { label: CONTACT_STATUS_LABELS.busy, color: 'var(--color-status-busy)' },
  'no-answer': { label: CONTACT_STATUS_LABELS['no-answer'], color: 'var(--color-status-no-answer)' },
  canceled: { label: CONTACT_STATUS_LABELS.canceled, color: 'var(--color-status-canceled)' },
  pending: { label: CONTACT_STATUS_LABELS.pending, color: 'var(--color-status-pending)' },
  'in-progress': { label: CONTACT_STATUS_LABELS['in-progress'], color: 'var(--color-status-in-progress)' },
} as const satisfies Record<ContactStatus, StatusStyle>;

// Keys of a literal object keep their written order; the Record type above makes the list complete.
export const CONTACT_STATUS_ORDER = Object.keys(contactStatusConfig) as ContactStatus[];
/** The statuses a call can end in (a contact's final status): every contact status but `pending`. */
export const CALL_STATUS_ORDER = CONTACT_STATUS_ORDER.filter((status): status is CallStatus => status !== 'pending');

export interface CampaignStatusStyle extends StatusStyle {
  /** Tailwind classes of the status badge: soft background, strong text (both from the CSS variables). */
  badgeClassName: string;
}

/** Listed in a campaign's life order. Class names are written out whole so Tailwind finds them. */
export const campaignStatusConfig = {
  created: { label: CAMPAIGN_STATUS_LABELS.created, color: 'var(--color-campaign-created)', badgeClassName: 'bg-campaign-created-soft text-campaign-created' },
  'in-progress': { label: CAMPAIGN_STATUS_LABELS['in-progress'], color: 'var(--color-campaign-in-progress)', badgeClassName: 'bg-campaign-in-progress-soft text-campaign-in-progress' },
  paused: { label: CAMPAIGN_STATUS_LABELS.paused, color: 'var(--color-campaign-paused)', badgeClassName: 'bg-campaign-paused-soft text-campaign-paused' },
  completed: { label: CAMPAIGN_STATUS_LABELS.completed, color: 'var(--color-campaign-completed)', badgeClassName: 'bg-campaign-completed-soft text-campaign-completed' },
  failed: { label: CAMPAIGN_STATUS_LABELS.failed, color: 'var(--color-campaign-failed)', badgeClassName: 'bg-campaign-failed-soft text-campaign-failed' },
  canceled: { label: CAMPAIGN_STATUS_LABELS.canceled, color: 'var(--color-campaign-canceled)', badgeClassName: 'bg-campaign-canceled-soft text-campaign-canceled' },
  deleted: { label: CAMPAIGN_STATUS_LABELS.deleted, color: 'var(--color-campaign-deleted)', badgeClassName: 'bg-campaign-deleted-soft text-campaign-deleted' },
  archived: { label: CAMPAIGN_STATUS_LABELS.archived, color: 'var(--color-campaign-archived)', badgeClassName: 'bg-campaign-archived-soft text-campaign-archived' },
} as const satisfies Record<CampaignStatus, CampaignStatusStyle>;

export const CAMPAIGN_STATUS_ORDER = Object.keys(campaignStatusConfig) as CampaignStatus[];
