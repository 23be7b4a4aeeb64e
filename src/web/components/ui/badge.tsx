// A small label: statuses and verdicts. Colour comes with text, never alone.
import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

export function Badge({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <span className={cn('inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium', className)}>
      {children}
    </span>
  );
}

const CAMPAIGN_STATUS_CLASSES: Record<string, string> = {
  'in-progress': 'bg-blue-100 text-blue-900',
  completed: 'bg-green-100 text-green-900',
  paused: 'bg-amber-100 text-amber-900',
  created: 'bg-slate-100 text-slate-800',
  failed: 'bg-red-100 text-red-900',
  canceled: 'bg-slate-200 text-slate-800',
};

export function statusBadgeClass(status: string): string {
  return CAMPAIGN_STATUS_CLASSES[status] ?? 'bg-slate-100 text-slate-800';
}
