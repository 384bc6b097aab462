import { Table, UnstyledButton, type MantineBreakpoint } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import type { JobSort } from '../api';
import type { SortOrder } from '../model/listParams';
import classes from './JobList.module.css';

interface SortableHeaderProps {
  label: string;
  sort: JobSort;
  current: { sort: JobSort; order: SortOrder };
  onSort: (sort: JobSort) => void;
  visibleFrom?: MantineBreakpoint;
}

/** A column header that sorts the list; `aria-sort` tells assistive tech the current order. */
export function SortableHeader({ label, sort, current, onSort, visibleFrom }: SortableHeaderProps) {
  const active = current.sort === sort;
  const ariaSort = active ? (current.order === 'asc' ? 'ascending' : 'descending') : 'none';
  const Icon = !active ? IconArrowsSort : current.order === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th aria-sort={ariaSort} visibleFrom={visibleFrom}>
      <UnstyledButton
        className={classes.sortButton}
        data-active={active || undefined}
        onClick={() => onSort(sort)}
      >
        {label}
        <Icon size={14} aria-hidden className={classes.sortIcon} />
      </UnstyledButton>
    </Table.Th>
  );
}
