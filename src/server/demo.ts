// Demo mode's upstream: the Exotel simulator on a loopback port, read over real HTTP exactly as Exotel would be.
// The only file in src that may import mocks/ (ESLint allows it here alone).
import { serveSimulator } from '../../mocks/exotel/serve';
import type { ScenarioName } from '../../mocks/exotel/scenarios';
import type { ExotelCredentials } from './config';

export interface DemoUpstream {
  credentials: ExotelCredentials;
  close(): Promise<void>;
}

export interface DemoOptions {
  seed: number;
  /** How many times faster than real time the simulated campaigns dial. */
  speed: number;
  /** Where the simulator posts its webhooks: http://127.0.0.1:<port>/webhooks/exotel/<secret>. */
  webhookBaseUrl: string;
}

/** The campaigns the demo shows (their dates must fit the bounds of value-bounds.ts: demo.test.ts checks it). */
export const DEMO_SCENARIOS: readonly ScenarioName[] = ['seed-example', 'demo', 'retries-5k'];

export async function startDemoUpstream(options: DemoOptions): Promise<DemoUpstream> {
  const served = await serveSimulator({
    port: 0,
    seed: options.seed,
    clock: { speed: options.speed },
    scenarios: [...DEMO_SCENARIOS],
    webhooks: { baseUrl: options.webhookBaseUrl },
  });
  return {
    credentials: { apiKey: served.sim.apiKey, apiToken: served.sim.apiToken, accountSid: served.sim.accountSid, baseUrl: served.url },
    close: () => Promise.resolve(served.close()),
  };
}
