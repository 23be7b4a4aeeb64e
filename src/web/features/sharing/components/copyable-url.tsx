// A URL to hand on, shown once: selectable text and a Copy button that says when it worked.
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';

export function CopyableUrl({ url, label }: { url: string; label: string }) {
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      // No clipboard (an http page, a denied permission): the text is selected for Ctrl+C instead.
      const input = document.getElementById(id);
      if (input instanceof HTMLInputElement) input.select();
      setCopied('failed');
    }
  }

  return (
    <div className="space-y-1 text-sm">
      <label htmlFor={id} className="font-medium">{label}</label>
      <div className="flex gap-2">
        <input id={id} readOnly value={url} onFocus={(event) => event.target.select()} className="min-w-0 flex-1 rounded border border-slate-300 bg-slate-50 px-2 py-1.5 font-mono text-xs" />
        <Button onClick={() => void copy()}>Copy</Button>
      </div>
      <p role="status" className="text-slate-600">
        {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed' ? 'Could not copy: the link is selected, press Ctrl+C.' : ''}
      </p>
    </div>
  );
}
