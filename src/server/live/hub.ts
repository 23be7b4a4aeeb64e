// One hub fans server events out to every connected SSE client. Each event is encoded once and the same bytes
// go to every client whose filter matches, found by the filter it subscribed with (no per-client test per event);
// the last few thousand are kept, so that a client reconnecting with Last-Event-ID gets what it missed, or is told
// to reload when that cannot be known.
import { randomBytes } from 'node:crypto';
import type { ServerEvent } from '../../domain/api-schemas';
import { audiencesOf, matchesFilter, type EventFilter } from './filter';
import { eventFrame, formatEventId, parseEventId } from './sse-frame';

export { matchesFilter, type EventFilter } from './filter';

export interface HubEvent extends ServerEvent {
  id: number;
}

/** Receives each matching event with its encoded SSE frame (the same bytes for every subscriber). */
export type Subscriber = (event: HubEvent, frame: Uint8Array) => void;

/**
 * An object that takes events itself (an SSE client): the hub calls it with no wrapper in between, since on a
 * fan-out every object touched per client costs.
 */
export interface Receiver {
  receive(event: HubEvent, frame: Uint8Array): void;
}

/** An event as kept for replay, with the frame every client was sent. */
export interface Kept {
  readonly event: HubEvent;
  readonly frame: Uint8Array;
}

const REPLAY_SIZE = 5_000;

/** Where a reconnecting client stands: the events it missed, or a reset when they cannot be known. */
export type Resume = { missed: Kept[] } | { reset: 'restarted' | 'too-old' };

export class LiveHub {
  /** Differs between server runs, so that an event id from before a restart is never mistaken for a current one. */
  readonly epoch: string;
  private nextId = 1;
  private readonly recent: Kept[] = [];
  /** The subscribers of each filter: an event goes to the groups of its audiences, in one pass each. */
  private readonly groups = new Map<EventFilter, Set<Receiver>>();
  private subscribers = 0;

  constructor(options: { epoch?: string } = {}) {
    this.epoch = options.epoch ?? randomBytes(4).toString('hex');
  }

  publish(event: ServerEvent): HubEvent {
    const hubEvent: HubEvent = { ...event, id: this.nextId++ };
    const frame = eventFrame(formatEventId(this.epoch, hubEvent.id), hubEvent);
    this.recent.push({ event: hubEvent, frame });
    if (this.recent.length > REPLAY_SIZE) this.recent.shift();
    for (const audience of audiencesOf(hubEvent)) {
      const group = this.groups.get(audience);
      if (group !== undefined) for (const receiver of group) this.deliver(audience, receiver, hubEvent, frame);
    }
    return hubEvent;
  }

  /** Returns the unsubscribe function, which the SSE route calls when the connection closes. */
  subscribe(filter: EventFilter, subscriber: Subscriber | Receiver): () => void {
    // A function gets an object of its own, so that the same function subscribed twice is two clients.
    const receiver: Receiver = typeof subscriber === 'function' ? { receive: subscriber } : subscriber;
    let group = this.groups.get(filter);
    if (!group) {
      group = new Set();
      this.groups.set(filter, group);
    }
    if (group.has(receiver)) throw new Error('this receiver is already subscribed to this filter');
    group.add(receiver);
    this.subscribers++;
    return () => this.remove(filter, receiver);
  }

  private deliver(filter: EventFilter, receiver: Receiver, event: HubEvent, frame: Uint8Array): void {
    try {
      receiver.receive(event, frame);
    } catch {
      // A client whose stream broke is dropped; its own close handler would do the same a moment later.
      this.remove(filter, receiver);
    }
  }

  private remove(filter: EventFilter, receiver: Receiver): void {
    const group = this.groups.get(filter);
    if (!group?.delete(receiver)) return;
    this.subscribers--;
    if (group.size === 0) this.groups.delete(filter);
  }

  /** The wire id of the latest event (sequence 0 before the first). */
  get lastEventId(): string {
    return formatEventId(this.epoch, this.nextId - 1);
  }

  /** What a client that last saw `lastEventId` (as sent in the Last-Event-ID header) should get now. */
  resume(lastEventId: string, filter: EventFilter): Resume {
    const id = parseEventId(lastEventId);
    if (id === null || id.epoch !== this.epoch || id.sequence > this.nextId - 1) return { reset: 'restarted' };
    const missed = this.keptSince(id.sequence);
    if (missed === null) return { reset: 'too-old' };
    return { missed: missed.filter((kept) => matchesFilter(kept.event, filter)) };
  }

  private keptSince(lastId: number): Kept[] | null {
    if (lastId >= this.nextId - 1) return [];
    const oldest = this.recent[0];
    if (!oldest || oldest.event.id > lastId + 1) return null;
    // Kept ids are consecutive, so the first missed event's index follows from its id.
    return this.recent.slice(lastId + 1 - oldest.event.id);
  }

  get clientCount(): number {
    return this.subscribers;
  }
}
