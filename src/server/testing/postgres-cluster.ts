// A throwaway PostgreSQL cluster for tests and benches: initdb in a temporary directory, its own port and socket
// directory, stopped and deleted afterwards. A real server, never an imitation. PostgreSQL refuses to run as root,
// so as root the cluster belongs to the `postgres` user that Debian's package creates.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { BlockingPgClient } from '../store/postgres/blocking-client';
import { freePort } from './instance-process';

export interface PostgresCluster {
  /** postgres://…/postgres: the cluster's maintenance database. */
  url: string;
  /** A fresh, empty database on the cluster; its URL. */
  createDatabase(): string;
  stop(): void;
}

function binDir(): string {
  const onPath = ['initdb', 'pg_ctl'].every((tool) => {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'pipe' });
      return true;
    } catch {
      return false;
    }
  });
  if (onPath) return '';
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) if (existsSync(join(root, version, 'bin', 'initdb'))) return join(root, version, 'bin') + '/';
  throw new Error('PostgreSQL is not installed (run scripts/ensure-postgres.sh as root, or apt-get install postgresql)');
}

/** Runs a PostgreSQL tool as the cluster's owner (postgres when we are root). */
function runAsOwner(command: string, args: readonly string[]): void {
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    const quoted = [command, ...args].map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(' ');
    execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', quoted], { stdio: 'pipe' });
  } else {
    execFileSync(command, args, { stdio: 'pipe' });
  }
}

/** A fresh, empty database on the cluster whose maintenance database is at `clusterUrl` (…/postgres); its URL. */
export function createDatabaseOn(clusterUrl: string): string {
  const name = `callboard_test_${randomBytes(6).toString('hex')}`;
  const admin = new BlockingPgClient(clusterUrl);
  try {
    admin.query(`CREATE DATABASE ${name}`);
  } finally {
    admin.close();
  }
  return clusterUrl.replace(/\/postgres$/, `/${name}`);
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'callboard-pg-'));
  chmodSync(dir, 0o777);
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
  const data = join(dir, 'data');
  const port = await freePort();
  runAsOwner(`${bin}initdb`, ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  // fsync stays on: the durable-acknowledgement tests and benches must measure real commits.
  runAsOwner(`${bin}pg_ctl`, ['-D', data, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`, '-l', join(dir, 'log'), '-w', 'start']);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    createDatabase: () => createDatabaseOn(url),
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        runAsOwner(`${bin}pg_ctl`, ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
