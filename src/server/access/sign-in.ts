// The sign-in decision for POST /api/session, without HTTP: throttle first, then the password, with one answer for
// every kind of failure (unknown email, wrong password) so the response tells an attacker nothing about accounts.
import type { UserPrincipal } from '../../domain/access/principal';
import type { UsersPort } from '../store/access-store';
import type { LoginThrottle } from './login-throttle';
import { DEFAULT_SCRYPT, hashPassword, spendPasswordCheck, verifyPassword, type ScryptParams } from './passwords';

export const SIGN_IN_FAILED = 'Email or password is not right.';

export type SignInResult =
  | { ok: true; userId: string; user: UserPrincipal }
  | { ok: false; status: 401; error: string }
  | { ok: false; status: 429; error: string; retryAfterSec: number };

export interface SignInDeps {
  users: Pick<UsersPort, 'findUserByEmail' | 'replacePasswordHash'>;
  throttle: LoginThrottle;
  now: () => number;
  scrypt?: ScryptParams;
}

/** `email` is already normalised by loginSchema; `address` is the client address from trusted-proxy.ts. */
export async function signIn(deps: SignInDeps, email: string, password: string, address: string | null): Promise<SignInResult> {
  const verdict = deps.throttle.check(address, email);
  if (!verdict.allowed) return { ok: false, status: 429, error: 'Too many attempts. Try again later.', retryAfterSec: verdict.retryAfterSec };
  const params = deps.scrypt ?? DEFAULT_SCRYPT;
  const user = deps.users.findUserByEmail(email);
  if (!user) {
    await spendPasswordCheck(password, params);
    deps.throttle.recordFailure(address, email);
    return { ok: false, status: 401, error: SIGN_IN_FAILED };
  }
  const check = await verifyPassword(password, user.passwordHash, params);
  if (!check.ok) {
    deps.throttle.recordFailure(address, email);
    return { ok: false, status: 401, error: SIGN_IN_FAILED };
  }
  deps.throttle.recordSuccess(email);
  if (check.needsRehash) deps.users.replacePasswordHash(user.id, await hashPassword(password, params), deps.now());
  return { ok: true, userId: user.id, user: { kind: 'user', email: user.email, role: user.role } };
}
