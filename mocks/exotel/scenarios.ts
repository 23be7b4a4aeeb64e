// The named scenarios: which campaigns exist, their settings and where they sit in time relative to the
// simulator's start. Campaign specs are cheap; their call plans are generated later, only when first needed.
import type { AttemptStatus, CampaignSpec, Contact, OutcomeOdds, RetrySettings } from './model';
import { hash32, hexId, mulberry32, pickOne, shuffle, type Rng } from './random';
import { DAY, HOUR, MINUTE, istClock } from './time';

export type ScenarioName = 'seed-example' | 'demo' | 'retries-5k' | 'list-100k' | 'stalls';
export const SCENARIO_NAMES: readonly ScenarioName[] = ['seed-example', 'demo', 'retries-5k', 'list-100k', 'stalls'];

/** The 'stalls' scenario's campaigns, by index: one per reason a campaign with pending contacts makes no call. */
export const STALL_CAMPAIGNS = { paused: 0, endAtReached: 1, outsideWindow: 2, waitingForRetry: 3, unknown: 4 } as const;

const FIRST_NAMES = ['Aarav', 'Priya', 'Rohan', 'Ananya', 'Vikram', 'Sneha', 'Arjun', 'Kavya', 'Rahul', 'Meera', 'Aditya', 'Pooja',
  'Karan', 'Divya', 'Siddharth', 'Neha', 'Manoj', 'Lakshmi', 'Imran', 'Fatima', 'Suresh', 'Anjali', 'Harpreet', 'Deepak'];
const LAST_NAMES = ['Sharma', 'Iyer', 'Patel', 'Reddy', 'Nair', 'Gupta', 'Singh', 'Khan', 'Das', 'Menon', 'Joshi', 'Rao',
  'Banerjee', 'Kulkarni', 'Chopra', 'Pillai', 'Verma', 'Mehta'];
const CITIES = ['Mumbai', 'Bengaluru', 'Delhi', 'Chennai', 'Pune', 'Hyderabad', 'Kolkata', 'Jaipur'];

const ALL_RETRIABLE: AttemptStatus[] = ['busy', 'no-answer', 'failed'];

export interface ScenarioContext {
  seed: number;
  startAt: number;
  accountSid: string;
}

/** A campaign as a scenario declares it: everything but the contacts, which are made on demand. */
export interface CampaignDraft {
  scenario: ScenarioName;
  index: number;
  id: string;
  /** Builds the full spec (contacts included); called once, lazily. */
  build(): CampaignSpec;
}

/**
 * Contacts with unique E.164 numbers (+9198xxxxxxxx): the index is multiplied by a number coprime with 10^8, so
 * numbers never repeat within a campaign.
 */
export function makeContacts(rng: Rng, count: number): Contact[] {
  const offset = Math.floor(rng() * 1e8);
  const contacts: Contact[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const tail = (offset + i * 7919) % 1e8;
    contacts[i] = {
      number: `+9198${tail.toString().padStart(8, '0')}`,
      name: `${pickOne(rng, FIRST_NAMES)} ${pickOne(rng, LAST_NAMES)}`,
      metadata: { city: pickOne(rng, CITIES), customer_id: `C${(100000 + i).toString()}` },
    };
  }
  return contacts;
}

function callerIdFor(rng: Rng): string {
  return `080${Math.floor(1e7 + rng() * 9e7).toString()}`;
}

interface DraftSettings {
  name: string;
  contacts: number;
  callRatePerMin: number;
  concurrency: number;
  retries: RetrySettings | null;
  sendAt: number;
  endAt?: number | null;
  pauseAt?: number | null;
  forceCompleteAt?: number | null;
  /** Odds, or a function that scripts each contact's attempts. */
  outcomes: OutcomeOdds | ((rng: Rng, contacts: number) => AttemptStatus[][]);
}

