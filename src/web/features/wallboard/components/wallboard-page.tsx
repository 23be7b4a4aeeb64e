// The wallboard: a screen on the wall that nobody touches. Under an API base (`/tv/<token>/api` for a display,
// `/api` for a manager's "Open as wallboard"), it rotates through grid pages and single campaigns, keeps the next
// slide rendered underneath so a switch never flashes, shows how fresh its numbers are, heals its live stream by
// itself, and reloads itself when the server is upgraded, once a day, or when an admin asks.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { CampaignSummary } from '@domain/api-schemas';
import { isCampaignActive } from '@domain/campaign-status';
import { ApiError } from '@/lib/api-client';
import { useLocation } from '@/lib/router';
import { useNow } from '@/lib/use-now';
import { wallboardQueries } from '../api/wallboard-queries';
import { DEFAULT_SETTINGS, resolveSettings, type WallboardSettings } from '../wallboard-settings';
import { slidesFor, useRotation, type Slide } from '../wallboard-slides';
import { useWallboardStream } from '../use-wallboard-stream';
import { useBoundedResourceTimings, useDailyReload, useDrift, useGenerationReload, useNightDim, useVersionReload } from '../use-wallboard-upkeep';
import { CampaignSlide } from './campaign-slide';
import { GridSlide } from './grid-slide';
import { formatClock } from './wallboard-header';
import './wallboard.css';

export const IDENTIFY_MS = 10_000;
const NO_CAMPAIGNS: readonly CampaignSummary[] = [];

const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;

export function WallboardPage({ apiBase, display }: { apiBase: string; display: boolean }) {
  const [revokedByEvent, setRevokedByEvent] = useState(false);
  const self = useQuery({ ...wallboardQueries.display(apiBase), enabled: display });
  const revoked = revokedByEvent || (display && isNotFound(self.error));
  useEffect(() => {
    document.title = 'Wallboard · callboard';
  }, []);

  if (revoked) return <RemovedScreen />;
  // A display waits for its own record (its settings); if that fails for another reason, defaults will do.
  if (display && self.isPending) return <div className="wb-root" data-theme="dark" />;
  return <WallboardScreen apiBase={apiBase} display={display} displayName={self.data?.name ?? null} displaySettings={self.data?.settings} displayVersion={self.data?.version} reloadGeneration={self.data?.reloadGeneration} onRevoked={() => setRevokedByEvent(true)} />;
}

interface ScreenProps {
  apiBase: string;
  display: boolean;
  displayName: string | null;
  displaySettings: unknown;
  displayVersion: string | undefined;
  reloadGeneration: number | undefined;
  onRevoked: () => void;
}

