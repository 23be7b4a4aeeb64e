// The words for statuses, one label each, shared by the web app and by any sentence the server writes, so a
// status reads the same everywhere. Colours and display order belong to the web (src/web/lib/status-vocabulary.ts).
import type { CallStatus } from './call-status';
import type { CampaignStatus } from './campaign-status';

/** A contact's outcome: the final status of its last call, or `pending` while it has not been dialled. */
export type ContactStatus = CallStatus | 'pending';

export const CONTACT_STATUS_LABELS: Record<ContactStatus, string> = {
  completed: 'Completed',
  busy: 'Busy',
  'no-answer': 'No answer',
  failed: 'Failed',
  canceled: 'Canceled',
  'in-progress': 'In progress',
  pending: 'Pending',
};

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  created: 'Created',
  'in-progress': 'In progress',
  paused: 'Paused',
  completed: 'Completed',
  failed: 'Failed',
  canceled: 'Canceled',
  deleted: 'Deleted',
  archived: 'Archived',
};
