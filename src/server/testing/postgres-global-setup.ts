// Vitest global setup (node project): one throwaway PostgreSQL cluster for the whole run, its URL provided to the
// tests as `postgresUrl`; each test database is created on it (store-implementations.ts). Stopped and deleted at
// the end of the run.
import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './postgres-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startPostgresCluster();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
