// A small label: statuses and verdicts. Colour comes with text, never alone.
import type { ReactNode } from 'react';
import type { CampaignStatus } from '@domain/campaign-status';
import { cn } from '@/lib/cn';
import { campaignStatusConfig } from '@/lib/status-vocabulary';

export function Badge({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <span className={cn('inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium', className)}>
      {children}
    </span>
  );
}

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const { label, badgeClassName } = campaignStatusConfig[status];
  return <Badge className={badgeClassName}>{label}</Badge>;
}
