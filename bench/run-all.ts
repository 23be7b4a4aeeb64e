// Runs every bench/*.bench.ts in turn; each prints one JSON line of figures.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const benches = readdirSync(here).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only))).sort();
let failed = 0;
for (const file of benches) {
  const run = spawnSync(join(here, '..', 'node_modules', '.bin', 'tsx'), [join(here, file)], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0) {
    failed++;
    console.log(JSON.stringify({ bench: file.replace('.bench.ts', ''), error: `exited ${run.status}` }));
  }
}
process.exit(failed ? 1 : 0);
