// Share links and displays as principals: creating one (a fresh token, only its hash stored, an audit entry),
// rotating it, and turning a token from /s/<token> or /tv/<token> into a principal. Anything not live (unknown,
// expired, revoked, malformed) resolves to null, which the routes answer with 404 whatever the reason.
import type { DisplayCreate, DisplayPrincipal, SharePrincipal, ShareLinkCreate } from '../../domain/access/principal';
import type { AuditPort, DisplaysPort, ShareLinksPort } from '../store/access-store';
import { TOKEN_BYTES, hashToken, newId, newToken, tokenSchema } from './tokens';

const HOUR_MS = 3_600_000;

export interface ScopedDeps {
  store: ShareLinksPort & DisplaysPort & AuditPort;
  now: () => number;
}

/** The token is returned once, to put in the URL shown to its creator; it is not kept anywhere. */
export function createShareLink(deps: ScopedDeps, body: ShareLinkCreate, creatorEmail: string): { id: string; token: string; expiresAt: number } {
  const token = newToken(TOKEN_BYTES.share);
  const at = deps.now();
  const id = newId('sl');
  const expiresAt = at + body.ttlHours * HOUR_MS;
  deps.store.insertShareLink({
    id,
    tokenHash: hashToken(token),
    campaignIds: body.campaignIds,
    pii: body.pii,
    contacts: body.contacts,
    label: body.label ?? null,
    createdBy: creatorEmail,
    createdAt: at,
    expiresAt,
  });
  deps.store.appendAudit({
    at,
    actor: creatorEmail,
    action: 'share-link.created',
    target: id,
    details: { campaigns: body.campaignIds.join(','), pii: body.pii, contacts: body.contacts, ttlHours: body.ttlHours },
  });
  return { id, token, expiresAt };
}

export function rotateShareLink(deps: ScopedDeps, id: string, actor: string): { token: string } | null {
  const token = newToken(TOKEN_BYTES.share);
  if (!deps.store.rotateShareLink(id, hashToken(token), deps.now())) return null;
  deps.store.appendAudit({ at: deps.now(), actor, action: 'share-link.rotated', target: id, details: null });
  return { token };
}

export function revokeShareLink(deps: ScopedDeps, id: string, actor: string): boolean {
  if (!deps.store.revokeShareLink(id, deps.now())) return false;
  deps.store.appendAudit({ at: deps.now(), actor, action: 'share-link.revoked', target: id, details: null });
  return true;
}

export function resolveShareToken(deps: Pick<ScopedDeps, 'now'> & { store: Pick<ShareLinksPort, 'findShareLinkByTokenHash'> }, token: string): SharePrincipal | null {
  const parsed = tokenSchema.safeParse(token);
  if (!parsed.success) return null;
  const link = deps.store.findShareLinkByTokenHash(hashToken(parsed.data));
  if (!link || link.revokedAt !== null || deps.now() >= link.expiresAt) return null;
  return { kind: 'share', linkId: link.id, campaignIds: link.campaignIds, pii: link.pii, contacts: link.contacts };
}

export function createDisplay(
  deps: ScopedDeps,
  body: DisplayCreate,
  creatorEmail: string,
  expiresAt: number | null = null,
): { id: string; token: string } {
  const token = newToken(TOKEN_BYTES.display);
  const at = deps.now();
  const id = newId('tv');
  deps.store.insertDisplay({ id, tokenHash: hashToken(token), name: body.name, campaignIds: body.campaignIds, settings: body.settings, createdBy: creatorEmail, createdAt: at, expiresAt });
  deps.store.appendAudit({ at, actor: creatorEmail, action: 'display.created', target: id, details: { name: body.name } });
  return { id, token };
}

export function rotateDisplay(deps: ScopedDeps, id: string, actor: string): { token: string } | null {
  const token = newToken(TOKEN_BYTES.display);
  if (!deps.store.rotateDisplay(id, hashToken(token), deps.now())) return null;
  deps.store.appendAudit({ at: deps.now(), actor, action: 'display.rotated', target: id, details: null });
  return { token };
}

export function removeDisplay(deps: ScopedDeps, id: string, actor: string): boolean {
  if (!deps.store.revokeDisplay(id, deps.now())) return false;
  deps.store.appendAudit({ at: deps.now(), actor, action: 'display.removed', target: id, details: null });
  return true;
}

export function resolveDisplayToken(deps: Pick<ScopedDeps, 'now'> & { store: Pick<DisplaysPort, 'findDisplayByTokenHash'> }, token: string): DisplayPrincipal | null {
  const parsed = tokenSchema.safeParse(token);
  if (!parsed.success) return null;
  const display = deps.store.findDisplayByTokenHash(hashToken(parsed.data));
  if (!display || display.revokedAt !== null || (display.expiresAt !== null && deps.now() >= display.expiresAt)) return null;
  return { kind: 'display', displayId: display.id, campaignIds: display.campaignIds };
}
