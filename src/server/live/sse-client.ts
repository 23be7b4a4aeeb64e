// One SSE client's response. The first frames (ready, replay) go through the response body stream, so that the
// response passes the app's middleware like any other; once the server's socket writer has written them and waits
// for more, frames are written straight to the Node response: one synchronous write of the shared bytes per event,
// with no per-client stream, promise or timer between the hub and the socket. A client that stops reading is
// dropped once its unread bytes pass a cap, so that one stalled tab or wallboard cannot grow the server's memory
// without bound. A dropped client reconnects with Last-Event-ID and is replayed what it missed, or told to reload.

/** Unread bytes after which a client is dropped: thousands of events, far more than a reading client lags. */
export const MAX_QUEUED_BYTES = 1024 * 1024;

export type CloseReason = 'closed' | 'too-slow';

/** The part of a Node response (HTTP/1 or HTTP/2) that frames are written to once the body stream caught up. */
export interface DirectSink {
  write(chunk: Uint8Array): unknown;
  /** Bytes written and not yet taken by the kernel (the response's and its socket's buffers). */
  readonly writableLength: number;
  readonly destroyed: boolean;
}

export class SseClient {
  readonly body: ReadableStream<Uint8Array>;
  private controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  private open = true;
  /** True once the socket writer has written every queued frame and asked for more: frames then go to `direct`. */
  private caughtUp = false;

  constructor(
    private readonly options: {
      maxQueuedBytes?: number;
      onClose: (reason: CloseReason) => void;
      /**
       * Cuts the connection (on Node: destroys the socket, whose close cancels this stream and frees its queue).
       * Without it the stream is errored instead, which the Node adapter would log as a server error.
       */
      disconnect?: () => void;
      /** The Node response (none under app.request() in tests, where every frame goes through the stream). */
      direct?: DirectSink;
    },
  ) {
    this.body = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.controller = controller;
        },
        // Called only when the reader waits on an empty queue: the Node adapter reads a chunk, writes it to the
        // response synchronously, then reads again, so everything enqueued so far is already in the response.
        pull: () => {
          if (this.options.direct) this.caughtUp = true;
        },
        cancel: () => this.finish('closed'),
      },
      // A high-water mark of 0 makes desiredSize minus the bytes queued and not yet read by the socket writer.
      { highWaterMark: 0, size: (chunk) => chunk.byteLength },
    );
  }

  /** Sends one frame; false when the client is gone (closed, or dropped now for not reading). */
  write(frame: Uint8Array): boolean {
    const controller = this.controller;
    if (!this.open || controller === null) return false;
    const direct = this.caughtUp ? this.options.direct : undefined;
    if (direct?.destroyed) {
      this.finish('closed');
      return false;
    }
    const unread = direct ? direct.writableLength : -(controller.desiredSize ?? 0);
    if (unread + frame.byteLength > (this.options.maxQueuedBytes ?? MAX_QUEUED_BYTES)) {
      this.finish('too-slow');
      // Either way the queue is discarded (close() would keep it until read) and the socket closed.
      if (this.options.disconnect) this.options.disconnect();
      else controller.error(new Error('SSE client dropped: it stopped reading'));
      return false;
    }
    if (direct) direct.write(frame);
    else controller.enqueue(frame);
    return true;
  }

  get isOpen(): boolean {
    return this.open;
  }

  private finish(reason: CloseReason): void {
    if (!this.open) return;
    this.open = false;
    this.options.onClose(reason);
  }
}
