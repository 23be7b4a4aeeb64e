// Best time to call by day of week and hour: a 7 x 24 grid of connect rates, darker for higher; a cell with fewer than
// 20 calls is hatched as too few to judge. The same figures are one click away as a table, for screen readers too.
import { useState } from 'react';
import type { DayHourCell } from '@domain/api-schemas';
import { HEATMAP_MIN_CALLS } from '@domain/report/day-hour';
import { Button } from '@/components/ui/button';
import { Table, Td, Th } from '@/components/ui/table';
import { formatCount, formatHour, formatPercent } from '@/lib/format';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function cellTitle(cell: DayHourCell): string {
  const when = `${DAY_NAMES[cell.day - 1]} ${formatHour(cell.hour)}`;
  if (cell.calls === 0) return `${when}: no calls`;
  if (cell.calls < HEATMAP_MIN_CALLS) return `${when}: too few calls to judge (${formatCount(cell.calls)})`;
  return `${when}: ${formatPercent(cell.rate)} connected of ${formatCount(cell.calls)} calls`;
}

/** What the grid shows, in one sentence: the best day and hour among cells with enough calls. */
function gridSummary(cells: DayHourCell[], timeZone: string): string {
  const judged = cells.filter((cell) => cell.calls >= HEATMAP_MIN_CALLS);
  if (judged.length === 0) return `Connect rate by day and hour (${timeZone}): no day and hour has ${HEATMAP_MIN_CALLS} calls yet, too few to judge.`;
  const best = judged.reduce((a, b) => (b.rate > a.rate ? b : a));
  return `Connect rate by day and hour (${timeZone}): best ${cellTitle(best)}; ${judged.length} of ${cells.filter((c) => c.calls > 0).length} cells with calls have enough to judge.`;
}

export function DayHourHeatmap({ cells, timeZone }: { cells: DayHourCell[]; timeZone: string }) {
  const [asTable, setAsTable] = useState(false);
  const withCalls = cells.filter((cell) => cell.calls > 0);
  if (withCalls.length === 0) return <p className="text-sm text-slate-600">No calls yet.</p>;
  const hours = Array.from({ length: 24 }, (_, hour) => hour);
  const byKey = new Map(cells.map((cell) => [`${cell.day}-${cell.hour}`, cell]));
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-slate-600">
          Connect rate by day and hour ({timeZone}). Hatched cells have fewer than {HEATMAP_MIN_CALLS} calls: too few to judge.
        </p>
        <Button aria-pressed={asTable} onClick={() => setAsTable((shown) => !shown)}>
          {asTable ? 'Show day and hour grid' : 'Show day and hour as table'}
        </Button>
      </div>
      {asTable ? (
        <Table caption={`Connect rate by day and hour (${timeZone})`}>
          <thead>
            <tr>
              <Th scope="col">Day</Th>
              <Th scope="col">Hour</Th>
              <Th scope="col" className="text-right">Calls</Th>
              <Th scope="col" className="text-right">Connected</Th>
              <Th scope="col" className="text-right">Connect rate</Th>
            </tr>
          </thead>
          <tbody>
            {withCalls.map((cell) => (
              <tr key={`${cell.day}-${cell.hour}`}>
                <Th scope="row" className="bg-transparent font-normal">{DAY_NAMES[cell.day - 1]}</Th>
                <Td>{formatHour(cell.hour)}</Td>
                <Td className="text-right">{formatCount(cell.calls)}</Td>
                <Td className="text-right">{formatCount(cell.connected)}</Td>
                <Td className="text-right">{cell.calls < HEATMAP_MIN_CALLS ? 'Too few to judge' : formatPercent(cell.rate)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        // Focusable, so a keyboard can scroll the grid sideways on a narrow screen.
        <div className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-blue-700" role="img" tabIndex={0} aria-label={gridSummary(cells, timeZone)}>
          <div className="grid min-w-[560px] gap-px text-[10px]" style={{ gridTemplateColumns: '2.5rem repeat(24, minmax(0, 1fr))' }}>
            <span />
            {hours.map((hour) => (
              <span key={hour} className="text-center text-slate-500">{hour % 3 === 0 ? String(hour).padStart(2, '0') : ''}</span>
            ))}
            {DAYS.map((day, d) => [
              <span key={day} className="pr-1 text-right text-slate-600">{day}</span>,
              ...hours.map((hour) => {
                const cell = byKey.get(`${d + 1}-${hour}`);
                const calls = cell?.calls ?? 0;
                const tooFew = calls > 0 && calls < HEATMAP_MIN_CALLS;
                const style = cell && calls >= HEATMAP_MIN_CALLS
                  ? { backgroundColor: `color-mix(in srgb, var(--color-verdict-good) ${Math.round(15 + cell.rate * 85)}%, white)` }
                  : tooFew
                    ? { backgroundImage: 'repeating-linear-gradient(45deg, #e2e8f0 0 2px, transparent 2px 5px)' }
                    : undefined;
                return <span key={`${day}-${hour}`} title={cell ? cellTitle(cell) : undefined} data-too-few={tooFew || undefined} className="h-5 rounded-sm bg-slate-50" style={style} />;
              }),
            ])}
          </div>
        </div>
      )}
    </div>
  );
}
