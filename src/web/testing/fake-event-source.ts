// Just enough of EventSource for component tests: listeners by name, and a way to push messages (`ready`, `error`,
// change events) as the server would. Install it with `vi.stubGlobal('EventSource', FakeEventSource)`, or for a
// whole describe block with fake timers, `withFakeEventSourceAndTimers()`.
import { afterEach, beforeEach, vi } from 'vitest';

export class FakeEventSource {
  static instances: FakeEventSource[] = [];
  readonly url: string;
  closed = false;
  private readonly listeners = new Map<string, Array<(event: MessageEvent) => void>>();

  constructor(url: string) {
    this.url = url;
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data: unknown = '') {
    const event = new MessageEvent(type, { data: typeof data === 'string' ? data : JSON.stringify(data) });
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
  /** The stream opened last. */
  static latest(): FakeEventSource {
    const source = FakeEventSource.instances.at(-1);
    if (!source) throw new Error('no EventSource was opened');
    return source;
  }
  /** Every open stream says `ready`, as the server does on connect. */
  static connectAll() {
    for (const source of FakeEventSource.instances) if (!source.closed) source.emit('ready');
  }
}

/** In a describe block: before each test, fake timers and a fresh FakeEventSource as the global EventSource; undone after. */
export function withFakeEventSourceAndTimers(): void {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeEventSource.instances = [];
    vi.stubGlobal('EventSource', FakeEventSource);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });
}
