// Who the SPA reads the API as: a signed-in user at /api (the default), or a share link's view under
// /s/<token>/api. Report and contact components read the scope here, so one set of components serves both.
import { createContext, useContext, type ReactNode } from 'react';
import { DEFAULT_API_BASE } from './api-client';

export interface ApiScope {
  /** Prefix of every read: `/api`, or `/s/<token>/api`. */
  base: string;
  /** A shared view is read-only and confined to its campaigns: no links out of it, nothing to manage. */
  shared: boolean;
  /** Whether the contact list may be shown (a share link made without contacts hides it). */
  contacts: boolean;
  /** Whether numbers and names come masked (a share link without full PII): exports then offer no search or tag filter. */
  masked?: boolean;
  /** Told when the server says this scope is gone (the link was revoked while the page was open). */
  onGone?: () => void;
}

export const SIGNED_IN_SCOPE: ApiScope = { base: DEFAULT_API_BASE, shared: false, contacts: true };

const ApiScopeContext = createContext<ApiScope>(SIGNED_IN_SCOPE);

export function ApiScopeProvider({ scope, children }: { scope: ApiScope; children: ReactNode }) {
  return <ApiScopeContext.Provider value={scope}>{children}</ApiScopeContext.Provider>;
}

export function useApiScope(): ApiScope {
  return useContext(ApiScopeContext);
}

/** The API base of a share link's view. The token is base64url, so it needs no escaping, but is escaped anyway. */
export function sharedApiBase(token: string): string {
  return `/s/${encodeURIComponent(token)}/api`;
}
