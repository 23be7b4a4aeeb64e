// A tile: a labelled number on a card. Used for stats (plain) and metrics (with a verdict and a formula).
import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

export function Tile({ label, value, children, className }: { label: string; value: ReactNode; children?: ReactNode; className?: string }) {
  return (
    <div className={cn('rounded-lg border border-slate-200 bg-white p-3 shadow-sm', className)}>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold text-slate-900">{value}</dd>
      {children}
    </div>
  );
}
