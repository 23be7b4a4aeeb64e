// The audit log (admins): the latest admin actions, newest first.
import { useQuery } from '@tanstack/react-query';
import { Table, Td, Th } from '@/components/ui/table';
import { formatDateTime } from '@/lib/format';
import { auditQueries, type AuditEntry } from '../api/audit';

function detailsText(details: AuditEntry['details']): string {
  if (!details) return '';
  return Object.entries(details).map(([key, value]) => `${key}: ${String(value)}`).join(', ');
}

export function AuditSection() {
  const entries = useQuery(auditQueries.list());
  if (entries.isPending) return <p role="status">Loading the audit log…</p>;
  if (entries.isError) return <p role="alert" className="text-sm text-red-800">Could not load the audit log: {entries.error.message}</p>;
  if (entries.data.length === 0) return <p className="text-sm text-slate-600">Nothing has happened yet.</p>;
  return (
    <Table caption="Audit log">
      <thead>
        <tr>
          <Th>When</Th>
          <Th>Who</Th>
          <Th>What</Th>
          <Th>On</Th>
          <Th>Details</Th>
        </tr>
      </thead>
      <tbody>
        {entries.data.map((entry) => (
          <tr key={entry.id}>
            <Td>{formatDateTime(entry.at)}</Td>
            <Td>{entry.actor}</Td>
            <Td>{entry.action}</Td>
            <Td>{entry.target ?? '—'}</Td>
            <Td className="whitespace-normal">{detailsText(entry.details)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
