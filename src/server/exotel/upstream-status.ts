// What the server knows about its connection to Exotel, shown in /api/health and in every report's sync block.
import type { Upstream, UpstreamState } from '../../domain/api-schemas';

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

  /** `rate-limited` for a 429, `down` for 5xx, timeouts and refused connections. */
  recordFailure(state: 'rate-limited' | 'down', error: string, at: Date): void {
    this.state = state;
    this.lastError = error;
    this.firstFailureAt ??= at.toISOString();
  }

  snapshot(): Upstream {
    return { state: this.state, lastSuccessAt: this.lastSuccessAt, lastError: this.lastError };
  }

  /** Since when the data on screen has been unrefreshed because Exotel could not be read; null while healthy. */
  staleSince(): string | null {
    return this.firstFailureAt;
  }
}
