// A small label: statuses and verdicts. Colour comes with text, never alone.
import type { CSSProperties, ReactNode } from 'react';
import type { CampaignStatus } from '@domain/campaign-status';
import { cn } from '@/lib/cn';
import { campaignStatusConfig } from '@/lib/status-vocabulary';

export function Badge({ children, className, style }: { children: ReactNode; className?: string; style?: CSSProperties }) {
  return (
    <span style={style} className={cn('inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium', className)}>
      {children}
    </span>
  );
}

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const { label, color, softColor } = campaignStatusConfig[status];
  return <Badge style={{ color, backgroundColor: softColor }}>{label}</Badge>;
}
