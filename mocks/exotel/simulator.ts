// The Exotel simulator: the scenarios' campaigns, a clock (virtual, advanced by tests, or real time sped up for the
// demo), the ground truth at any instant, and the webhooks that become due as the clock moves.
import {
  planCampaign,
  statsAt,
  statusAt,
  type AttemptStatus,
  type CampaignPlan,
  type SimCallRecord,
  type Stats,
} from './model';
import { hash32, hexId, mulberry32 } from './random';
import { scenarioDrafts, type CampaignDraft, type ScenarioName } from './scenarios';
import { WebhookPoster, type WebhookCounters, type WebhookSettings } from './webhooks';
import { callScheduleWebhook, callStatusWebhook, campaignStatusWebhook, type CampaignView, type Dialect } from './wire';

export type { ScenarioName } from './scenarios';
export type { Dialect } from './wire';
export type { SimCallRecord, Stats as SimStats, AttemptStatus } from './model';

export interface SimulatorOptions {
  seed: number;
  scenarios: ScenarioName[];
  dialect?: Dialect;
  /** The virtual clock's first instant (default: now, to the second). */
  startAt?: Date;
  webhooks?: WebhookSettings;
}

export interface RecordQuery {
  /** Only these statuses (all when absent). */
  statuses?: ReadonlySet<AttemptStatus>;
}

interface CampaignState {
  draft: CampaignDraft;
  plan?: CampaignPlan;
  settledStats?: Stats;
  recordCache: Map<string, SimCallRecord[]>;
  recordCacheAt: number;
  /** Attempt indices sorted by end time, and contact indices sorted by final time: for the webhooks due. */
  byEnd?: Int32Array;
  byFinal?: Int32Array;
}

interface DueEvent {
  at: number;
  rank: number;
  send: () => Promise<void>;
}

export class ExotelSimulator {
  readonly accountSid: string;
  readonly apiKey: string;
  readonly apiToken: string;
  readonly dialect: Dialect;
  readonly seed: number;
  readonly startAt: number;
  private readonly campaigns = new Map<string, CampaignState>();
  private readonly order: CampaignState[] = [];
  private readonly poster: WebhookPoster;
  private virtualNow: number;
  /** Real-time mode: virtual = anchorVirtual + (Date.now() - anchorReal) * speed. */
  private realTime: { speed: number; anchorReal: number; anchorVirtual: number; timer: ReturnType<typeof setInterval> } | null = null;
  private emittedUpTo: number;

  constructor(options: SimulatorOptions) {
    this.seed = options.seed;
    this.dialect = options.dialect ?? 'guide';
    this.startAt = Math.floor((options.startAt?.getTime() ?? Date.now()) / 1000) * 1000;
    this.virtualNow = this.startAt;
    this.emittedUpTo = this.startAt;
    const credentials = mulberry32(hash32(options.seed, 'credentials'));
    this.accountSid = 'callboardsim';
    this.apiKey = `simkey${hexId(credentials).slice(0, 16)}`;
    this.apiToken = `simtoken${hexId(credentials)}`;
    this.poster = new WebhookPoster(options.seed);
    this.poster.configure(options.webhooks);
    const context = { seed: options.seed, startAt: this.startAt, accountSid: this.accountSid };
    for (const scenario of new Set(options.scenarios)) {
      for (const draft of scenarioDrafts(context, scenario)) {
        const state: CampaignState = { draft, recordCache: new Map(), recordCacheAt: NaN };
        this.campaigns.set(draft.id, state);
        this.order.push(state);
      }
    }
  }

  /** Id of a scenario's campaign (index 0 = its main one). */
  campaignIdFor(scenario: ScenarioName, index = 0): string {
    const state = this.order.find((s) => s.draft.scenario === scenario && s.draft.index === index);
    if (!state) throw new Error(`scenario ${scenario} has no campaign ${index} in this simulator`);
    return state.draft.id;
  }

