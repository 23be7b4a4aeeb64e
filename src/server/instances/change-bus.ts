// Live events across instances: every event an instance publishes to its own SSE clients is also sent with
// PostgreSQL's NOTIFY, and every other instance publishes it to its clients. Writes are committed before their event
// is published, so an instance that hears of a change reads it from the database. Each instance numbers events in
// its own hub (its own epoch): a browser that reconnects to another instance is told to refetch, which is all it
// needs, so the load balancer needs no stickiness.
import pg from 'pg';
import { z } from 'zod';
import { serverEventSchema, upstreamSchema, type ServerEvent, type Upstream } from '../../domain/api-schemas';
import type { ThrottleKeys } from '../access/login-throttle';
import { LiveHub, type HubEvent } from '../live/hub';
import type { Logger } from '../log';

const CHANNEL = 'callboard_events';
/** NOTIFY payloads are limited to 8,000 bytes; callboard's events are far smaller. */
const MAX_PAYLOAD_BYTES = 7_900;
const RECONNECT_MS = 2_000;

/** A throttle counter's hashed key (access/login-throttle.ts). */
const throttleKey = z.string().min(1).max(64);

/**
 * What goes over the channel: an event, the sync leader's view of Exotel (from the instance that reads it), a
 * campaign being looked at, or a sign-in failure or success for the others' login throttles.
 */
const envelopeSchema = z.union([
  z.object({ origin: z.string(), event: serverEventSchema }),
  z.object({ origin: z.string(), upstream: upstreamSchema, staleSince: z.string().nullable() }),
  z.object({ origin: z.string(), watched: z.string().max(100) }),
  z.object({ origin: z.string(), loginFailure: z.object({ account: throttleKey, address: throttleKey }) }),
  z.object({ origin: z.string(), loginSuccess: z.object({ account: throttleKey }) }),
]);
type Envelope = z.infer<typeof envelopeSchema>;

/** A hub whose local publishes also go to the other instances, and which publishes theirs. */
export class ClusterHub extends LiveHub {
  private bus: ChangeBus | null = null;

  attach(bus: ChangeBus): void {
    this.bus = bus;
  }

  override publish(event: ServerEvent): HubEvent {
    const published = super.publish(event);
    this.bus?.send(event);
    return published;
  }

  /** An event another instance published: to this instance's clients only. */
  receive(event: ServerEvent): void {
    super.publish(event);
  }
}

export interface ChangeBusOptions {
  connectionString: string;
  /** This instance's id: its own notifications come back to it and are skipped. */
  instance: string;
  hub: ClusterHub;
  logger: Logger;
  /** Told of every change another instance made (before its event is published here). */
  onRemoteChange?: (event: ServerEvent) => void;
  /** The sync leader's view of Exotel, as it sends it. */
  onUpstream?: (upstream: Upstream, staleSince: string | null) => void;
  /** Someone on another instance is looking at this campaign (so the leader syncs it first). */
  onWatched?: (campaignId: string) => void;
  /** A sign-in failed, or succeeded, on another instance: its throttle counters, by hashed key. */
  onLoginFailure?: (keys: ThrottleKeys) => void;
  onLoginSuccess?: (accountKey: string) => void;
}

export class ChangeBus {
  private client: pg.Client | null = null;
  private closed = false;
  private reconnect: NodeJS.Timeout | null = null;

  constructor(private readonly options: ChangeBusOptions) {
    options.hub.attach(this);
  }

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.connectionString, application_name: 'callboard-change-bus', keepAlive: true });
    client.on('notification', (message) => this.heard(message.payload));
    client.on('error', (error) => this.lost(error));
    client.on('end', () => this.lost(null));
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.client = client;
  }

  /** Sends a local event to the other instances (fire and forget: an event lost here is healed by the next one). */
  send(event: ServerEvent): void {
    this.notify({ origin: this.options.instance, event });
  }

  /** The sync leader tells the others how reading Exotel goes (they read nothing themselves). */
  sendUpstream(upstream: Upstream, staleSince: string | null): void {
    this.notify({ origin: this.options.instance, upstream, staleSince });
  }

  /** Tells the others (the leader among them) that a campaign is being looked at here. */
  sendWatched(campaignId: string): void {
    this.notify({ origin: this.options.instance, watched: campaignId });
  }

  /** Tells the others of a failed sign-in here, so that their throttles count it too. */
  sendLoginFailure(keys: ThrottleKeys): void {
    this.notify({ origin: this.options.instance, loginFailure: keys });
  }

  /** Tells the others that an account signed in here, which clears its count. */
  sendLoginSuccess(accountKey: string): void {
    this.notify({ origin: this.options.instance, loginSuccess: { account: accountKey } });
  }

  private notify(envelope: Envelope): void {
    const client = this.client;
    if (client === null) return;
    const payload = JSON.stringify(envelope);
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
      this.options.logger.warn('instances.notification_too_large', { bytes: Buffer.byteLength(payload) });
      return;
    }
    client.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]).catch((error: unknown) => this.lost(error));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnect !== null) clearTimeout(this.reconnect);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private heard(payload: string | undefined): void {
    if (payload === undefined) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      return;
    }
    const envelope = envelopeSchema.safeParse(parsed);
    if (!envelope.success || envelope.data.origin === this.options.instance) return;
    if ('event' in envelope.data) {
      this.options.onRemoteChange?.(envelope.data.event);
      this.options.hub.receive(envelope.data.event);
    } else if ('upstream' in envelope.data) {
      this.options.onUpstream?.(envelope.data.upstream, envelope.data.staleSince);
    } else if ('watched' in envelope.data) {
      this.options.onWatched?.(envelope.data.watched);
    } else if ('loginFailure' in envelope.data) {
      this.options.onLoginFailure?.(envelope.data.loginFailure);
    } else {
      this.options.onLoginSuccess?.(envelope.data.loginSuccess.account);
    }
  }

  private lost(error: unknown): void {
    if (this.closed || this.client === null) return;
    this.options.logger.warn('instances.change_bus_lost', { message: error instanceof Error ? error.message : 'connection ended' });
    const client = this.client;
    this.client = null;
    void client.end().catch(() => undefined);
    this.reconnect = setTimeout(() => {
      this.reconnect = null;
      this.start().catch((failure: unknown) => this.lostOnStart(failure));
    }, RECONNECT_MS);
    this.reconnect.unref();
  }

  private lostOnStart(error: unknown): void {
    this.options.logger.warn('instances.change_bus_reconnect_failed', { message: error instanceof Error ? error.message : String(error) });
    if (this.closed) return;
    this.reconnect = setTimeout(() => {
      this.reconnect = null;
      this.start().catch((failure: unknown) => this.lostOnStart(failure));
    }, RECONNECT_MS);
    this.reconnect.unref();
  }
}
