import type { MantineBreakpoint } from '@mantine/core';
import type { JobSort } from '../api';

export type ColumnId =
  'job' | 'workflow' | 'status' | 'step' | 'owner' | 'team' | 'created' | 'updated' | 'active';

export interface Column {
  id: ColumnId;
  label: string;
  /** The API sort this column's header sets. */
  sort?: JobSort;
  /** Secondary columns only show from this width up; phones keep job, status and update. */
  visibleFrom?: MantineBreakpoint;
}

export const COLUMNS: readonly Column[] = [
  { id: 'job', label: 'Job', sort: 'title' },
  { id: 'workflow', label: 'Workflow', visibleFrom: 'md' },
  { id: 'status', label: 'Status', sort: 'status' },
  { id: 'step', label: 'Current step', visibleFrom: 'sm' },
  { id: 'owner', label: 'Owner', visibleFrom: 'md' },
  { id: 'team', label: 'Team', visibleFrom: 'lg' },
  { id: 'created', label: 'Created', sort: 'created', visibleFrom: 'lg' },
  { id: 'updated', label: 'Last update', sort: 'updated' },
  { id: 'active', label: 'Active time', visibleFrom: 'sm' },
];

export function columnVisibility(id: ColumnId): MantineBreakpoint | undefined {
  return COLUMNS.find((column) => column.id === id)?.visibleFrom;
}

/** Dates sort newest first on the first click, text A to Z. */
export function firstOrder(sort: JobSort): 'asc' | 'desc' {
  return sort === 'updated' || sort === 'created' ? 'desc' : 'asc';
}
