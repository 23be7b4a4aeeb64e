// The built SPA's files, read once into memory with their precompressed brotli and gzip copies (written beside
// them at build time by scripts/vite-precompress.ts) and a weak ETag. A file changed on disk (a rebuild) is read
// again: each lookup compares the file's size and mtime with what was read.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { getMimeType } from 'hono/utils/mime';
import type { ContentCoding } from './accept-encoding';

type Bytes = Uint8Array<ArrayBuffer>;

export interface StaticFile {
  contentType: string;
  etag: string;
  identity: Bytes;
  encoded: Partial<Record<ContentCoding, Bytes>>;
}

interface Cached extends StaticFile {
  mtimeMs: number;
  size: number;
}

const SUFFIX: Record<ContentCoding, string> = { br: '.br', gzip: '.gz' };

export class StaticFiles {
  private readonly root: string;
  private readonly cache = new Map<string, Cached>();

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** The file at a URL path, or null when there is none (or the path leaves the folder or names a dotfile). */
  get(urlPath: string): StaticFile | null {
    const file = this.resolvePath(urlPath);
    if (file === null) return null;
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) return null;
    const cached = this.cache.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
    const loaded = this.load(file, stat.mtimeMs, stat.size);
    if (loaded !== null) this.cache.set(file, loaded);
    return loaded;
  }

  private resolvePath(urlPath: string): string | null {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return null;
    }
    if (decoded.includes('\0') || decoded.split('/').some((segment) => segment.startsWith('.'))) return null;
    const file = resolve(this.root, `.${decoded}`);
    return file.startsWith(this.root + sep) ? file : null;
  }

  private load(file: string, mtimeMs: number, size: number): Cached | null {
    let identity: Bytes;
    try {
      identity = new Uint8Array(readFileSync(file));
    } catch {
      return null;
    }
    const encoded: StaticFile['encoded'] = {};
    for (const coding of ['br', 'gzip'] as const) {
      const copy = `${file}${SUFFIX[coding]}`;
      // A copy older than its file is left over from another build: never send it.
      const copyStat = statSync(copy, { throwIfNoEntry: false });
      if (copyStat?.isFile() && copyStat.mtimeMs >= mtimeMs) encoded[coding] = new Uint8Array(readFileSync(copy));
    }
    return {
      contentType: getMimeType(file) ?? 'application/octet-stream',
      etag: `W/"${createHash('sha1').update(identity).digest('base64url').slice(0, 22)}"`,
      identity,
      encoded,
      mtimeMs,
      size,
    };
  }
}
