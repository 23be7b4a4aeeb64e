// One SSE client's response. The first frames (ready, replay) go through the response body stream, so that the
// response passes the app's middleware like any other; once the server's socket writer has written them and waits
// for more, the client resolves where its frames go (see node-sink.ts) and from then on each event is one check of
// the unread bytes and one synchronous write of the shared bytes, with no per-client stream, promise or timer
// between the hub and the socket. A client that stops reading is dropped once its unread bytes pass a cap, so that
// one stalled tab or wallboard cannot grow the server's memory without bound. A dropped client reconnects with
// Last-Event-ID and is replayed what it missed, or told to reload.
import type { EventFilter, HubEvent, LiveHub, Receiver } from './hub';
import { resetFrame } from './sse-frame';

/** Unread bytes after which a client is dropped: thousands of events, far more than a reading client lags. */
export const MAX_QUEUED_BYTES = 1024 * 1024;

export const SSE_HEADERS = {
  'Content-Type': 'text/event-stream',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
  'Transfer-Encoding': 'chunked',
  // Tells a reverse proxy (nginx) not to buffer the stream.
  'X-Accel-Buffering': 'no',
};

export type CloseReason = 'closed' | 'too-slow';

/** A Node socket or response that frames are written to once the body stream caught up. */
export interface DirectTarget {
  write(chunk: Uint8Array): unknown;
  /** Bytes written and not yet taken by the kernel. */
  readonly writableLength: number;
}

/** Where a caught-up client's frames go, and the bytes each frame becomes there (e.g. an HTTP/1.1 chunk). */
export interface DirectSink {
  target: DirectTarget;
  wire: (frame: Uint8Array) => Uint8Array;
}

export class SseClient implements Receiver {
  readonly body: ReadableStream<Uint8Array>;
  private controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  private open = true;
  /** Set once the socket writer has written every queued frame and asked for more: frames then go here. */
  private target: DirectTarget | null = null;
  private wire: (frame: Uint8Array) => Uint8Array = (frame) => frame;
  private readonly maxQueuedBytes: number;

  constructor(
    private readonly options: {
      maxQueuedBytes?: number;
      /** Called once, when the client closes, is dropped or is ended. */
      onClose: (reason: CloseReason) => void;
      /**
       * Cuts the connection (on Node: destroys the socket, whose close cancels this stream and frees its queue).
       * Without it the stream is errored instead, which the Node adapter would log as a server error.
       */
      disconnect?: () => void;
      /** Resolves the Node sink (none under app.request() in tests, where every frame goes through the stream). */
      direct?: () => DirectSink;
    },
  ) {
    this.maxQueuedBytes = options.maxQueuedBytes ?? MAX_QUEUED_BYTES;
    this.body = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.controller = controller;
        },
        // Called only when the reader waits on an empty queue: the Node adapter reads a chunk, writes it to the
        // response synchronously, then reads again, so everything enqueued so far is already in the response.
        pull: () => {
          if (this.target === null && this.open && this.options.direct) {
            const sink = this.options.direct();
            this.target = sink.target;
            this.wire = sink.wire;
          }
        },
        // The Node adapter cancels the body when the response closes: that is how a gone client leaves (there is no
        // per-event `destroyed` check; a write in between goes nowhere, quietly).
        cancel: () => this.finish('closed'),
      },
      // A high-water mark of 0 makes desiredSize minus the bytes queued and not yet read by the socket writer.
      { highWaterMark: 0, size: (chunk) => chunk.byteLength },
    );
  }

  /** As a hub receiver: the event's shared frame, as it is. */
  receive(_event: HubEvent, frame: Uint8Array): void {
    this.write(frame);
  }

  /** Sends one frame; false when the client is gone (closed, or dropped now for not reading). */
  write(frame: Uint8Array): boolean {
    if (!this.open) return false;
    const target = this.target;
    if (target !== null) {
      if (target.writableLength + frame.byteLength > this.maxQueuedBytes) return this.drop();
      target.write(this.wire(frame));
      return true;
    }
    const controller = this.controller;
    if (controller === null) return false;
    if (frame.byteLength - (controller.desiredSize ?? 0) > this.maxQueuedBytes) return this.drop();
    controller.enqueue(frame);
    return true;
  }

  /** Sends a last frame (if any), then ends the response normally. */
  end(lastFrame?: Uint8Array): void {
    if (lastFrame !== undefined ? !this.write(lastFrame) : !this.open) return;
    this.finish('closed');
    // After the frames written directly, the Node adapter reads the end of the body and ends the response.
    this.controller?.close();
  }

  get isOpen(): boolean {
    return this.open;
  }

  private drop(): false {
    this.finish('too-slow');
    // Either way the queue is discarded (close() would keep it until read) and the socket closed.
    if (this.options.disconnect) this.options.disconnect();
    else this.controller?.error(new Error('SSE client dropped: it stopped reading'));
    return false;
  }

  private finish(reason: CloseReason): void {
    if (!this.open) return;
    this.open = false;
    this.options.onClose(reason);
  }
}

/**
 * After `ready`, for a client that reconnected with a Last-Event-ID: the events it missed, each as `frameFor` has
 * it sent (null: not to this client), or a `reset` when what it missed cannot be known.
 */
export function replayMissed(
  client: SseClient,
  hub: LiveHub,
  lastEventId: string | undefined,
  filter: EventFilter,
  frameFor: (event: HubEvent, frame: Uint8Array) => Uint8Array | null = (_event, frame) => frame,
): void {
  if (lastEventId === undefined || lastEventId === '') return;
  const resume = hub.resume(lastEventId, filter);
  if ('reset' in resume) {
    client.write(resetFrame(hub.lastEventId, resume.reset));
    return;
  }
  for (const { event, frame } of resume.missed) {
    const sent = frameFor(event, frame);
    if (sent !== null && !client.write(sent)) break;
  }
}
