// One page for every shared link that does not work: unknown, expired, revoked, or a campaign outside its scope.
// It must not hint at which, nor offer a way into the rest of callboard.
import { useEffect } from 'react';

export function LinkGonePage() {
  useEffect(() => {
    document.title = 'Link not available · callboard';
  }, []);
  return (
    <div className="mx-auto max-w-xl space-y-2 py-8">
      <h1 className="text-2xl font-semibold">This link is no longer available</h1>
      <p className="text-slate-700">It may have expired or been switched off, or the address may be incomplete.</p>
      <p className="text-slate-700">Ask the person who shared it with you for a new link.</p>
    </div>
  );
}
