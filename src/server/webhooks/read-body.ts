// Reads a webhook request body within a size limit and decodes it, JSON or form-encoded, into one plain object.
// Every way a body can be wrong comes back as a typed rejection with the HTTP status and a reason for the sender.

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
/**
 * Objects and arrays nested deeper than this are refused. Exotel's bodies nest two levels (`Stats`, `call_sids`);
 * thousands of levels made storing the event overflow the stack, which answered 503 and invited endless redelivery.
 */
export const MAX_NESTING_DEPTH = 8;

export type BodyRejection = { ok: false; status: 400 | 413 | 415; error: string };
export type DecodedBody = { ok: true; encoding: 'json' | 'form'; body: Record<string, unknown> };

type Encoding = DecodedBody['encoding'];

/** The media type without parameters (`application/json; charset=utf-8` -> `application/json`). */
export function encodingOf(contentType: string | null): Encoding | null {
  if (!contentType) return null;
  const mediaType = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  if (mediaType === 'application/json' || mediaType === 'text/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType)) return 'json';
  if (mediaType === 'application/x-www-form-urlencoded') return 'form';
  return null;
}

function reject(status: BodyRejection['status'], error: string): BodyRejection {
  return { ok: false, status, error };
}

/**
 * Reads at most `maxBytes` from the stream. Content-Length is checked first, but it can lie or be absent
 * (chunked), so the bytes actually read are counted too and reading stops as soon as they pass the limit.
 */
async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array | BodyRejection> {
  const tooLarge = reject(413, `body is larger than ${maxBytes} bytes`);
  const declared = request.headers.get('content-length');
  const declaredBytes = declared !== null && /^\d+$/.test(declared.trim()) ? Number(declared) : null;
  if (declaredBytes !== null && declaredBytes > maxBytes) return tooLarge;
  if (declaredBytes !== null && !request.headers.has('transfer-encoding')) {
    // A declared length within the limit: Node's HTTP parser delivers exactly that many bytes, so the body is read
    // whole, without the web stream (on the Node server, reading it as a stream cost more than the rest of the
    // webhook's parsing). The size is checked again for a Request built in-process, which no parser bounded.
    const bytes = new Uint8Array(await request.arrayBuffer());
    return bytes.byteLength > maxBytes ? tooLarge : bytes;
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return tooLarge;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether JSON text nests objects and arrays deeper than `limit`, found by scanning (never by recursion). */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === '{' || char === '[') {
      if (++depth > limit) return true;
    } else if (char === '}' || char === ']') {
      depth--;
    }
  }
  return false;
}

function decodeJson(text: string): DecodedBody | BodyRejection {
  if (nestsDeeperThan(text, MAX_NESTING_DEPTH)) return reject(400, `body nests objects or arrays deeper than ${MAX_NESTING_DEPTH} levels`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return reject(400, 'body is not valid JSON');
  }
  if (!isPlainObject(parsed)) return reject(400, 'body must be a JSON object');
  return { ok: true, encoding: 'json', body: parsed };
}

/** Strict percent-decoding: `%zz` or a cut-off UTF-8 sequence makes the whole form malformed. */
function decodeFormComponent(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/**
 * Form bodies arrive flat. Nested values come as `Stats[created]=3` (bracket keys) or as a JSON string
 * (`Stats={"created":3}`); lists as repeated keys, `call_sids[]=a`, or a JSON array string. Brackets become
 * nested objects and repeated keys arrays here; JSON strings are left for the event parser, which knows which
 * fields hold structures.
 */
function decodeForm(text: string): DecodedBody | BodyRejection {
  // Null-prototype objects: a field named `__proto__` is then just a field, never the object's prototype.
  const body: Record<string, unknown> = Object.create(null);
  const pairs = text.split('&').filter((pair) => pair !== '');
  if (pairs.length === 0) return reject(400, 'form body is empty');
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    const key = decodeFormComponent(equals === -1 ? pair : pair.slice(0, equals));
    const value = decodeFormComponent(equals === -1 ? '' : pair.slice(equals + 1));
    if (key === null || value === null) return reject(400, 'form body has a malformed percent-encoding');
    if (key === '') return reject(400, 'form body has an empty field name');
    // A field may carry JSON (`Stats={"created":3}`), which the event parser reads: it counts one level below the body.
    if (nestsDeeperThan(value, MAX_NESTING_DEPTH - 1)) return reject(400, `form field ${key.slice(0, 40)} nests deeper than ${MAX_NESTING_DEPTH} levels`);
    const bracket = /^([^[\]]+)\[([^[\]]*)\]$/.exec(key);
    if (bracket) {
      const [, outer = '', inner = ''] = bracket;
      const existing = body[outer];
      if (inner === '' || /^\d+$/.test(inner)) {
        // call_sids[]=a or call_sids[0]=a: a list.
        body[outer] = Array.isArray(existing) ? [...existing, value] : existing === undefined ? [value] : [existing, value];
      } else {
        const nested: Record<string, unknown> = isPlainObject(existing) ? existing : Object.create(null);
        nested[inner] = value;
        body[outer] = nested;
      }
      continue;
    }
    const existing = body[key];
    body[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return { ok: true, encoding: 'form', body };
}

/** Fatal: invalid UTF-8 throws rather than becoming U+FFFD. Stateless between whole-buffer decodes, so shared. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads and decodes a webhook body; never throws for anything the sender controls. */
export async function readWebhookBody(request: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<DecodedBody | BodyRejection> {
  const encoding = encodingOf(request.headers.get('content-type'));
  if (!encoding) return reject(415, 'send application/json or application/x-www-form-urlencoded');
  let bytes: Uint8Array | BodyRejection;
  try {
    bytes = await readLimited(request, maxBytes);
  } catch {
    return reject(400, 'body could not be read');
  }
  if (!(bytes instanceof Uint8Array)) return bytes;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return reject(400, 'body is not valid UTF-8');
  }
  if (text.trim() === '') return reject(400, 'body is empty');
  return encoding === 'json' ? decodeJson(text) : decodeForm(text.trim());
}
