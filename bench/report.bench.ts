// Report bench: buildReport over synthetic campaigns of 20,000 and 200,000 call attempts. Prints one JSON line:
// median milliseconds and gzip size of the report at each size (targets at 200,000: < 50 ms, < 30 KB).
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { CALL_STATUSES, type CallStatus } from '../src/domain/call-status';
import type { ReportCall, ReportInput } from '../src/domain/report-input';
import { buildReport } from '../src/domain/report/build-report';
import { reportSchema } from '../src/domain/api-schemas';
import { mulberry32 as random } from '../mocks/exotel/random';

const START = Date.parse('2024-02-01T09:00:00+05:30');
const DAY_MS = 86_400_000;

/** Contacts called 1-4 times over three days of 09:00-21:00 IST, about 60% connecting on the first attempt. */
export function syntheticInput(targetCalls: number, withAttemptNumbers: boolean): ReportInput {
  const next = random(targetCalls);
  const calls: ReportCall[] = [];
  let contact = 0;
  while (calls.length < targetCalls) {
    const number = `+9198${String(10_000_000 + contact++).padStart(8, '0')}`;
    let at = START + Math.floor(next() * 3) * DAY_MS + Math.floor(next() * 12 * 3_600_000);
    for (let attempt = 1; attempt <= 4 && calls.length < targetCalls; attempt++) {
      const roll = next();
      const connectChance = attempt === 1 ? 0.6 : attempt === 2 ? 0.25 : 0.12;
      const status: CallStatus =
        roll < connectChance ? 'completed' : roll < connectChance + 0.15 ? 'busy' : roll < 0.93 ? 'no-answer' : roll < 0.995 ? 'failed' : 'in-progress';
      calls.push({
        number,
        status,
        at,
        durationSec: status === 'completed' ? 5 + Math.floor(next() * 120) : 0,
        price: status === 'in-progress' ? null : 1 + Math.floor(next() * 3),
        attemptNumber: withAttemptNumbers ? attempt : null,
      });
      if (status === 'completed' || status === 'failed' || status === 'in-progress') break;
      at += 30 * 60_000 + Math.floor(next() * 30 * 60_000);
    }
  }
  // The store hands calls over sorted by date_created, as fresh row objects with fresh strings (better-sqlite3
  // allocates each row in turn): copy them so that memory layout and string interning match what the server sees.
  calls.sort((a, b) => a.at - b.at);
  for (let i = 0; i < calls.length; i++) {
    const call = calls[i]!;
    calls[i] = { ...call, number: freshCopy(call.number), status: freshStatus(call.status) };
  }
  return {
    campaign: {
      id: 'camp_bench',
      name: 'Bench campaign',
      status: 'in-progress',
      stats: { created: contact + 500, completed: Math.floor(contact * 0.7), extra: {} },
      callerId: '08012345678',
      retries: { numberOfRetries: 3, intervalMins: 30, mechanism: 'Linear', onStatus: ['busy', 'no-answer'] },
      schedule: { sendAt: null, endAt: null },
      dateCreated: '2024-02-01T08:55:00+05:30',
      dateUpdated: null,
    },
    calls,
    sync: {
      callsSynced: calls.length,
      callsExpected: calls.length + 1000,
      lastPolledAt: '2024-02-04T10:00:00+05:30',
      lastWebhookAt: '2024-02-04T10:00:05+05:30',
      upstream: { state: 'ok', lastSuccessAt: '2024-02-04T10:00:00+05:30', lastError: null },
      staleSince: null,
      webhooks: { lastAt: '2024-02-04T10:00:05+05:30', accepted: calls.length, duplicate: 12, rejected: 0, quarantined: 0 },
      callsWithoutWebhook: Math.floor(calls.length * 0.02),
      callsFromSync: calls.length,
    },
    timeZone: 'Asia/Kolkata',
    now: new Date(START + 3 * DAY_MS),
  };
}

const knownStatuses = new Set<string>(CALL_STATUSES);
const isCallStatus = (value: string): value is CallStatus => knownStatuses.has(value);
const freshCopy = (text: string): string => text.split('').join('');
function freshStatus(status: CallStatus): CallStatus {
  const copy = freshCopy(status);
  return isCallStatus(copy) ? copy : status;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Wall time and CPU time of the same runs: on a shared 2-core machine wall time includes waiting for a core, while
 * CPU time (user + system of this process) shows what the report itself costs.
 */
function measure(size: number, withAttemptNumbers: boolean, runs: number): { ms: number; cpuMs: number; gzipBytes: number } {
  const input = syntheticInput(size, withAttemptNumbers);
  const report = buildReport(input);
  reportSchema.parse(report); // a fast report that breaks the contract is no result
  for (let i = 0; i < 3; i++) buildReport(input); // warm up the JIT
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    buildReport(input);
    times.push(performance.now() - started);
    const cpu = process.cpuUsage(cpuStarted);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  const ms = Math.round(median(times) * 10) / 10;
  const cpuMs = Math.round(median(cpuTimes) * 10) / 10;
  const gzipBytes = gzipSync(JSON.stringify(report)).length;
  process.stderr.write(
    `report: ${size} calls (attempt numbers ${withAttemptNumbers ? 'given' : 'derived'}): ${ms} ms wall, ${cpuMs} ms CPU, ${gzipBytes} B gzip\n`,
  );
  return { ms, cpuMs, gzipBytes };
}

const small = measure(20_000, false, 21);
const large = measure(200_000, false, 15);
const largeGiven = measure(200_000, true, 15);
console.log(
  JSON.stringify({
    bench: 'report',
    ms20k: small.ms,
    ms200k: large.ms,
    ms200kAttemptNumbersGiven: largeGiven.ms,
    cpuMs20k: small.cpuMs,
    cpuMs200k: large.cpuMs,
    cpuMs200kAttemptNumbersGiven: largeGiven.cpuMs,
    loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
    gzipBytes20k: small.gzipBytes,
    gzipBytes200k: large.gzipBytes,
    targetMs200k: 50,
    targetGzipBytes200k: 30_720,
    withinTargets: large.ms < 50 && largeGiven.ms < 50 && large.gzipBytes < 30_720,
  }),
);
