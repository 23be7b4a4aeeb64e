// Who is asking, and what each kind of asker may do: a signed-in user (admin or manager), a share link scoped to
// some campaigns, or a wallboard display. Pure policy, used by the server's routes; the zod schemas here are the
// request bodies of the access API, so the browser and the server parse them the same way.
import { z } from 'zod';
import { campaignIdSchema } from '../campaign-id';

export const ROLES = ['admin', 'manager'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const PII_MODES = ['masked', 'full'] as const;
export const piiModeSchema = z.enum(PII_MODES);
export type PiiMode = z.infer<typeof piiModeSchema>;

/** Emails are compared lower-cased and trimmed, so `Asha@Example.com ` and `asha@example.com` are one account. */
export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

/** Campaigns a display shows: a fixed list, or whichever campaigns are running at the moment. */
export const displayScopeSchema = z.union([z.array(campaignIdSchema).min(1).max(50), z.literal('active')]);
export type DisplayScope = z.infer<typeof displayScopeSchema>;

export interface UserPrincipal {
  kind: 'user';
  email: string;
  role: Role;
}

export interface SharePrincipal {
  kind: 'share';
  linkId: string;
  campaignIds: readonly string[];
  pii: PiiMode;
  contacts: boolean;
}

export interface DisplayPrincipal {
  kind: 'display';
  displayId: string;
  campaignIds: DisplayScope;
}

export type Principal = UserPrincipal | SharePrincipal | DisplayPrincipal;

/** Whether the principal may read a campaign's report (and, where allowed, its contacts and events). */
export function canReadCampaign(principal: Principal, campaignId: string, activeIds: ReadonlySet<string>): boolean {
  switch (principal.kind) {
    case 'user':
      return true;
    case 'share':
      return principal.campaignIds.includes(campaignId);
    case 'display':
      return principal.campaignIds === 'active' ? activeIds.has(campaignId) : principal.campaignIds.includes(campaignId);
  }
}

/** Numbers and names are masked for displays (a screen in a room) and for share links not granted full PII. */
export function isMasked(principal: Principal): boolean {
  switch (principal.kind) {
    case 'user':
      return false;
    case 'share':
      return principal.pii !== 'full';
    case 'display':
      return true;
  }
}

/**
 * Whether contact rows (masked or not) may be listed. A display shows aggregates only: an unattended screen has
 * no use for a list of people, so it never gets one.
 */
export function canSeeContacts(principal: Principal): boolean {
  switch (principal.kind) {
    case 'user':
      return true;
    case 'share':
      return principal.contacts;
    case 'display':
      return false;
  }
}

/** CSV exports follow contacts: a share link with contacts may export them (masked when its scope is masked). */
export function canExport(principal: Principal): boolean {
  return canSeeContacts(principal);
}

/** Signed-in users manage share links and displays; scoped principals manage nothing. */
export function canManage(principal: Principal): principal is UserPrincipal {
  return principal.kind === 'user';
}

export function isAdmin(principal: Principal): principal is UserPrincipal & { role: 'admin' } {
  return principal.kind === 'user' && principal.role === 'admin';
}

/** Users, the audit log and the instance's health details are for admins. */
export function canManageUsers(principal: Principal): boolean {
  return isAdmin(principal);
}

export function canReadAudit(principal: Principal): boolean {
  return isAdmin(principal);
}

/** Admins change any share link or display; a manager changes only the ones they created. */
export function canChangeOwnedBy(principal: Principal, creatorEmail: string): boolean {
  if (!canManage(principal)) return false;
  return principal.role === 'admin' || principal.email === creatorEmail;
}

/** Instance-wide setting: may managers create full-PII links, or is that an admin's call only? */
export interface SharePolicy {
  managersMayShareFullPii: boolean;
}

export type ShareDecision = { ok: true } | { ok: false; reason: string };

/** Full PII leaves the building only with an admin's say-so: an admin creating the link, or an admin's setting. */
export function mayCreateShareLink(principal: Principal, pii: PiiMode, policy: SharePolicy): ShareDecision {
  if (!canManage(principal)) return { ok: false, reason: 'Only signed-in users create share links.' };
  if (pii === 'full' && principal.role !== 'admin' && !policy.managersMayShareFullPii) {
    return { ok: false, reason: 'Only an admin may share full phone numbers and names.' };
  }
  return { ok: true };
}

export const SHARE_TTL_HOURS = { min: 1, max: 2160, default: 168 } as const;

/** `POST /api/share-links` (and the settings a rotate keeps). */
export const shareLinkCreateSchema = z.object({
  campaignIds: z
    .array(campaignIdSchema)
    .min(1)
    .max(50)
    .transform((ids) => [...new Set(ids)]),
  ttlHours: z.number().int().min(SHARE_TTL_HOURS.min).max(SHARE_TTL_HOURS.max).default(SHARE_TTL_HOURS.default),
  pii: piiModeSchema.default('masked'),
  contacts: z.boolean().default(false),
  label: z.string().trim().max(80).optional(),
});
export type ShareLinkCreate = z.infer<typeof shareLinkCreateSchema>;

/** Display settings are the wallboard's own JSON (layout, rotation); kept small because every poll carries them. */
const DISPLAY_SETTINGS_MAX_CHARS = 4_000;
export const displaySettingsSchema = z
  .record(z.string(), z.json())
  .refine((settings) => JSON.stringify(settings).length <= DISPLAY_SETTINGS_MAX_CHARS, {
    message: `settings must stay under ${DISPLAY_SETTINGS_MAX_CHARS} characters of JSON`,
  });
export type DisplaySettings = z.infer<typeof displaySettingsSchema>;

/** `POST /api/displays`. */
export const displayCreateSchema = z.object({
  name: z.string().trim().min(1).max(80),
  campaignIds: displayScopeSchema,
  settings: displaySettingsSchema.default({}),
});
export type DisplayCreate = z.infer<typeof displayCreateSchema>;

/** `POST /api/session`. The password's cap keeps a megabyte body from reaching the hash function. */
export const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(1024),
});
export type Login = z.infer<typeof loginSchema>;

/** A display counts as online while it has been heard from within this window (it polls every 30 s). */
export const DISPLAY_ONLINE_WINDOW_MS = 2 * 60_000;

export function isDisplayOnline(lastContactAtMs: number | null, nowMs: number): boolean {
  return lastContactAtMs !== null && nowMs - lastContactAtMs <= DISPLAY_ONLINE_WINDOW_MS;
}
