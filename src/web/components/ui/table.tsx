// Table primitives: a table that scrolls inside its own box on a narrow phone, never the page.
import type { ComponentProps } from 'react';
import { cn } from '@/lib/cn';

export function Table({ className, caption, children, ...rest }: ComponentProps<'table'> & { caption?: string }) {
  return (
    // Focusable, so keyboard users can scroll a table that is wider than a phone.
    <div role="region" aria-label={caption} tabIndex={0} className="w-full overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-blue-700">
      <table className={cn('w-full border-collapse text-sm', className)} {...rest}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        {children}
      </table>
    </div>
  );
}

export function Th({ className, ...rest }: ComponentProps<'th'>) {
  return <th className={cn('whitespace-nowrap border-b border-slate-200 bg-slate-50 px-3 py-2 text-left font-medium text-slate-700', className)} {...rest} />;
}

export function Td({ className, ...rest }: ComponentProps<'td'>) {
  return <td className={cn('whitespace-nowrap border-b border-slate-100 px-3 py-2', className)} {...rest} />;
}
