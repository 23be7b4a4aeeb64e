// A search box that searches as you type: the text is sent once it has been still for a moment (debounced), so a
// fast typist causes one request, not one per key.
import { useEffect, useRef, useState } from 'react';
import { useDebouncedValue } from '@/lib/use-debounced-value';

export const SEARCH_DELAY_MS = 250;

export function SearchField({ label, value, onSearch }: {
  label: string;
  /** The search in force (from the URL). */
  value: string;
  /** Called with the trimmed text once typing settles; must be a stable function. */
  onSearch: (q: string) => void;
}) {
  const [text, setText] = useState(value);
  const settled = useDebouncedValue(text, SEARCH_DELAY_MS).trim();
  // Only what the user typed is sent: a search changed elsewhere (the back button) is not typed back over.
  const lastSettled = useRef(settled);
  useEffect(() => {
    if (settled === lastSettled.current) return;
    lastSettled.current = settled;
    if (settled !== value) onSearch(settled);
  }, [settled, value, onSearch]);

  return (
    <label className="flex w-full min-w-0 flex-col text-sm sm:w-auto sm:flex-1">
      {label}
      <input
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        className="mt-1 min-h-11 rounded border border-slate-300 bg-white px-2 py-1.5 sm:min-h-0"
      />
    </label>
  );
}
