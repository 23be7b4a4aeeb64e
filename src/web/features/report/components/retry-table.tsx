// Retry effectiveness: per attempt, how many contacts had it and how many it connected; weak retries are flagged.
// Below 640 px each attempt is a stacked card, so nothing scrolls sideways inside a box.
import type { Retries } from '@domain/api-schemas';
import { retrySummary } from '@domain/report/retry-summary';
import { Table, Td, Th } from '@/components/ui/table';
import { attemptLabel, formatCount, formatPercent } from '@/lib/format';
import { useIsPhone } from '@/lib/use-is-phone';

function RetryCards({ retries }: { retries: Retries }) {
  const cards = [
    ...retries.rows.map((row) => ({ key: String(row.attempt), title: attemptLabel(row.attempt), ...row })),
    { key: 'total', title: 'Total', ...retries.total, flagged: false },
  ];
  return (
    <ul aria-label="Retry effectiveness by attempt" className="space-y-2">
      {cards.map((card) => (
        <li key={card.key} className={card.flagged ? 'rounded-lg border border-verdict-bad bg-verdict-bad-soft p-3' : 'rounded-lg border border-slate-200 bg-white p-3'}>
          <p className="font-semibold">
            {card.title}
            {card.flagged ? <strong className="ml-2 text-verdict-bad"><span aria-hidden="true">⚠ </span>Below 10%</strong> : null}
          </p>
          <dl className="mt-1 grid grid-cols-3 gap-2 text-sm">
            <div><dt className="text-slate-600">Contacts</dt><dd>{formatCount(card.contacts)}</dd></div>
            <div><dt className="text-slate-600">Connected</dt><dd>{formatCount(card.connected)}</dd></div>
            <div><dt className="text-slate-600">Connect rate</dt><dd>{formatPercent(card.rate)}</dd></div>
          </dl>
        </li>
      ))}
    </ul>
  );
}

export function RetryTable({ retries }: { retries: Retries }) {
  const anyFlagged = retries.rows.some((row) => row.flagged);
  const phone = useIsPhone();
  const summary = retrySummary(retries);
  return (
    <div className="space-y-2">
      {summary ? <p className="text-sm text-slate-800">{summary}</p> : null}
      {phone ? <RetryCards retries={retries} /> : <RetryTableDesktop retries={retries} />}
      {anyFlagged && retries.advice ? (
        <p role="note" className="rounded-lg border border-verdict-bad bg-verdict-bad-soft p-3 text-sm text-verdict-bad">
          <span aria-hidden="true">⚠ </span>
          {retries.advice}
        </p>
      ) : null}
    </div>
  );
}

function RetryTableDesktop({ retries }: { retries: Retries }) {
  return (
    <Table caption="Retry effectiveness by attempt">
      <thead>
        <tr>
          <Th scope="col">Attempt</Th>
          <Th scope="col" className="text-right">Contacts</Th>
          <Th scope="col" className="text-right">Connected</Th>
          <Th scope="col" className="text-right">Connect rate</Th>
          <Th scope="col">Note</Th>
        </tr>
      </thead>
      <tbody>
        {retries.rows.map((row) => (
          <tr key={row.attempt} className={row.flagged ? 'bg-verdict-bad-soft' : undefined}>
            <Th scope="row" className="bg-transparent font-normal">{attemptLabel(row.attempt)}</Th>
            <Td className="text-right">{formatCount(row.contacts)}</Td>
            <Td className="text-right">{formatCount(row.connected)}</Td>
            <Td className="text-right">{formatPercent(row.rate)}</Td>
            <Td>{row.flagged ? <strong className="text-verdict-bad"><span aria-hidden="true">⚠ </span>Below 10%</strong> : null}</Td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="font-semibold">
          <Th scope="row" className="bg-transparent">Total</Th>
          <Td className="text-right">{formatCount(retries.total.contacts)}</Td>
          <Td className="text-right">{formatCount(retries.total.connected)}</Td>
          <Td className="text-right">{formatPercent(retries.total.rate)}</Td>
          <Td />
        </tr>
      </tfoot>
    </Table>
  );
}
