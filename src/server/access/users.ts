// Managing accounts, shared by the users CLI, the first-admin bootstrap and (later) the admin API: each change
// checks its input, hashes passwords, and leaves an audit entry naming who did it (never the password).
import { emailSchema, type Role } from '../../domain/access/principal';
import type { AuditPort, UserRecord, UsersPort } from '../store/access-store';
import { DEFAULT_SCRYPT, hashPassword, newPasswordSchema, type ScryptParams } from './passwords';
import { newId } from './tokens';

export type UserChange = { ok: true; user: UserRecord } | { ok: false; reason: 'invalid-email' | 'weak-password' | 'email-taken' | 'not-found'; message: string };

export interface UserAdminDeps {
  store: UsersPort & AuditPort;
  now: () => number;
  scrypt?: ScryptParams;
}

function firstIssue(error: { issues: { message: string }[] }): string {
  return error.issues[0]?.message ?? 'invalid';
}

export async function addUser(deps: UserAdminDeps, input: { email: string; role: Role; password: string }, actor: string): Promise<UserChange> {
  const email = emailSchema.safeParse(input.email);
  if (!email.success) return { ok: false, reason: 'invalid-email', message: `Not an email address: ${firstIssue(email.error)}` };
  const password = newPasswordSchema.safeParse(input.password);
  if (!password.success) return { ok: false, reason: 'weak-password', message: `Password: ${firstIssue(password.error)}` };
  if (deps.store.findUserByEmail(email.data)) return { ok: false, reason: 'email-taken', message: `${email.data} already has an account` };
  const at = deps.now();
  const user: UserRecord = {
    id: newId('us'),
    email: email.data,
    role: input.role,
    passwordHash: await hashPassword(password.data, deps.scrypt ?? DEFAULT_SCRYPT),
    createdAt: at,
    updatedAt: at,
  };
  // Checked again by the unique index: two adds racing across the hash's await still make one account.
  const inserted = deps.store.insertUser(user);
  if (!inserted.ok) return { ok: false, reason: 'email-taken', message: `${email.data} already has an account` };
  deps.store.appendAudit({ at, actor, action: 'user.added', target: user.email, details: { role: user.role } });
  return { ok: true, user };
}

/** Sets a new password and signs the user out everywhere. */
export async function resetPassword(deps: UserAdminDeps, emailInput: string, passwordInput: string, actor: string): Promise<UserChange> {
  const user = deps.store.findUserByEmail(emailInput);
  if (!user) return { ok: false, reason: 'not-found', message: `No account for ${emailInput.trim()}` };
  const password = newPasswordSchema.safeParse(passwordInput);
  if (!password.success) return { ok: false, reason: 'weak-password', message: `Password: ${firstIssue(password.error)}` };
  const at = deps.now();
  const passwordHash = await hashPassword(password.data, deps.scrypt ?? DEFAULT_SCRYPT);
  deps.store.resetUserPassword(user.id, passwordHash, at);
  deps.store.appendAudit({ at, actor, action: 'user.password-reset', target: user.email, details: null });
  return { ok: true, user: { ...user, passwordHash, updatedAt: at } };
}

export function removeUser(deps: UserAdminDeps, emailInput: string, actor: string): UserChange {
  const user = deps.store.findUserByEmail(emailInput);
  if (!user) return { ok: false, reason: 'not-found', message: `No account for ${emailInput.trim()}` };
  deps.store.removeUser(user.id);
  deps.store.appendAudit({ at: deps.now(), actor, action: 'user.removed', target: user.email, details: { role: user.role } });
  return { ok: true, user };
}

export type BootstrapResult =
  | { outcome: 'created'; email: string }
  | { outcome: 'skipped'; reason: 'users-exist' | 'not-configured' }
  | { outcome: 'failed'; message: string };

/**
 * On a start with no users, CALLBOARD_ADMIN_EMAIL and CALLBOARD_ADMIN_PASSWORD make the first admin. Once any user
 * exists the variables are ignored, so a password left in the environment cannot re-create or reset anyone.
 */
export async function bootstrapAdmin(deps: UserAdminDeps, env: { email: string | null; password: string | null }): Promise<BootstrapResult> {
  if (deps.store.countUsers() > 0) return { outcome: 'skipped', reason: 'users-exist' };
  if (env.email === null || env.password === null) return { outcome: 'skipped', reason: 'not-configured' };
  const added = await addUser(deps, { email: env.email, role: 'admin', password: env.password }, 'env');
  return added.ok ? { outcome: 'created', email: added.user.email } : { outcome: 'failed', message: added.message };
}
