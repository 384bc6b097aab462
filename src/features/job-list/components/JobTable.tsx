import { Table } from '@mantine/core';
import type { Ref } from 'react';
import type { JobSort } from '../api';
import type { WorkflowJob } from '../../../contract';
import type { JobLinkState } from '../../../config/paths';
import type { SortOrder } from '../model/listParams';
import { COLUMNS } from '../model/columns';
import { JobRow } from './JobRow';
import { JobTableSkeleton } from './JobTableSkeleton';
import { SortableHeader } from './SortableHeader';
import classes from './JobList.module.css';
import { TableScroll } from '../../../ui/TableScroll';
import { rowKeys } from '../model/rowKeys';

interface JobTableProps {
  /** Undefined while the first page loads: skeleton rows. */
  jobs: readonly WorkflowJob[] | undefined;
  sort: JobSort;
  order: SortOrder;
  /** null: the list is in the upstream's own order, which no header may claim. */
  onSort: ((sort: JobSort) => void) | null;
  linkState: JobLinkState;
  /** Rows whose status or step changed at the last refresh. */
  changed?: ReadonlySet<string>;
  /** Bumped per refresh with changes, so a row changing twice flashes twice. */
  generation?: number;
  /** The rows shown belong to the previous view while the next one loads. */
  stale?: boolean;
  skeletonRows?: number;
  tableRef?: Ref<HTMLTableElement>;
}

export function JobTable({
  jobs,
  sort,
  order,
  onSort,
  linkState,
  changed,
  generation = 0,
  stale = false,
  skeletonRows = 10,
  tableRef,
}: JobTableProps) {
  const flash = generation % 2 === 0 ? 'a' : 'b';
  const keys = rowKeys((jobs ?? []).map((job) => job.jobId));
  return (
    <TableScroll minWidth={0}>
      <Table
        ref={tableRef}
        aria-label="Jobs"
        aria-busy={jobs === undefined || stale}
        highlightOnHover
        verticalSpacing="xs"
        className={classes.table}
        data-stale={stale || undefined}
      >
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((column) =>
              column.sort && onSort ? (
                <SortableHeader
                  key={column.id}
                  label={column.label}
                  sort={column.sort}
                  current={{ sort, order }}
                  onSort={onSort}
                  visibleFrom={column.visibleFrom}
                />
              ) : (
                <Table.Th key={column.id} visibleFrom={column.visibleFrom}>
                  {column.label}
                </Table.Th>
              ),
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {jobs === undefined ? (
            <JobTableSkeleton rows={skeletonRows} />
          ) : (
            jobs.map((job, index) => (
              <JobRow
                key={keys[index]}
                job={job}
                linkState={linkState}
                flash={changed?.has(job.jobId) ? flash : undefined}
              />
            ))
          )}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
