// A titled region of a page: a landmark with its own heading, so screen-reader users can jump between them.
import { useId, type ReactNode } from 'react';
import { cn } from '@/lib/cn';

export function Section({ title, children, className, actions }: { title: string; children: ReactNode; className?: string; actions?: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={cn('min-w-0 space-y-3', className)}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold text-slate-900">{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
