// The "by tag" table: per tag of the uploaded contact sheet, its contacts, how many connected, connect and answer
// rate, and the average attempts of its dialled contacts. Shown only when a sheet with tags was uploaded.
import type { TagRow } from '@domain/api-schemas';
import { Table, Td, Th } from '@/components/ui/table';
import { formatCount, formatDecimal, formatPercent } from '@/lib/format';

export function TagTable({ tags }: { tags: TagRow[] }) {
  return (
    <Table caption="Contacts by tag">
      <thead>
        <tr>
          <Th scope="col">Tag</Th>
          <Th scope="col" className="text-right">Contacts</Th>
          <Th scope="col" className="text-right">Connected</Th>
          <Th scope="col" className="text-right">Connect rate</Th>
          <Th scope="col" className="text-right">Answer rate</Th>
          <Th scope="col" className="text-right">Average attempts</Th>
        </tr>
      </thead>
      <tbody>
        {tags.map((row) => (
          <tr key={row.tag}>
            <Th scope="row" className="bg-transparent font-normal">{row.tag}</Th>
            <Td className="text-right">{formatCount(row.contacts)}</Td>
            <Td className="text-right">{formatCount(row.connected)}</Td>
            <Td className="text-right">{formatPercent(row.connectRate)}</Td>
            <Td className="text-right">{formatPercent(row.answerRate)}</Td>
            <Td className="text-right">{formatDecimal(row.avgAttempts)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
