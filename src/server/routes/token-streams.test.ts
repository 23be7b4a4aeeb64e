// A revoked or rotated token holder's open streams end at once, only its own, and the log line says how many.
import { expect, it } from 'vitest';
import { AccessStreams, type ScopedStreamControl } from '../live/access-streams';
import { memoryLogger } from '../log';
import { endStreamsOf } from './token-streams';

function openStream(streams: AccessStreams, id: string): { ended: boolean } {
  const state = { ended: false };
  const control: ScopedStreamControl = { revoke: () => void (state.ended = true), command: () => undefined };
  streams.open(id, control);
  return state;
}

it("ends every open stream of the link, leaves another holder's open, and logs the count", () => {
  const deps = { streams: new AccessStreams(), logger: memoryLogger() };
  const phone = openStream(deps.streams, 'sl_1');
  const laptop = openStream(deps.streams, 'sl_1');
  const tv = openStream(deps.streams, 'tv_1');
  endStreamsOf(deps, 'share_link.revoked', { linkId: 'sl_1' });
  expect([phone.ended, laptop.ended, tv.ended]).toEqual([true, true, false]);
  expect(deps.logger.lines).toEqual([{ level: 'info', event: 'share_link.revoked', fields: { linkId: 'sl_1', streamsClosed: 2 } }]);
});

it('logs a display with no open stream as zero streams closed', () => {
  const deps = { streams: new AccessStreams(), logger: memoryLogger() };
  endStreamsOf(deps, 'display.rotated', { displayId: 'tv_1' });
  expect(deps.logger.lines).toEqual([{ level: 'info', event: 'display.rotated', fields: { displayId: 'tv_1', streamsClosed: 0 } }]);
});
