// Signed-in sessions: a random 256-bit token in an HttpOnly cookie, only its hash in the database, ended by
// whichever comes first of an idle limit and an absolute limit. The user's role is read from the user row on every
// request, so a role change or removal takes effect at once.
import type { UserPrincipal } from '../../domain/access/principal';
import type { SessionRecord, SessionsPort, UsersPort } from '../store/access-store';
import { TOKEN_BYTES, hashToken, newId, newToken, tokenSchema } from './tokens';

export interface SessionLifetimes {
  idleMs: number;
  absoluteMs: number;
  /** last_seen_at is written at most this often, so reading a page is not a database write per request. */
  touchEveryMs: number;
}

/** 12 hours idle (a working day with a long lunch), 7 days at most, whatever the activity. */
export const SESSION_LIFETIMES: SessionLifetimes = { idleMs: 12 * 3_600_000, absoluteMs: 7 * 24 * 3_600_000, touchEveryMs: 60_000 };

export interface ResolvedSession {
  user: UserPrincipal;
  /** The session's own id, for logs. */
  sessionId: string;
  expiresAt: number;
}

export interface Sessions {
  /** Starts a session; the token goes into the cookie and nowhere else. */
  create(userId: string): { token: string; sessionId: string; expiresAt: number };
  /** The signed-in user behind a cookie's token, or null (unknown, expired, idle too long, user gone). */
  resolve(token: string | undefined): ResolvedSession | null;
  /** Ends the session of this token, if any. */
  destroy(token: string | undefined): void;
}

export function createSessions(
  store: SessionsPort & Pick<UsersPort, 'findUserById'>,
  now: () => number,
  lifetimes: SessionLifetimes = SESSION_LIFETIMES,
): Sessions {
  function find(token: string | undefined): SessionRecord | null {
    const parsed = tokenSchema.safeParse(token);
    return parsed.success ? store.findSessionByTokenHash(hashToken(parsed.data)) : null;
  }

  return {
    create(userId) {
      const token = newToken(TOKEN_BYTES.session);
      const at = now();
      const session: SessionRecord = { id: newId('se'), tokenHash: hashToken(token), userId, createdAt: at, lastSeenAt: at, expiresAt: at + lifetimes.absoluteMs };
      store.insertSession(session);
      return { token, sessionId: session.id, expiresAt: session.expiresAt };
    },

    resolve(token) {
      const session = find(token);
      if (!session) return null;
      const at = now();
      if (at >= session.expiresAt || at - session.lastSeenAt >= lifetimes.idleMs) {
        store.deleteSession(session.id);
        return null;
      }
      const user = store.findUserById(session.userId);
      if (!user) {
        store.deleteSession(session.id);
        return null;
      }
      if (at - session.lastSeenAt >= lifetimes.touchEveryMs) store.touchSession(session.id, at);
      return { user: { kind: 'user', email: user.email, role: user.role }, sessionId: session.id, expiresAt: session.expiresAt };
    },

    destroy(token) {
      const session = find(token);
      if (session) store.deleteSession(session.id);
    },
  };
}

export interface CookieSettings {
  /** Secure cookies (and the `__Host-` name) when callboard is served over https. */
  secure: boolean;
}

/** https in CALLBOARD_PUBLIC_URL means the browser reaches us over TLS, so the cookie may demand it. */
export function cookieSettingsFor(publicUrl: string | null): CookieSettings {
  return { secure: publicUrl !== null && publicUrl.toLowerCase().startsWith('https:') };
}

/**
 * `__Host-` (only possible with Secure) pins the cookie to this exact host and path `/`, so a sibling subdomain
 * cannot set or shadow it.
 */
export function sessionCookieName(settings: CookieSettings): string {
  return settings.secure ? '__Host-callboard_session' : 'callboard_session';
}

function attributes(settings: CookieSettings, maxAgeSec: number): string {
  // SameSite=Lax: sent on a top-level navigation from elsewhere (a link in an email opens signed in), never on a
  // cross-site POST, which with JSON-only bodies closes the CSRF door.
  return ['Path=/', 'HttpOnly', 'SameSite=Lax', ...(settings.secure ? ['Secure'] : []), `Max-Age=${maxAgeSec}`].join('; ');
}

/** The Set-Cookie value for a new session; it lives until the session's absolute end (the idle end is the server's). */
export function sessionCookie(token: string, expiresAt: number, at: number, settings: CookieSettings): string {
  const maxAgeSec = Math.max(0, Math.floor((expiresAt - at) / 1000));
  return `${sessionCookieName(settings)}=${token}; ${attributes(settings, maxAgeSec)}`;
}

/** The Set-Cookie value that removes the session cookie (sign-out, or a cookie that resolved to nothing). */
export function clearedSessionCookie(settings: CookieSettings): string {
  return `${sessionCookieName(settings)}=; ${attributes(settings, 0)}`;
}

/** The session token from a Cookie header, or undefined. */
export function sessionTokenFrom(cookieHeader: string | undefined, settings: CookieSettings): string | undefined {
  if (!cookieHeader) return undefined;
  const name = sessionCookieName(settings);
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
