// callboard instances as real processes (`node --import tsx src/server/main.ts`, as `npm start` runs it), for the
// several-instances test and bench: started with their own port, signed in to, followed over SSE, killed.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import { resolve } from 'node:path';

const REPO_ROOT = resolve(import.meta.dirname, '../../..');

export interface InstanceProcess {
  name: string;
  url: string;
  child: ChildProcess;
  /** What the process printed (its JSON log lines), for a failing test's message. */
  output: string[];
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

export async function startInstance(name: string, env: Record<string, string>, timeoutMs = 60_000): Promise<InstanceProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited at start: ${output.join('')}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${name} did not start within ${timeoutMs} ms: ${output.join('')}`);
    await new Promise((done) => setTimeout(done, 200));
  }
  return {
    name,
    url,
    child,
    output,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
}

/** Signs in on an instance; returns the Cookie header value (a session any instance accepts, on PostgreSQL). */
export async function signIn(url: string, who: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(who) });
  if (res.status !== 204) throw new Error(`sign-in failed: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

export interface EventStream {
  /** Events received so far (type and campaign), with the time each arrived. */
  events: { type: string; campaignId: string; at: number }[];
  close(): void;
}

/** Follows /api/events for one campaign, as a browser's EventSource would. */
export function followEvents(url: string, cookie: string, campaignId: string): Promise<EventStream> {
  return new Promise((done, fail) => {
    const events: EventStream['events'] = [];
    const req = httpRequest(`${url}/api/events?campaign=${encodeURIComponent(campaignId)}`, { headers: { Cookie: cookie, Accept: 'text/event-stream' } }, (res: IncomingMessage) => {
      if (res.statusCode !== 200) {
        fail(new Error(`events answered ${res.statusCode}`));
        res.resume();
        return;
      }
      let buffered = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffered += chunk;
        let end: number;
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          const frame = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const data = frame.split('\n').find((line) => line.startsWith('data:'));
          if (data === undefined) continue;
          try {
            const parsed = JSON.parse(data.slice(5)) as { type?: unknown; campaignId?: unknown };
            if (typeof parsed.type === 'string' && typeof parsed.campaignId === 'string') events.push({ type: parsed.type, campaignId: parsed.campaignId, at: Date.now() });
          } catch {
            // A comment or heartbeat.
          }
        }
      });
      done({ events, close: () => req.destroy() });
    });
    req.on('error', () => undefined);
    req.end();
  });
}

/** A pass-through proxy in front of the upstream that notes when each request went (to count the rate budget). */
export async function countingProxy(target: string): Promise<{ url: string; sentAt: number[]; close(): Promise<void> }> {
  const sentAt: number[] = [];
  const server = createServer((req, res) => {
    sentAt.push(Date.now());
    const forward = httpRequest(`${target}${req.url ?? '/'}`, { method: req.method, headers: req.headers }, (upstream) => {
      res.writeHead(upstream.statusCode ?? 502, upstream.headers);
      upstream.pipe(res);
    });
    forward.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(forward);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    sentAt,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** The most requests in any window of `windowMs`. */
export function busiestWindow(times: readonly number[], windowMs = 60_000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
