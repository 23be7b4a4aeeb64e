// A campaign's lifecycle status. Exotel spells these PascalCase (`InProgress`) in the API reference and
// lowercase-hyphen (`in-progress`) in support articles; both map onto one vocabulary here.
import { foldKey } from './call-status';
import { msOfIso } from './instant';

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

/** A campaign that can still dial: its numbers move, so it is polled and shown as live. */
export function isCampaignActive(status: CampaignStatus): boolean {
  return status === 'created' || status === 'in-progress' || status === 'paused';
}

/** Exotel's lifecycle, as ranks: created < running/paused < finished < deleted/archived. It never moves down. */
export const LIFECYCLE_RANK: Readonly<Record<CampaignStatus, number>> = {
  created: 0,
  'in-progress': 1,
  paused: 1,
  completed: 2,
  failed: 2,
  canceled: 2,
  deleted: 3,
  archived: 3,
};

/** A campaign's status and when Exotel said it changed (ISO 8601, or null when it did not say). */
export interface DatedStatus {
  status: CampaignStatus;
  dateUpdated: string | null;
}

/**
 * True when moving from `stored` to `next` would take the campaign backwards. When both are dated, the later one
 * wins (a pause and a resume are ordered by their dates), except that the lifecycle never moves down the ranks (a
 * campaign never leaves Completed for InProgress). Without two dates, a lower rank is a late delivery, and at equal
 * rank (InProgress vs Paused) the status name decides: a fixed rule keeps arrival order from changing the result.
 */
export function isStatusRegression(stored: DatedStatus, next: DatedStatus): boolean {
  const storedAt = msOfIso(stored.dateUpdated);
  const nextAt = msOfIso(next.dateUpdated);
  if (storedAt !== null && nextAt !== null && nextAt !== storedAt) {
    return nextAt < storedAt || LIFECYCLE_RANK[next.status] < LIFECYCLE_RANK[stored.status];
  }
  const rankDiff = LIFECYCLE_RANK[next.status] - LIFECYCLE_RANK[stored.status];
  if (rankDiff !== 0) return rankDiff < 0;
  return next.status < stored.status;
}
