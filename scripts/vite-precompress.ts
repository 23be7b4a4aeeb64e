// A Vite build plugin: after the bundle is written, puts a brotli (.br) and a gzip (.gz) copy beside every
// compressible file of the output (JS, CSS, HTML, SVG, JSON...), at the highest levels, since this runs once per
// build rather than per request. The server's static route sends them to clients that accept them.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|map|txt|xml|webmanifest|ico)$/i;
/** Below this a file fits in one packet anyway, and the header costs more than compression saves. */
const MIN_BYTES = 256;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Writes `<file>.br` and `<file>.gz` for each compressible file, each only when it is smaller than the original. */
export async function precompressDir(dir: string): Promise<{ files: number; bytes: number; brotliBytes: number }> {
  const files = (await filesUnder(dir)).filter((file) => COMPRESSIBLE.test(file));
  let bytes = 0;
  let brotliBytes = 0;
  let count = 0;
  await Promise.all(
    files.map(async (file) => {
      const source = await readFile(file);
      if (source.length < MIN_BYTES) return;
      const [br, gz] = await Promise.all([
        brotli(source, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
          },
        }),
        gzipAsync(source, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      if (br.length < source.length) await writeFile(`${file}.br`, br);
      if (gz.length < source.length) await writeFile(`${file}.gz`, gz);
      count++;
      bytes += source.length;
      brotliBytes += Math.min(br.length, source.length);
    }),
  );
  return { files: count, bytes, brotliBytes };
}

export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'callboard:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    // After writeBundle every output file, index.html and the copied public/ files included, is on disk.
    writeBundle: {
      sequential: true,
      order: 'post',
      async handler() {
        const result = await precompressDir(outDir);
        this.info?.(`precompressed ${result.files} files: ${Math.round(result.bytes / 1024)} KB -> ${Math.round(result.brotliBytes / 1024)} KB brotli`);
      },
    },
  };
}
