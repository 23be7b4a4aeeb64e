// Every campaign in scope at a glance, 12 to a screen (4 x 3, or 2 x 6 on a portrait screen): name, progress (the
// primary figure) and connect rate so far (its verdict colours the card); on a landscape screen also the rate itself,
// calls started per minute (from the campaigns list), contacts done and the verdict in words (a portrait card has
// room for two lines of name and the figure only, see wallboard.css). The grid keeps its 12 cells whatever the
// count, so pages never shift the layout. Cards are memoised by their campaign row: an update redraws only the
// cards whose numbers changed.
import { memo, useEffect } from 'react';
import type { CampaignSummary } from '@domain/api-schemas';
import { formatCount, formatDecimal, formatPercent } from '@/lib/format';
import { campaignStatusConfig } from '@/lib/status-vocabulary';
import { formatProgressWhole, gridFigures, isDialling } from '../wallboard-figures';
import { SlideChrome } from './slide-chrome';
import { tileVerdict, VERDICT_WORDS } from './verdict-words';

interface Props {
  slideId: string;
  title: string;
  campaigns: readonly CampaignSummary[];
  fetchedAtMs: number;
  streamConnected: boolean;
  onReady: (slideId: string, ready: boolean) => void;
}

export const GridSlide = memo(function GridSlide({ slideId, title, campaigns, fetchedAtMs, streamConnected, onReady }: Props) {
  useEffect(() => onReady(slideId, true), [slideId, onReady]);
  const dialling = campaigns.some((campaign) => isDialling(campaign.status));
  return (
    <div className="wb-slide wb-gridslide" data-testid="wallboard-grid">
      <SlideChrome title={title} asOfMs={fetchedAtMs} dialling={dialling} streamConnected={streamConnected} />
      <div className="wb-grid">
        {campaigns.map((campaign) => (
          <GridCard key={campaign.id} campaign={campaign} />
        ))}
      </div>
    </div>
  );
});

const GridCard = memo(function GridCard({ campaign }: { campaign: CampaignSummary }) {
  const figures = gridFigures(campaign);
  // A campaign that is not dialling has no pace to show: its state says why.
  const pace = isDialling(campaign.status)
    ? `${campaign.callsPerMinute === undefined ? '—' : formatDecimal(Math.round(campaign.callsPerMinute * 10) / 10)} calls/min`
    : campaignStatusConfig[campaign.status].label;
  return (
    <div className="wb-card" role="group" aria-label={campaign.name} data-verdict={tileVerdict(figures.connectRate.verdict) ?? 'none'}>
      <div className="wb-card-name">{campaign.name}</div>
      <div className="wb-card-figure" data-primary="true">
        {formatProgressWhole(figures.progress.fraction)}
      </div>
      <div className="wb-card-facts">
        <span>Connect {formatPercent(figures.connectRate.value)}</span> <span data-testid="wallboard-card-pace">· {pace}</span>
      </div>
      <div className="wb-card-more">
        <span>{formatCount(figures.progress.done)} of {formatCount(figures.progress.total)} done</span>{' '}
        <span>· {VERDICT_WORDS[figures.connectRate.verdict]}</span>
      </div>
    </div>
  );
});
