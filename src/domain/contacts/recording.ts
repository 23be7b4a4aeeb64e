// Exotel keeps call recordings for about 90 days (docs/exotel-api.md); a link older than that most likely fails.
import { RECORDING_RETENTION_DAYS } from '../api-schemas';

const DAY_MS = 86_400_000;

/** True when the call had a recording and was made more than 90 days before `nowMs`. */
export function recordingLikelyExpired(recordingUrl: string | null, callAtMs: number, nowMs: number): boolean {
  return recordingUrl !== null && nowMs - callAtMs > RECORDING_RETENTION_DAYS * DAY_MS;
}
