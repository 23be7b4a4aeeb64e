// The campaign report: header and freshness, stale/sync notices, counts, metrics, charts (lazy), retries, best time,
// contacts. The report is polled every 30 s and refetched sooner when the server pushes an event. What sits below
// the first screen (charts, heatmap, contacts, exports, uploads) is loaded in its own chunks, so that the tiles
// show without waiting for them.
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ServerDownNotice, UpstreamStaleNotice } from '@/components/stale-data-notices';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { Section } from '@/components/ui/section';
import { ApiError } from '@/lib/api-client';
import { useApiScope } from '@/lib/api-scope';
import { useServerEvents } from '@/lib/use-server-events';
import { useContactsSearch } from '@/features/contacts/contacts-search';
import { reportQueries } from '../api/get-report';
import { useNumbersChangedAt } from '../api/numbers-changed-at';
import { shapeReport } from '../api/shape-report';
import { BestTimeText } from './best-time';
import { BusinessPanel } from './business-panel';
import { DiagnosisNotice } from './diagnosis-notice';
import { MetricTiles } from './metric-tiles';
import { isLive, ReportHeader } from './report-header';
import { RetryTable } from './retry-table';
import { StatsTiles } from './stats-tiles';
import { StatusTable } from './status-table';
import { TagTable } from './tag-table';
import { SyncProgress } from './sync-progress';

const loadCharts = () => import('./report-charts');
const panels = {
  heatmap: () => import('./best-time-heatmap'),
  // A page composes another feature's component: the one cross-feature import ESLint allows.
  contacts: () => import('@/features/contacts/components/contact-list'),
  exports: () => import('@/features/exports/components/export-panel'),
  upload: () => import('@/features/exports/components/metadata-upload'),
};
const BestTimeHeatmap = lazy(() => panels.heatmap().then((module) => ({ default: module.BestTimeHeatmap })));
const ContactList = lazy(() => panels.contacts().then((module) => ({ default: module.ContactList })));
const ExportPanel = lazy(() => panels.exports().then((module) => ({ default: module.ExportPanel })));
const MetadataUpload = lazy(() => panels.upload().then((module) => ({ default: module.MetadataUpload })));

/** Imports the chunks of the lazy panels, not the charts' (tests do, before what they time). */
export const loadReportPanels = () => Promise.all(Object.values(panels).map((load) => load()));

const StatusPieChart = lazy(() => loadCharts().then((module) => ({ default: module.StatusPieChart })));
const ThroughputChart = lazy(() => loadCharts().then((module) => ({ default: module.ThroughputChart })));
const BestTimeChart = lazy(() => loadCharts().then((module) => ({ default: module.BestTimeChart })));

function ChartBox({ children, label }: { children: ReactNode; label: string }) {
  return (
    <div className="h-[260px] w-full min-w-0 overflow-hidden">
      <Suspense fallback={<div role="status" aria-label={`Loading ${label}`} className="h-[260px] w-full animate-pulse rounded-lg bg-slate-100" />}>
        {children}
      </Suspense>
    </div>
  );
}

/** Holds a lazy panel's place (about its loaded height) while its chunk loads, so that nothing below it jumps. */
function Panel({ children, label, minHeight }: { children: ReactNode; label: string; minHeight: number }) {
  return (
    <Suspense fallback={<div role="status" aria-label={`Loading ${label}`} style={{ minHeight }} className="w-full animate-pulse rounded-lg bg-slate-100" />}>
      {children}
    </Suspense>
  );
}

function bucketName(seconds: number): string {
  if (seconds % 3600 === 0) return seconds === 3600 ? 'hour' : `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? 'minute' : `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}

/** `actions` sit in the header (the app puts the Share button there for signed-in users). */
export function ReportPage({ campaignId, actions }: { campaignId: string; actions?: ReactNode }) {
  const scope = useApiScope();
  const report = useQuery({ ...reportQueries.report(campaignId, scope.base), select: shapeReport });
  const { connected } = useServerEvents(campaignId);

  const shaped = report.data;
  useEffect(() => {
    if (shaped) document.title = `${shaped.report.campaign.name} · callboard`;
  }, [shaped]);

  if (report.isPending) return <p role="status">Loading the report…</p>;
  if (!shaped) {
    const notFound = report.error instanceof ApiError && report.error.status === 404;
    return (
      <Notice tone="error" role="alert">
        <h1 className="text-lg font-semibold">{notFound ? 'Campaign not found' : 'Could not load the report'}</h1>
        <p>{report.error?.message}</p>
        <Button tone="danger" onClick={() => void report.refetch()} className="mt-2">
          Try again
        </Button>
      </Notice>
    );
  }

  return <ReportBody shaped={shaped} dataUpdatedAt={report.dataUpdatedAt} serverDown={report.isError} connected={connected} campaignId={campaignId} actions={actions} />;
}

