// The open live streams of share links and displays, by the link's or display's id, so that revoking or rotating
// one ends its streams at once (an `access-revoked` event, then close) and an admin can send a display a command.
export const DISPLAY_COMMANDS = ['reload', 'identify'] as const;
export type DisplayCommand = (typeof DISPLAY_COMMANDS)[number];

export interface ScopedStreamControl {
  /** Sends `access-revoked` and closes the stream. */
  revoke(): void;
  /** Sends a `display-command` event. */
  command(command: DisplayCommand): void;
}

export class AccessStreams {
  private readonly byId = new Map<string, Set<ScopedStreamControl>>();

  /** Registers a stream of a link or display; returns the function that unregisters it. */
  open(id: string, control: ScopedStreamControl): () => void {
    let set = this.byId.get(id);
    if (!set) {
      set = new Set();
      this.byId.set(id, set);
    }
    set.add(control);
    return () => {
      const current = this.byId.get(id);
      current?.delete(control);
      if (current?.size === 0) this.byId.delete(id);
    };
  }

  /** Ends every open stream of this link or display; returns how many there were. */
  revoke(id: string): number {
    const set = this.byId.get(id);
    if (!set) return 0;
    this.byId.delete(id);
    for (const control of set) control.revoke();
    return set.size;
  }

  /** Returns how many open streams received the command. */
  command(id: string, command: DisplayCommand): number {
    const set = this.byId.get(id);
    for (const control of set ?? []) control.command(command);
    return set?.size ?? 0;
  }

  count(id: string): number {
    return this.byId.get(id)?.size ?? 0;
  }
}