function draft(ctx: ScenarioContext, scenario: ScenarioName, index: number, settings: DraftSettings): CampaignDraft {
  const seed = hash32(ctx.seed, 'campaign', scenario, index);
  const id = hexId(mulberry32(seed));
  return {
    scenario,
    index,
    id,
    build(): CampaignSpec {
      const rng = mulberry32(seed ^ 0x9e3779b9);
      const contacts = makeContacts(rng, settings.contacts);
      const outcomes = typeof settings.outcomes === 'function'
        ? { kind: 'script' as const, statuses: settings.outcomes(rng, settings.contacts) }
        : settings.outcomes;
      return {
        id,
        name: settings.name,
        callerId: callerIdFor(rng),
        contacts,
        callRatePerMin: settings.callRatePerMin,
        concurrency: settings.concurrency,
        retries: settings.retries,
        // A day before it is due to send, but never in the future: a campaign scheduled for tomorrow was created already.
        createdAt: Math.min(settings.sendAt - DAY, ctx.startAt - HOUR) - Math.floor(rng() * 6 * HOUR),
        sendAt: settings.sendAt,
        endAt: settings.endAt ?? null,
        pauseAt: settings.pauseAt ?? null,
        forceCompleteAt: settings.forceCompleteAt ?? null,
        outcomes,
        seed,
        recordingBaseUrl: `https://recordings.exotel.sim/${ctx.accountSid}`,
      };
    },
  };
}

/**
 * The reporting guide's worked example, exactly: 2,500 contacts; attempt 1 connects 1,500; the first retry 250 of
 * 1,000; the second retry 125 of 750; the 625 never reached end failed 425 / busy 87 / no-answer 113.
 */
function seedExampleScript(rng: Rng, count: number): AttemptStatus[][] {
  const unreached = (): AttemptStatus => {
    const roll = rng();
    return roll < 0.5 ? 'no-answer' : roll < 0.8 ? 'busy' : 'failed';
  };
  const finals: AttemptStatus[] = [
    ...Array<AttemptStatus>(425).fill('failed'),
    ...Array<AttemptStatus>(87).fill('busy'),
    ...Array<AttemptStatus>(113).fill('no-answer'),
  ];
  const plans: AttemptStatus[][] = [];
  for (let i = 0; i < 1500; i++) plans.push(['completed']);
  for (let i = 0; i < 250; i++) plans.push([unreached(), 'completed']);
  for (let i = 0; i < 125; i++) plans.push([unreached(), unreached(), 'completed']);
  for (const final of finals) plans.push([unreached(), unreached(), final]);
  if (plans.length !== count) throw new Error(`seed example script covers ${plans.length} contacts, not ${count}`);
  return shuffle(rng, plans);
}