function WallboardScreen({ apiBase, display, displayName, displaySettings, displayVersion, reloadGeneration, onRevoked }: ScreenProps) {
  const searchText = useLocation().search.toString();
  const settings = useMemo(
    () => resolveSettings(displaySettings, new URLSearchParams(searchText), display ? { ...DEFAULT_SETTINGS, campaigns: 'all' } : DEFAULT_SETTINGS),
    [displaySettings, searchText, display],
  );

  const [identifying, setIdentifying] = useState(false);
  const single = Array.isArray(settings.campaigns) && settings.campaigns.length === 1 ? settings.campaigns[0] : undefined;
  const streamUrl = `${apiBase}/events${single ? `?campaign=${encodeURIComponent(single)}` : ''}`;
  const { connected } = useWallboardStream(streamUrl, {
    onCommand: (command) => (command === 'reload' ? window.location.reload() : setIdentifying(true)),
    onRevoked,
  });
  useEffect(() => {
    if (!identifying) return;
    const timer = setTimeout(() => setIdentifying(false), IDENTIFY_MS);
    return () => clearTimeout(timer);
  }, [identifying]);

  const list = useQuery(wallboardQueries.campaigns(apiBase, connected));
  const health = useQuery({ ...wallboardQueries.health(), enabled: !display });
  useEffect(() => {
    if (display && isNotFound(list.error)) onRevoked();
  }, [display, list.error, onRevoked]);

  // An admin's "reload" reaches a display by its stream at once, or by a raised generation at its next poll.
  const { quietMoment } = useVersionReload(display ? displayVersion : health.data?.version);
  useGenerationReload(reloadGeneration);
  useDailyReload(settings.reloadAtMin);
  useBoundedResourceTimings();
  const drift = useDrift(settings.drift);
  const dimmed = useNightDim(settings.dim);

  const campaigns = useMemo(() => pickCampaigns(list.data?.campaigns ?? [], settings.campaigns), [list.data, settings.campaigns]);
  const slides = useMemo(() => slidesFor(campaigns.map((campaign) => campaign.id), settings.view), [campaigns, settings.view]);

  const [readyIds, setReadyIds] = useState<ReadonlySet<string>>(() => new Set());
  const markReady = useCallback((id: string, ready: boolean) => {
    setReadyIds((previous) => {
      if (previous.has(id) === ready) return previous;
      const next = new Set(previous);
      if (ready) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const { current, next } = useRotation(slides, settings.rotateSec, readyIds, quietMoment);

  // Each grid page's rows, rebuilt when the list changes; a row keeps its identity while its numbers do (React Query's
  // structural sharing), so a page's unchanged cards are not redrawn.
  const pageRows = useMemo(() => {
    const byId = new Map(campaigns.map((campaign) => [campaign.id, campaign]));
    const pages = new Map<string, CampaignSummary[]>();
    for (const slide of slides) {
      if (slide.kind === 'grid') pages.set(slide.id, slide.campaignIds.map((id) => byId.get(id)).filter((campaign): campaign is CampaignSummary => campaign !== undefined));
    }
    return pages;
  }, [campaigns, slides]);
  const gridPages = slides.filter((slide) => slide.kind === 'grid').length;
  const layers = [current, next].filter((slide): slide is Slide => slide !== null && slide !== undefined);

  return (
    <div className="wb-root" data-theme={settings.theme} data-dimmed={dimmed} data-testid="wallboard">
      <div className="wb-layer" style={drift.x || drift.y ? { transform: `translate(${drift.x}px, ${drift.y}px)` } : undefined}>
        {list.data === undefined ? (
          <Message title={list.isError ? 'Waiting for the callboard server' : ''} text="" />
        ) : layers.length === 0 ? (
          <Message title="No active campaigns" text="Campaigns appear here when they start dialling." />
        ) : (
          layers.map((slide) => (
            <div key={slide.id} className="wb-layer" data-shown={slide.id === current?.id} data-slide={slide.id} aria-hidden={slide.id !== current?.id}>
              {slide.kind === 'campaign' ? (
                <CampaignSlide slideId={slide.id} apiBase={apiBase} campaignId={slide.campaignId} streamConnected={connected} onReady={markReady} />
              ) : (
                <GridSlide
                  slideId={slide.id}
                  title={gridPages > 1 ? `Active campaigns · page ${Number(slide.id.split(':')[1]) + 1}` : 'Active campaigns'}
                  campaigns={pageRows.get(slide.id) ?? NO_CAMPAIGNS}
                  fetchedAtMs={list.dataUpdatedAt}
                  streamConnected={connected}
                  onReady={markReady}
                />
              )}
            </div>
          ))
        )}
      </div>
      {identifying ? <div className="wb-identify" role="status">{displayName ?? 'This wallboard'}</div> : null}
    </div>
  );
}

/** The campaigns a wallboard shows, in the order asked for. */
export function pickCampaigns(listed: readonly CampaignSummary[], wanted: WallboardSettings['campaigns']): CampaignSummary[] {
  if (wanted === 'all') return [...listed];
  if (wanted === 'active') return listed.filter((campaign) => isCampaignActive(campaign.status));
  const byId = new Map(listed.map((campaign) => [campaign.id, campaign]));
  return wanted.map((id) => byId.get(id)).filter((campaign): campaign is CampaignSummary => campaign !== undefined);
}

function Message({ title, text }: { title: string; text: string }) {
  const now = useNow(1000);
  return (
    <div className="wb-message">
      <div className="wb-message-title">{title}</div>
      {text ? <div className="wb-message-text">{text}</div> : null}
      <div className="wb-clock-time">{formatClock(now)}</div>
    </div>
  );
}

function RemovedScreen() {
  return (
    <div className="wb-root" data-theme="dark" data-testid="wallboard-removed">
      <div className="wb-message">
        <h1 className="wb-message-title">This display has been removed</h1>
        <p className="wb-message-text">Its link no longer shows any campaign. Ask an admin for a new display link.</p>
      </div>
    </div>
  );
}

export default WallboardPage;
