// What the server knows about its connection to Exotel, shown in /api/health and in every report's sync block.
// Browsers see only a category of failure, in words; never a URL, host, port or upstream error text (logs keep those).
import type { Upstream, UpstreamState } from '../../domain/api-schemas';

/** Why the last read of Exotel failed, as one of a fixed set: nothing the upstream or the network said gets through. */
export type UpstreamProblem =
  | 'no-answer'
  | 'unreachable'
  | 'server-error'
  | 'refused-credentials'
  | 'rate-limited'
  | 'unreadable-answer'
  | 'unexpected-answer';

export const UPSTREAM_PROBLEM_TEXT: Record<UpstreamProblem, string> = {
  'no-answer': 'Exotel did not answer in time',
  unreachable: 'callboard could not reach Exotel',
  'server-error': 'Exotel had a server error',
  'refused-credentials': 'Exotel refused the credentials',
  'rate-limited': 'Exotel rate-limited callboard',
  'unreadable-answer': 'Exotel sent an answer callboard cannot read',
  'unexpected-answer': 'Exotel answered in an unexpected way',
};

export class UpstreamStatus {
  private state: UpstreamState;
  private lastSuccessAt: string | null = null;
  private lastError: string | null = null;
  private firstFailureAt: string | null = null;

  constructor(configured: boolean) {
    this.state = configured ? 'ok' : 'unconfigured';
  }

  recordSuccess(at: Date): void {
    this.state = 'ok';
    this.lastSuccessAt = at.toISOString();
    this.lastError = null;
    this.firstFailureAt = null;
  }

  /** `rate-limited` after a 429; `down` for everything else (5xx, timeouts, refused connections, bad answers). */
  recordFailure(problem: UpstreamProblem, at: Date): void {
    this.state = problem === 'rate-limited' ? 'rate-limited' : 'down';
    this.lastError = UPSTREAM_PROBLEM_TEXT[problem];
    this.firstFailureAt ??= at.toISOString();
  }

  /**
   * Takes over what another instance knows (the sync leader, which alone reads Exotel when several instances share
   * one database), so that every instance's health and reports say the same.
   */
  adopt(snapshot: Upstream, staleSince: string | null): void {
    this.state = snapshot.state;
    this.lastSuccessAt = snapshot.lastSuccessAt;
    this.lastError = snapshot.lastError;
    this.firstFailureAt = staleSince;
  }

  snapshot(): Upstream {
    return { state: this.state, lastSuccessAt: this.lastSuccessAt, lastError: this.lastError };
  }

  /** Since when the data on screen has been unrefreshed because Exotel could not be read; null while healthy. */
  staleSince(): string | null {
    return this.firstFailureAt;
  }
}
