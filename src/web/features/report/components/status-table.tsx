// The status breakdown as a table: the accessible alternative to the pie chart (and what a phone reads best).
import type { StatusSlice } from '../api/shape-report';
import { Table, Td, Th } from '@/components/ui/table';
import { formatCount, formatPercent } from '@/lib/format';
import { contactStatusConfig } from '@/lib/status-vocabulary';

export function StatusTable({ slices }: { slices: StatusSlice[] }) {
  return (
    <Table caption="Contacts by final status">
      <thead>
        <tr>
          <Th scope="col">Status</Th>
          <Th scope="col" className="text-right">Contacts</Th>
          <Th scope="col" className="text-right">Share</Th>
        </tr>
      </thead>
      <tbody>
        {slices.map((slice) => (
          <tr key={slice.status}>
            <Th scope="row" className="bg-transparent font-normal">
              <span aria-hidden="true" className="mr-2 inline-block size-2.5 rounded-sm" style={{ background: contactStatusConfig[slice.status].color }} />
              {slice.label}
            </Th>
            <Td className="text-right">{formatCount(slice.count)}</Td>
            <Td className="text-right">{formatPercent(slice.share)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
