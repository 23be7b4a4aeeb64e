// A share link or display whose token was revoked or rotated loses its open streams at once, so the old token stops
// reading now rather than at the stream's next recheck; one log line names the holder and how many streams closed.
import type { AccessStreams } from '../live/access-streams';
import type { Logger } from '../log';

type TokenChange = 'share_link.revoked' | 'share_link.rotated' | 'display.removed' | 'display.rotated';

export function endStreamsOf(
  deps: { streams: AccessStreams; logger: Logger },
  change: TokenChange,
  holder: { linkId: string } | { displayId: string },
): void {
  const streamsClosed = deps.streams.revoke('linkId' in holder ? holder.linkId : holder.displayId);
  deps.logger.info(change, { ...holder, streamsClosed });
}
