// One SSE client's response body: frames are queued as they are (shared bytes, no copy) and the server's
// socket writer drains the queue as the client reads. A client that stops reading is dropped once its
// unread bytes pass a cap, so that one stalled tab or wallboard cannot grow the server's memory without bound.
// A dropped client reconnects with Last-Event-ID and is replayed what it missed, or told to reload.

/** Unread bytes after which a client is dropped: thousands of events, far more than a reading client lags. */
export const MAX_QUEUED_BYTES = 1024 * 1024;

export type CloseReason = 'closed' | 'too-slow';

export class SseClient {
  readonly body: ReadableStream<Uint8Array>;
  private controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  private open = true;

  constructor(
    private readonly options: {
      maxQueuedBytes?: number;
      onClose: (reason: CloseReason) => void;
      /**
       * Cuts the connection (on Node: destroys the socket, whose close cancels this stream and frees its queue).
       * Without it the stream is errored instead, which the Node adapter would log as a server error.
       */
      disconnect?: () => void;
    },
  ) {
    this.body = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.controller = controller;
        },
        cancel: () => this.finish('closed'),
      },
      // A high-water mark of 0 makes desiredSize minus the bytes queued and not yet read by the socket writer.
      { highWaterMark: 0, size: (chunk) => chunk.byteLength },
    );
  }

  /** Queues one frame; false when the client is gone (closed, or dropped now for not reading). */
  write(frame: Uint8Array): boolean {
    const controller = this.controller;
    if (!this.open || controller === null) return false;
    const unread = -(controller.desiredSize ?? 0);
    if (unread + frame.byteLength > (this.options.maxQueuedBytes ?? MAX_QUEUED_BYTES)) {
      this.finish('too-slow');
      // Either way the queue is discarded (close() would keep it until read) and the socket closed.
      if (this.options.disconnect) this.options.disconnect();
      else controller.error(new Error('SSE client dropped: it stopped reading'));
      return false;
    }
    controller.enqueue(frame);
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