function ReportBody({ shaped, dataUpdatedAt, serverDown, connected, campaignId, actions }: {
  shaped: ReturnType<typeof shapeReport>;
  dataUpdatedAt: number;
  serverDown: boolean;
  connected: boolean;
  campaignId: string;
  actions?: ReactNode;
}) {
  const scope = useApiScope();
  const [showStatusTable, setShowStatusTable] = useState(false);
  const contactFilters = useContactsSearch();
  const { report: data, statusSlices, timeline, hours } = shaped;
  const zone = data.campaign.timeZone;
  const numbersChangedAt = useNumbersChangedAt(data, dataUpdatedAt);
  const live = isLive(data.campaign.status, connected, serverDown || data.sync.stale);

  return (
    <div className="space-y-6">
      <ReportHeader report={data} live={live} streamConnected={connected} numbersChangedAt={numbersChangedAt} actions={actions} />
      {/* React Query keeps the last good data when a refetch fails; say so, with the time of that data. */}
      {serverDown ? <ServerDownNotice since={dataUpdatedAt} timeZone={zone} /> : <UpstreamStaleNotice sync={data.sync} timeZone={zone} />}
      <SyncProgress sync={data.sync} />
      <DiagnosisNotice diagnosis={data.diagnosis} />

      <Section title="Calls">
        <StatsTiles stats={data.stats} />
      </Section>

      <Section title="Health metrics">
        <p className="text-sm text-slate-600">Focus or hover a metric to see its formula.</p>
        <MetricTiles metrics={data.metrics} benchmarks={data.benchmarks} />
      </Section>

      <Section title="Cost and revenue">
        <BusinessPanel business={data.business} campaignId={campaignId} />
      </Section>

      {data.tags.length > 0 ? (
        <Section title="By tag">
          <TagTable tags={data.tags} />
        </Section>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <Section
          title="Status breakdown"
          actions={
            <Button aria-pressed={showStatusTable} onClick={() => setShowStatusTable((shown) => !shown)}>
              {showStatusTable ? 'Show chart' : 'Show as table'}
            </Button>
          }
        >
          {statusSlices.length === 0 ? (
            <p className="text-sm text-slate-600">No contacts yet.</p>
          ) : showStatusTable ? (
            <StatusTable slices={statusSlices} />
          ) : (
            <ChartBox label="status chart">
              <StatusPieChart slices={statusSlices} />
            </ChartBox>
          )}
        </Section>

        <Section title="Throughput">
          {timeline.length === 0 ? (
            <p className="text-sm text-slate-600">No calls have ended yet.</p>
          ) : (
            <ChartBox label="throughput chart">
              <ThroughputChart points={timeline} bucketLabel={bucketName(data.timeline.bucketSec)} minutesPerPoint={shaped.minutesPerPoint} />
            </ChartBox>
          )}
        </Section>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <Section title="Retry effectiveness">
          <RetryTable retries={data.retries} />
        </Section>

        <Section title="Best time to call">
          <BestTimeText bestTime={data.bestTime} />
          {hours.length > 0 ? (
            <ChartBox label="best time chart">
              <BestTimeChart hours={hours} timeZone={data.bestTime.timeZone} />
            </ChartBox>
          ) : null}
          <h3 className="text-base font-semibold text-slate-900">By day of week and hour</h3>
          <Panel label="day and hour heatmap" minHeight={240}>
            <BestTimeHeatmap cells={data.bestTime.byDayHour} timeZone={data.bestTime.timeZone} />
          </Panel>
        </Section>
      </div>

      {scope.contacts ? (
        <Section title="Contacts">
          <Panel label="contacts" minHeight={480}>
            <ContactList campaignId={campaignId} timeZone={zone} />
          </Panel>
        </Section>
      ) : null}

      {/* Uploads are a signed-in manager's tool; a share link's view exports only when the link allows contacts. */}
      {scope.shared ? (
        scope.contacts ? (
          <Section title="Export to CSV">
            <Panel label="export choices" minHeight={200}>
              <ExportPanel campaignId={campaignId} filters={contactFilters} />
            </Panel>
          </Section>
        ) : null
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          <Section title="Export to CSV">
            <Panel label="export choices" minHeight={200}>
              <ExportPanel campaignId={campaignId} filters={contactFilters} />
            </Panel>
          </Section>
          <Section title="Contact details">
            <Panel label="contact details upload" minHeight={200}>
              <MetadataUpload campaignId={campaignId} />
            </Panel>
          </Section>
        </div>
      )}
    </div>
  );
}
