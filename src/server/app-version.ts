// The running build's version: package.json's version plus a hash of the built SPA's index.html (which names the
// hashed assets), so a deploy that changes the web app changes the version and wallboards reload themselves once.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

let cached: string | null = null;

export function appVersion(root = process.cwd()): string {
  if (cached !== null) return cached;
  let pkg = '0.0.0';
  try {
    const parsed: unknown = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
    if (parsed && typeof parsed === 'object' && 'version' in parsed && typeof parsed.version === 'string') pkg = parsed.version;
  } catch {
    // No package.json beside the process: the build hash alone still tells builds apart.
  }
  let build = 'nobuild';
  try {
    build = createHash('sha256').update(readFileSync(resolve(root, 'dist', 'index.html'))).digest('hex').slice(0, 10);
  } catch {
    // Not built (tests, /api only): the package version is all there is.
  }
  cached = `${pkg}+${build}`;
  return cached;
}
