// Where a live client's frames go on Node once its response headers are out. On HTTP/1.1 the response is chunked,
// and Node's response.write() would frame every write on its own (size line, data, CRLF: three buffers, a cork and
// a tick per client per event); instead each frame is framed once, and the same bytes are written to every socket.
import { ServerResponse } from 'node:http';
import type { Http2ServerResponse } from 'node:http2';
import type { DirectSink } from './sse-client';

const CRLF = Buffer.from('\r\n');
const framed = new WeakMap<Uint8Array, Buffer>();

/** One HTTP/1.1 chunk holding `frame`, built once per frame whatever the number of clients. */
export function chunkOf(frame: Uint8Array): Buffer {
  let chunk = framed.get(frame);
  if (!chunk) {
    chunk = Buffer.concat([Buffer.from(`${frame.byteLength.toString(16)}\r\n`), frame, CRLF]);
    framed.set(frame, chunk);
  }
  return chunk;
}

export function nodeSink(outgoing: ServerResponse | Http2ServerResponse): DirectSink {
  return {
    write(frame) {
      if (outgoing instanceof ServerResponse) {
        // A chunk written to the socket itself is what response.write() would send; before the headers, or
        // unchunked, the response frames it.
        const socket = outgoing.socket;
        if (socket && outgoing.chunkedEncoding && outgoing.headersSent) socket.write(chunkOf(frame));
        else outgoing.write(frame);
      } else {
        outgoing.write(frame);
      }
    },
    get writableLength() {
      return outgoing.writableLength;
    },
    get destroyed() {
      return outgoing.destroyed;
    },
  };
}
