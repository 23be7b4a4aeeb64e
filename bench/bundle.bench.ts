// Bundle size: builds the SPA into a scratch folder and prints the gzip size of what the first page load needs
// (the entry script and the modules index.html preloads) and of the lazy chart chunk. Target: initial ≤ 120 KB.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const outDir = mkdtempSync(join(tmpdir(), 'callboard-bundle-'));

function gzipKb(file: string): number {
  return Math.round((gzipSync(readFileSync(file)).length / 1024) * 10) / 10;
}

try {
  const build = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (build.status !== 0) throw new Error(`vite build exited ${build.status}`);

  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  // What the browser fetches before anything renders: the entry module and its static imports (modulepreload).
  const initialJs = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((match) => match[1] ?? '');
  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+\.css)"/g)].map((match) => match[1] ?? '');
  const assets = readdirSync(join(outDir, 'assets'));
  const chartChunks = assets.filter((file) => file.startsWith('report-charts') && file.endsWith('.js'));
  const allJs = assets.filter((file) => file.endsWith('.js'));

  const sum = (files: string[]) => Math.round(files.reduce((total, file) => total + gzipKb(join(outDir, file.replace(/^\//, ''))), 0) * 10) / 10;
  const initialKb = sum(initialJs);
  const result = {
    bench: 'bundle',
    initialJsGzipKb: initialKb,
    initialJsFiles: initialJs.length,
    chartChunkGzipKb: sum(chartChunks.map((file) => `assets/${file}`)),
    cssGzipKb: sum(css),
    allJsGzipKb: sum(allJs.map((file) => `assets/${file}`)),
    targetInitialKb: 120,
    withinTarget: initialKb <= 120,
  };
  console.log(JSON.stringify(result));
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
