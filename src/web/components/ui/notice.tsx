// A boxed message above the content: an error, a warning that numbers may be old, or progress information.
// The tone is said in words (the title) and a symbol as well as colour; `role` decides how it is announced.
import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

const TONES = {
  error: 'border-red-300 bg-red-50 text-red-900',
  warning: 'border-amber-400 bg-amber-50 text-amber-950',
  info: 'border-blue-200 bg-blue-50 text-blue-950',
};

export function Notice({ tone, role, title, children, className }: {
  tone: keyof typeof TONES;
  /** `alert` interrupts a screen reader; `status` waits its turn. */
  role: 'alert' | 'status';
  title?: string;
  children?: ReactNode;
  className?: string;
}) {
  return (
    <div role={role} className={cn('rounded-lg border p-3 text-sm', TONES[tone], className)}>
      {title ? (
        <p className="font-semibold">
          <span aria-hidden="true">⚠ </span>
          {title}
        </p>
      ) : null}
      {children}
    </div>
  );
}
