import { Skeleton, Table } from '@mantine/core';
import { COLUMNS } from '../model/columns';

/** Placeholder rows in the table's own columns, so the layout does not jump when data comes. */
export function JobTableSkeleton({ rows }: { rows: number }) {
  return Array.from({ length: rows }, (_, row) => (
    <Table.Tr key={row} data-skeleton aria-hidden>
      {COLUMNS.map((column) => (
        <Table.Td key={column.id} visibleFrom={column.visibleFrom}>
          <Skeleton
            height={column.id === 'job' ? 28 : 12}
            width={column.id === 'job' ? '80%' : '60%'}
          />
        </Table.Td>
      ))}
    </Table.Tr>
  ));
}
