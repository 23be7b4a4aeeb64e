// Where a live client's frames go on Node once its response headers are out. On HTTP/1.1 the response is chunked,
// and Node's response.write() would frame every write on its own (size line, data, CRLF: three buffers, a cork and
// a tick per client per event); instead each frame is framed once, and the same bytes are written to every socket.
import { ServerResponse } from 'node:http';
import type { DirectSink } from './sse-client';

const CRLF = Buffer.from('\r\n');
const framed = new WeakMap<Uint8Array, Buffer>();
// The frame framed last: an event's clients are written one after another, so this answers all but the first.
let lastFrame: Uint8Array | null = null;
let lastChunk: Buffer | null = null;

/** One HTTP/1.1 chunk holding `frame`, built once per frame whatever the number of clients. */
export function chunkOf(frame: Uint8Array): Buffer {
  if (frame === lastFrame && lastChunk !== null) return lastChunk;
  let chunk = framed.get(frame);
  if (!chunk) {
    chunk = Buffer.concat([Buffer.from(`${frame.byteLength.toString(16)}\r\n`), frame, CRLF]);
    framed.set(frame, chunk);
  }
  lastFrame = frame;
  lastChunk = chunk;
  return chunk;
}

const asIs = (frame: Uint8Array): Uint8Array => frame;

/**
 * Resolved once, when the client's first frames have been written: on a chunked HTTP/1.1 response whose headers are
 * out, the socket itself with each frame as a ready chunk (what response.write() would send); otherwise (an
 * unchunked response, as to an HTTP/1.0 client) the response, which frames what it is given. The server speaks
 * HTTP/1 only (http/shutdown.ts): SSE's Connection and Transfer-Encoding headers are not allowed in HTTP/2.
 */
function nodeSink(outgoing: ServerResponse): () => DirectSink {
  return () => {
    const socket = outgoing.socket;
    if (socket && outgoing.chunkedEncoding && outgoing.headersSent) return { target: socket, wire: chunkOf };
    return { target: outgoing, wire: asIs };
  };
}

/** The raw Node response that @hono/node-server passes as the env (none under app.request() in tests). */
function nodeResponse(env: unknown): ServerResponse | null {
  if (typeof env !== 'object' || env === null || !('outgoing' in env)) return null;
  const { outgoing } = env;
  return outgoing instanceof ServerResponse ? outgoing : null;
}

/**
 * What an SseClient needs of this request's Node response: the sink its frames go to once caught up, and a way to
 * cut the connection. Nothing under app.request() in tests, where every frame goes through the body stream.
 */
export function nodeOutlet(env: unknown): { direct?: () => DirectSink; disconnect?: () => void } {
  const outgoing = nodeResponse(env);
  return outgoing ? { direct: nodeSink(outgoing), disconnect: () => void outgoing.destroy() } : {};
}