/** Every campaign of a scenario, in a fixed order (index 0 is the scenario's main campaign). */
export function scenarioDrafts(ctx: ScenarioContext, scenario: ScenarioName): CampaignDraft[] {
  const { startAt } = ctx;
  switch (scenario) {
    case 'seed-example':
      return [
        draft(ctx, scenario, 0, {
          name: 'Payment Reminder Q1',
          contacts: 2500,
          callRatePerMin: 60,
          concurrency: 20,
          retries: { numberOfRetries: 2, intervalMins: 60, mechanism: 'Linear', onStatus: ALL_RETRIABLE },
          sendAt: istClock(startAt - 2 * DAY, 10),
          outcomes: seedExampleScript,
        }),
      ];
    case 'demo':
      return [
        // Runs for days of virtual time: at speed 30 it dials 6 calls a real second for about 90 real minutes.
        draft(ctx, scenario, 0, {
          name: 'Loan EMI Reminder',
          contacts: 20_000,
          callRatePerMin: 12,
          concurrency: 10,
          retries: { numberOfRetries: 2, intervalMins: 30, mechanism: 'Linear', onStatus: ALL_RETRIABLE },
          sendAt: startAt - 3 * HOUR,
          outcomes: { kind: 'odds', connect: 0.5, attemptFactor: [1, 0.6, 0.45], busy: 3, noAnswer: 5, failed: 2 },
        }),
        draft(ctx, scenario, 1, {
          name: 'KYC Update Follow-up',
          contacts: 400,
          callRatePerMin: 2,
          concurrency: 5,
          retries: { numberOfRetries: 1, intervalMins: 60, mechanism: 'Linear', onStatus: ['busy', 'no-answer'] },
          sendAt: startAt - 6 * HOUR,
          pauseAt: startAt - 4 * HOUR,
          outcomes: { kind: 'odds', connect: 0.45, attemptFactor: [1, 0.6], busy: 3, noAnswer: 5, failed: 2 },
        }),
        draft(ctx, scenario, 2, {
          name: 'Festive Offer Announcement',
          contacts: 1500,
          callRatePerMin: 30,
          concurrency: 20,
          retries: null,
          sendAt: startAt + 36 * HOUR,
          outcomes: { kind: 'odds', connect: 0.55, attemptFactor: [1], busy: 3, noAnswer: 5, failed: 2 },
        }),
      ];
    case 'retries-5k':
      // Low connect odds so most contacts use all four attempts: about 19,000 call records.
      return [
        draft(ctx, scenario, 0, {
          name: 'Collections Retry Drive',
          contacts: 5000,
          callRatePerMin: 120,
          concurrency: 40,
          retries: { numberOfRetries: 3, intervalMins: 15, mechanism: 'Exponential', onStatus: ALL_RETRIABLE },
          sendAt: istClock(startAt - 3 * DAY, 9, 30),
          outcomes: { kind: 'odds', connect: 0.035, attemptFactor: [1, 0.9, 0.8, 0.8], busy: 3, noAnswer: 6, failed: 1 },
        }),
      ];
    case 'stalls': {
      // Small campaigns with pending contacts and no call being made, each for one reason, at the simulator's start.
      const odds: OutcomeOdds = { kind: 'odds', connect: 0.5, attemptFactor: [1, 0.6], busy: 3, noAnswer: 5, failed: 2 };
      const base = { contacts: 200, callRatePerMin: 30, concurrency: 10, retries: null, outcomes: odds };
      return [
        draft(ctx, scenario, STALL_CAMPAIGNS.paused, { ...base, name: 'Stall: paused', sendAt: startAt - 2 * HOUR, pauseAt: startAt - 2 * HOUR + 3 * MINUTE }),
        draft(ctx, scenario, STALL_CAMPAIGNS.endAtReached, { ...base, name: 'Stall: end time passed', sendAt: startAt - 2 * HOUR, endAt: startAt - 2 * HOUR + 3 * MINUTE }),
        draft(ctx, scenario, STALL_CAMPAIGNS.outsideWindow, { ...base, name: 'Stall: not started', sendAt: startAt + 36 * HOUR }),
        // Every first attempt made within minutes; the one retry comes four hours after each.
        draft(ctx, scenario, STALL_CAMPAIGNS.waitingForRetry, {
          ...base,
          name: 'Stall: waiting for retries',
          contacts: 100,
          callRatePerMin: 60,
          retries: { numberOfRetries: 1, intervalMins: 240, mechanism: 'Linear', onStatus: ALL_RETRIABLE },
          sendAt: startAt - HOUR,
        }),
        // One call every 40 minutes: pending contacts, no retry due, nothing callboard can name.
        draft(ctx, scenario, STALL_CAMPAIGNS.unknown, { ...base, name: 'Stall: slow dialler', contacts: 100, callRatePerMin: 0.025, sendAt: startAt - HOUR - 5 * MINUTE }),
      ];
    }
    case 'list-100k':
      return [
        draft(ctx, scenario, 0, {
          name: 'Policy Renewal Blast',
          contacts: 100_000,
          callRatePerMin: 800,
          concurrency: 400,
          retries: { numberOfRetries: 1, intervalMins: 120, mechanism: 'Linear', onStatus: ['busy', 'no-answer'] },
          sendAt: istClock(startAt - 6 * DAY, 9),
          outcomes: { kind: 'odds', connect: 0.55, attemptFactor: [1, 0.6], busy: 3, noAnswer: 5, failed: 2 },
        }),
      ];
  }
}
