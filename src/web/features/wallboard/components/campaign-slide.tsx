// One campaign on the wall: progress and connect rate so far as the two large figures, then completed, in progress,
// calls per minute, failure and retry success; a throughput sparkline and the status split. Verdicts colour the
// whole tile; a rate is judged only on a large enough sample.
import { memo, useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { formatCount, formatDecimal, formatPercent } from '@/lib/format';
import { campaignStatusConfig } from '@/lib/status-vocabulary';
import { wallboardQueries } from '../api/wallboard-queries';
import { asOfMs, campaignFigures, isDialling, type CampaignFigures } from '../wallboard-figures';
import { SlideChrome } from './slide-chrome';
import { StatusSplit } from './status-split';
import { Sparkline } from './sparkline';
import { tileVerdict, VERDICT_WORDS } from './verdict-words';

interface Props {
  slideId: string;
  apiBase: string;
  campaignId: string;
  streamConnected: boolean;
  onReady: (slideId: string, ready: boolean) => void;
}

/**
 * Memoised by its props, and its figures by their value (the query's select result keeps its identity while the
 * numbers are unchanged), so a refetch that changed nothing, a clock tick or another slide's update redraws nothing.
 */
export const CampaignSlide = memo(function CampaignSlide({ slideId, apiBase, campaignId, streamConnected, onReady }: Props) {
  const report = useQuery({ ...wallboardQueries.report(apiBase, campaignId, streamConnected), select: campaignFigures });
  const ready = report.data !== undefined;
  useEffect(() => onReady(slideId, ready), [slideId, ready, onReady]);
  const figures = report.data;
  return (
    <div className="wb-slide wb-campaign" data-testid="wallboard-campaign" data-campaign-id={campaignId}>
      <SlideChrome
        title={figures?.name ?? ''}
        state={figures ? campaignStatusConfig[figures.status].label : undefined}
        asOfMs={figures ? asOfMs(report.dataUpdatedAt, figures.sync) : null}
        dialling={figures ? isDialling(figures.status) : false}
        streamConnected={streamConnected}
      />
      {figures ? <CampaignFiguresView figures={figures} /> : null}
    </div>
  );
});

const CampaignFiguresView = memo(function CampaignFiguresView({ figures }: { figures: CampaignFigures }) {
  const { progress, connectRate, failureRate, retrySuccess } = figures;
  return (
    <>
      <div className="wb-heroes">
        <Figure hero label="Progress" value={formatPercent(progress.fraction)} sub={`${formatCount(progress.done)} of ${formatCount(progress.total)} done`} />
        <Figure
          hero
          label={connectRate.basis === 'finished' ? 'Connect rate so far' : 'Connect rate'}
          value={formatPercent(connectRate.value)}
          sub={VERDICT_WORDS[connectRate.verdict]}
          verdict={tileVerdict(connectRate.verdict)}
        />
      </div>
      <div className="wb-tiles">
        <Figure label="Completed" value={formatCount(figures.completed)} sub="connected" />
        <Figure label="In progress" value={formatCount(figures.inProgress)} sub="calls now" />
        <Figure label="Calls / min" value={formatDecimal(Math.round(figures.callsPerMinute * 10) / 10)} sub="last 5 min" />
        <Figure
          label={failureRate.basis === 'finished' ? 'Failure rate so far' : 'Failure rate'}
          value={formatPercent(failureRate.value)}
          sub={VERDICT_WORDS[failureRate.verdict]}
          verdict={tileVerdict(failureRate.verdict)}
        />
        <Figure label="Retry success" value={formatPercent(retrySuccess.value)} sub={VERDICT_WORDS[retrySuccess.verdict]} verdict={tileVerdict(retrySuccess.verdict)} />
      </div>
      <div className="wb-bottom">
        <div className="wb-panel">
          <div className="wb-label">Throughput (ended calls)</div>
          <Sparkline values={figures.sparkline} label="Ended calls over time" />
        </div>
        <div className="wb-panel">
          <div className="wb-label">Status split</div>
          <StatusSplit parts={figures.split} />
        </div>
      </div>
    </>
  );
});

/** A tile's props are strings: memoised, an update redraws only the tiles whose text changed. */
const Figure = memo(function Figure({ label, value, sub, verdict, hero = false }: { label: string; value: string; sub: string; verdict?: 'good' | 'watch' | 'bad'; hero?: boolean }) {
  return (
    <div className="wb-tile" role="group" aria-label={label} data-verdict={verdict ?? 'none'}>
      <div className="wb-label">{label}</div>
      <div className={hero ? 'wb-hero-figure' : 'wb-figure'} data-primary={hero ? 'true' : undefined}>
        {value}
      </div>
      <div className="wb-sub">{sub}</div>
    </div>
  );
});
