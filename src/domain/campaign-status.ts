// A campaign's lifecycle status. Exotel spells these PascalCase (`InProgress`) in the API reference and
// lowercase-hyphen (`in-progress`) in support articles; both map onto one vocabulary here.
import { foldKey } from './call-status';

export const CAMPAIGN_STATUSES = [
  'created',
  'in-progress',
  'paused',
  'completed',
  'failed',
  'canceled',
  'deleted',
  'archived',
] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

const CAMPAIGN_STATUS_BY_FOLDED: Record<string, CampaignStatus> = {
  created: 'created',
  inprogress: 'in-progress',
  running: 'in-progress',
  resumed: 'in-progress',
  paused: 'paused',
  completed: 'completed',
  failed: 'failed',
  canceled: 'canceled',
  cancelled: 'canceled',
  deleted: 'deleted',
  archived: 'archived',
};

export function parseCampaignStatus(raw: string): CampaignStatus | null {
  return CAMPAIGN_STATUS_BY_FOLDED[foldKey(raw)] ?? null;
}

/** Exotel's own PascalCase spelling, as the API reference writes it (used by the simulator and query filters). */
export const EXOTEL_CAMPAIGN_STATUS: Record<CampaignStatus, string> = {
  created: 'Created',
  'in-progress': 'InProgress',
  paused: 'Paused',
  completed: 'Completed',
  failed: 'Failed',
  canceled: 'Canceled',
  deleted: 'Deleted',
  archived: 'Archived',
};

/** A campaign that can still dial: its numbers move, so it is polled and shown as live. */
export function isCampaignActive(status: CampaignStatus): boolean {
  return status === 'created' || status === 'in-progress' || status === 'paused';
}
