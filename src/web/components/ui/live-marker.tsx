// "Live": a pulsing dot plus the word, shown while numbers are moving (a running campaign, an open SSE stream).
export function LiveMarker({ label = 'Live' }: { label?: string }) {
  return (
    <span className="inline-flex items-center gap-1.5 text-xs font-semibold text-green-800">
      <span aria-hidden="true" className="live-dot inline-block size-2 rounded-full bg-live" />
      {label}
    </span>
  );
}
