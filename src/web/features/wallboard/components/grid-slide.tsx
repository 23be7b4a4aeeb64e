// Every campaign in scope at a glance, 12 to a screen: name, state, progress, connect rate so far (its verdict
// colours the card) and contacts finished per minute. The grid keeps its cells (12, or 6 on a portrait screen)
// whatever the count, so pages never shift the layout.
import { useEffect } from 'react';
import type { CampaignSummary } from '@domain/api-schemas';
import { formatCount, formatDecimal, formatPercent } from '@/lib/format';
import { campaignStatusConfig } from '@/lib/status-vocabulary';
import { useNow } from '@/lib/use-now';
import { freshnessOf, gridFigures, isLive } from '../wallboard-figures';
import { tileVerdict, VERDICT_WORDS } from './verdict-words';
import { WallboardHeader } from './wallboard-header';

interface Props {
  title: string;
  campaigns: readonly CampaignSummary[];
  perMinute: ReadonlyMap<string, number | null>;
  fetchedAtMs: number;
  streamConnected: boolean;
  onReady: (ready: boolean) => void;
}

export function GridSlide({ title, campaigns, perMinute, fetchedAtMs, streamConnected, onReady }: Props) {
  useEffect(() => onReady(true), [onReady]);
  const now = useNow(5_000);
  const freshness = freshnessOf(fetchedAtMs, now);
  const anyLive = campaigns.some((campaign) => isLive(campaign.status, streamConnected, freshness));
  return (
    <div className="wb-slide wb-gridslide" data-testid="wallboard-grid">
      <div className="wb-frame" data-freshness={freshness} data-testid="wallboard-frame" />
      <WallboardHeader title={title} live={anyLive} asOfMs={fetchedAtMs} freshness={freshness} />
      <div className="wb-grid">
        {campaigns.map((campaign) => {
          const figures = gridFigures(campaign);
          const rate = perMinute.get(campaign.id) ?? null;
          return (
            <div key={campaign.id} className="wb-card" role="group" aria-label={campaign.name} data-verdict={tileVerdict(figures.connectRate.verdict) ?? 'none'}>
              <div className="wb-card-name">{campaign.name}</div>
              <div className="wb-card-figure" data-primary="true">{formatPercent(figures.progress.fraction)}</div>
              <div className="wb-card-rate">Connect {formatPercent(figures.connectRate.value)}</div>
              <div>
                <div className="wb-card-small">
                  <span>{formatCount(figures.progress.done)} of {formatCount(figures.progress.total)}</span>{' '}
                  <span>· {rate === null ? '—' : formatDecimal(Math.round(rate * 10) / 10)}/min</span>
                </div>
                <div className="wb-card-small">
                  <span>{campaignStatusConfig[campaign.status].label}</span> <span>· {VERDICT_WORDS[figures.connectRate.verdict]}</span>
                </div>
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
