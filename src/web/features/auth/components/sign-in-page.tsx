// The sign-in page, shown instead of any screen while nobody is signed in. One message for every wrong email or
// password (the server gives no hint which), and the wait a throttled attempt must sit out.
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { ApiError } from '@/lib/api-client';
import { accessKeys } from '@/lib/query-keys';
import { signIn } from '../api/session';

export const SIGN_IN_FAILED_MESSAGE = 'That email and password do not match an account.';

function failureMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 429) {
      return error.retryAfterSec === null ? 'Too many attempts. Try again in a minute.' : `Too many attempts. Try again in ${error.retryAfterSec} s.`;
    }
    if (error.kind === 'network') return error.message;
    if (error.status !== null && error.status >= 500) return 'callboard could not sign you in just now. Try again.';
  }
  return SIGN_IN_FAILED_MESSAGE;
}

export function SignInPage() {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const emailId = useId();
  const passwordId = useId();
  const mutation = useMutation({
    mutationFn: () => signIn(email.trim(), password),
    onSuccess: async () => {
      setPassword('');
      // Anything read while signed out (or as someone else) is not this user's: start from a clean cache.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== accessKeys.session[0] });
      await queryClient.invalidateQueries({ queryKey: accessKeys.session });
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    mutation.mutate();
  }

  return (
    <div className="mx-auto max-w-sm space-y-4 py-8">
      <h1 className="text-2xl font-semibold">Sign in to callboard</h1>
      <form className="space-y-3" onSubmit={submit} aria-label="Sign in">
        <div className="flex flex-col text-sm">
          <label htmlFor={emailId}>Email</label>
          <input
            id={emailId}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            className="mt-1 rounded border border-slate-300 px-2 py-1.5"
          />
        </div>
        <div className="flex flex-col text-sm">
          <label htmlFor={passwordId}>Password</label>
          <input
            id={passwordId}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            className="mt-1 rounded border border-slate-300 px-2 py-1.5"
          />
        </div>
        {mutation.isError ? (
          <Notice tone="error" role="alert">
            <p>{failureMessage(mutation.error)}</p>
          </Notice>
        ) : null}
        <Button type="submit" disabled={mutation.isPending} className="bg-blue-700 px-4 py-1.5 text-white">
          {mutation.isPending ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
    </div>
  );
}