  campaignIds(): string[] {
    return this.order.map((s) => s.draft.id);
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  nowMs(): number {
    if (!this.realTime) return this.virtualNow;
    const { speed, anchorReal, anchorVirtual } = this.realTime;
    return Math.floor(anchorVirtual + (Date.now() - anchorReal) * speed);
  }

  /** Moves virtual time forward, then posts the webhooks that became due and waits for them. */
  async advance(ms: number): Promise<void> {
    if (ms < 0) throw new Error('the clock only moves forward');
    if (this.realTime) this.realTime.anchorVirtual += ms;
    else this.virtualNow += ms;
    await this.emitDue();
  }

  /** Switches to real time at `speed` virtual seconds per real second; webhooks go out as time passes. */
  startRealTime(speed: number): () => void {
    this.stopRealTime();
    const timer = setInterval(() => void this.emitDue(), 250);
    // Node only: don't keep a process alive just for the clock (browsers have no unref).
    if (typeof timer === 'object' && 'unref' in timer) timer.unref();
    this.realTime = { speed, anchorReal: Date.now(), anchorVirtual: this.nowMs(), timer };
    return () => this.stopRealTime();
  }

  stopRealTime(): void {
    if (!this.realTime) return;
    clearInterval(this.realTime.timer);
    this.virtualNow = this.nowMs();
    this.realTime = null;
  }

  setWebhooks(webhooks: SimulatorOptions['webhooks']): void {
    this.poster.configure(webhooks);
  }

  get webhookCounters(): WebhookCounters {
    return this.poster.counters;
  }

  /** Ground truth for tests: stats now, and every attempt that has ended, by date_created ascending. */
  truth(campaignId: string): { stats: Stats; records: SimCallRecord[] } {
    const state = this.state(campaignId);
    if (!state) throw new Error(`unknown campaign ${campaignId}`);
    return { stats: this.statsOf(state), records: this.records(campaignId) ?? [] };
  }

  /** The plan (every attempt, past and future): for tests that check the model's rules. */
  plan(campaignId: string): CampaignPlan {
    const state = this.state(campaignId);
    if (!state) throw new Error(`unknown campaign ${campaignId}`);
    return this.planOf(state);
  }

  /** The campaign as of now, or undefined when there is no such campaign. */
  view(campaignId: string): CampaignView | undefined {
    const state = this.state(campaignId);
    return state ? this.viewOf(state, this.nowMs()) : undefined;
  }

  views(): CampaignView[] {
    const now = this.nowMs();
    return this.order.map((state) => this.viewOf(state, now));
  }

  /** Ended attempts, date_created ascending; undefined for an unknown campaign. Cached per instant. */
  records(campaignId: string, query: RecordQuery = {}): SimCallRecord[] | undefined {
    const state = this.state(campaignId);
    if (!state) return undefined;
    const plan = this.planOf(state);
    const now = this.nowMs();
    const settled = now >= plan.settledAt;
    const at = settled ? Infinity : now;
    if (state.recordCacheAt !== at) {
      state.recordCache.clear();
      state.recordCacheAt = at;
    }
    const key = query.statuses ? [...query.statuses].sort().join(',') : '*';
    let rows = state.recordCache.get(key);
    if (!rows) {
      const statuses = query.statuses;
      rows = settled && !statuses ? plan.attempts : plan.attempts.filter((a) => a.endAt <= now && (!statuses || statuses.has(a.status)));
      state.recordCache.set(key, rows);
    }
    return rows;
  }

  private state(campaignId: string): CampaignState | undefined {
    return this.campaigns.get(campaignId);
  }

  private planOf(state: CampaignState): CampaignPlan {
    state.plan ??= planCampaign(state.draft.build());
    return state.plan;
  }

  private statsOf(state: CampaignState, at = this.nowMs()): Stats {
    const plan = this.planOf(state);
    if (at >= plan.settledAt) {
      state.settledStats ??= statsAt(plan, plan.settledAt);
      return { ...state.settledStats };
    }
    return statsAt(plan, at);
  }

  private viewOf(state: CampaignState, now: number): CampaignView {
    const plan = this.planOf(state);
    let updatedAt = plan.spec.createdAt;
    for (const tr of plan.transitions) if (tr.at <= now) updatedAt = tr.at;
    const callStatus = this.poster.urlFor('call-status');
    const callSchedule = this.poster.urlFor('call-schedule');
    const campaignStatus = this.poster.urlFor('campaign-status');
    return {
      spec: plan.spec,
      accountSid: this.accountSid,
      status: statusAt(plan, now),
      stats: this.statsOf(state, now),
      updatedAt,
      callbacks: callStatus && callSchedule && campaignStatus ? { callStatus, callSchedule, campaignStatus } : null,
    };
  }

  /** Posts every webhook whose moment lies in (last emitted, now], in time order. */
  private emitDue(): Promise<void> {
    const from = this.emittedUpTo;
    const to = this.nowMs();
    if (to <= from) return Promise.resolve();
    this.emittedUpTo = to;
    if (!this.poster.enabled) return Promise.resolve();
    const events: DueEvent[] = [];
    for (const state of this.order) this.collectDue(state, from, to, events);
    events.sort((a, b) => a.at - b.at || a.rank - b.rank);
    return Promise.all(events.map((e) => e.send())).then(() => undefined);
  }

  private collectDue(state: CampaignState, from: number, to: number, events: DueEvent[]): void {
    const plan = this.planOf(state);
    if (plan.settledAt <= from && plan.spec.sendAt <= from) return;
    const { spec, attempts, contacts } = plan;
    const dialect = this.dialect;
    state.byEnd ??= sortedIndices(attempts.length, (i) => attempts[i]!.endAt);
    state.byFinal ??= sortedIndices(contacts.length, (i) => contacts[i]!.finalAt);
    for (let k = firstAfter(state.byEnd, from, (i) => attempts[i]!.endAt); k < state.byEnd.length; k++) {
      const record = attempts[state.byEnd[k]!]!;
      if (record.endAt > to) break;
      events.push({
        at: record.endAt,
        rank: 0,
        send: () => this.poster.send('call-status', record.callSid, callStatusWebhook(spec.id, record, spec.callerId, dialect)),
      });
    }
    for (let k = firstAfter(state.byFinal, from, (i) => contacts[i]!.finalAt); k < state.byFinal.length; k++) {
      const index = state.byFinal[k]!;
      const contact = contacts[index]!;
      if (contact.finalAt > to) break;
      const person = spec.contacts[index]!;
      const tried = contact.attempts.map((i) => attempts[i]!);
      events.push({
        at: contact.finalAt,
        rank: 1,
        send: () =>
          this.poster.send(
            'call-schedule',
            `${spec.id}:${person.number}`,
            callScheduleWebhook(spec.id, person.number, spec.callerId, tried, contact.finalStatus ?? 'failed', contact.finalAt, dialect),
          ),
      });
    }
    for (const tr of plan.transitions) {
      if (tr.at <= from || tr.at > to) continue;
      events.push({
        at: tr.at,
        rank: 2,
        send: () => {
          const view = this.viewOf(state, tr.at);
          return this.poster.send('campaign-status', `${spec.id}:${tr.status}:${tr.at}`, campaignStatusWebhook(view, tr.status, tr.at, dialect));
        },
      });
    }
  }
}

function sortedIndices(length: number, key: (i: number) => number): Int32Array {
  const indices = new Int32Array(length);
  for (let i = 0; i < length; i++) indices[i] = i;
  return indices.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : a - b;
  });
}

/** Position of the first index whose key is > value (keys ascending along `sorted`). */
function firstAfter(sorted: Int32Array, value: number, key: (i: number) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(sorted[mid]!) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
