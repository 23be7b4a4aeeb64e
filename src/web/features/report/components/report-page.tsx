// The campaign report: header and freshness, stale/sync notices, counts, metrics, charts (lazy), retries, best time,
// contacts. The report is polled every 30 s and refetched sooner when the server pushes an event.
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ServerDownNotice, UpstreamStaleNotice } from '@/components/stale-data-notices';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { Section } from '@/components/ui/section';
import { ApiError } from '@/lib/api-client';
import { useServerEvents } from '@/lib/use-server-events';
// A page composes another feature's component: the one cross-feature import ESLint allows.
import { ContactList } from '@/features/contacts/components/contact-list';
import { useContactsSearch } from '@/features/contacts/contacts-search';
import { ExportPanel } from '@/features/exports/components/export-panel';
import { MetadataUpload } from '@/features/exports/components/metadata-upload';
import { reportQueries } from '../api/get-report';
import { shapeReport } from '../api/shape-report';
import { BestTimeText } from './best-time';
import { MetricTiles } from './metric-tiles';
import { ReportHeader } from './report-header';
import { RetryTable } from './retry-table';
import { StatsTiles } from './stats-tiles';
import { StatusTable } from './status-table';
import { SyncProgress } from './sync-progress';

const loadCharts = () => import('./report-charts');
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

function bucketName(seconds: number): string {
  if (seconds % 3600 === 0) return seconds === 3600 ? 'hour' : `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? 'minute' : `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}

export function ReportPage({ campaignId }: { campaignId: string }) {
  const report = useQuery({ ...reportQueries.report(campaignId), select: shapeReport });
  const { connected } = useServerEvents(campaignId);
  const [showStatusTable, setShowStatusTable] = useState(false);
  const contactFilters = useContactsSearch();

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

  const { report: data, statusSlices, timeline, hours } = shaped;
  const zone = data.campaign.timeZone;

  return (
    <div className="space-y-6">
      <ReportHeader report={data} live={connected} />
      {/* React Query keeps the last good data when a refetch fails; say so, with the time of that data. */}
      {report.isError ? <ServerDownNotice since={report.dataUpdatedAt} timeZone={zone} /> : <UpstreamStaleNotice sync={data.sync} timeZone={zone} />}
      <SyncProgress sync={data.sync} />

      <Section title="Calls">
        <StatsTiles stats={data.stats} />
      </Section>

      <Section title="Health metrics">
        <p className="text-sm text-slate-600">Focus or hover a metric to see its formula.</p>
        <MetricTiles metrics={data.metrics} />
      </Section>

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
              <ThroughputChart points={timeline} bucketLabel={bucketName(data.timeline.bucketSec)} />
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
        </Section>
      </div>

      <Section title="Contacts">
        <ContactList campaignId={campaignId} timeZone={zone} />
      </Section>

      <div className="grid gap-6 lg:grid-cols-2">
        <Section title="Export to CSV">
          <ExportPanel campaignId={campaignId} filters={contactFilters} />
        </Section>
        <Section title="Contact details">
          <MetadataUpload campaignId={campaignId} />
        </Section>
      </div>
    </div>
  );
}
