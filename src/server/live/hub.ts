// One hub fans server events out to every connected SSE client. Events carry an increasing id and the last
// few thousand are kept, so a client that reconnects with Last-Event-ID gets what it missed.
import type { ServerEvent } from '../../domain/api-schemas';

export interface HubEvent extends ServerEvent {
  id: number;
}

/** A campaign id: that campaign's events. Null: campaign-level events (campaign, sync) of every campaign. */
export type EventFilter = string | null;

interface Client {
  filter: EventFilter;
  send: (event: HubEvent) => void;
}

const REPLAY_SIZE = 5_000;

export function matchesFilter(event: ServerEvent, filter: EventFilter): boolean {
  if (filter === null) return event.type === 'campaign' || event.type === 'sync';
  return event.campaignId === filter;
}

export class LiveHub {
  private nextId = 1;
  private readonly recent: HubEvent[] = [];
  private readonly clients = new Set<Client>();

  publish(event: ServerEvent): HubEvent {
    const hubEvent = { ...event, id: this.nextId++ };
    this.recent.push(hubEvent);
    if (this.recent.length > REPLAY_SIZE) this.recent.splice(0, this.recent.length - REPLAY_SIZE);
    for (const client of this.clients) {
      if (!matchesFilter(hubEvent, client.filter)) continue;
      try {
        client.send(hubEvent);
      } catch {
        // A client whose stream broke is dropped; its own abort handler would do the same a moment later.
        this.clients.delete(client);
      }
    }
    return hubEvent;
  }

  /** Returns the unsubscribe function, which the SSE route calls when the connection closes. */
  subscribe(filter: EventFilter, send: (event: HubEvent) => void): () => void {
    const client: Client = { filter, send };
    this.clients.add(client);
    return () => void this.clients.delete(client);
  }

  /**
   * Events after `lastId` for a reconnecting client. Null when they are no longer all kept: the client has
   * then missed something and should refetch everything it shows.
   */
  since(lastId: number, filter: EventFilter): HubEvent[] | null {
    const oldest = this.recent[0];
    if (lastId >= this.nextId - 1) return [];
    if (!oldest || oldest.id > lastId + 1) return null;
    return this.recent.filter((event) => event.id > lastId && matchesFilter(event, filter));
  }

  get clientCount(): number {
    return this.clients.size;
  }
}
