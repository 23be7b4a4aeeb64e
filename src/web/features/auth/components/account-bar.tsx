// The header's account corner: who is signed in, and signing out. Demo mode has nobody to sign out (every local
// browser is the demo admin), so it says so instead.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { accessKeys } from '@/lib/query-keys';
import { signOut, type Session } from '../api/session';

export function AccountBar({ session }: { session: Session }) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      // Nobody is signed in now: the sign-in page shows, and every answer read as this user is dropped.
      queryClient.setQueryData(accessKeys.session, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== accessKeys.session[0] });
    },
  });
  return (
    <div className="flex items-center gap-3 text-sm">
      <span className="text-slate-700">
        {session.user.email} <span className="text-slate-500">({session.user.role})</span>
      </span>
      {session.demo ? null : (
        <Button onClick={() => mutation.mutate()} disabled={mutation.isPending}>
          Sign out
        </Button>
      )}
      {mutation.isError ? <span role="alert" className="text-red-800">Could not sign out: {mutation.error.message}</span> : null}
    </div>
  );
}

export function DemoModeNotice() {
  return (
    <Notice tone="info" role="status" className="mb-4">
      <p>Demo mode: signed in as demo admin.</p>
    </Notice>
  );
}
