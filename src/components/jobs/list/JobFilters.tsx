import { Group, NativeSelect, Switch } from '@mantine/core';
import type { Ref } from 'react';
import type { JobSort } from '../../../api/jobs';
import type { JobListView, SortOrder } from '../../../lib/jobListParams';
import { SearchInput } from './SearchInput';
import { WorkflowSelect, type WorkflowOption } from './WorkflowSelect';

type FilterPatch = Partial<Pick<JobListView, 'q' | 'workflowId' | 'mine' | 'sort' | 'order'>>;

interface JobFiltersProps {
  view: JobListView;
  workflows: readonly WorkflowOption[];
  onChange: (patch: FilterPatch) => void;
  searchRef?: Ref<HTMLInputElement>;
}

const SORT_CHOICES: { value: `${JobSort}:${SortOrder}`; label: string }[] = [
  { value: 'updated:desc', label: 'Last update, newest first' },
  { value: 'updated:asc', label: 'Last update, oldest first' },
  { value: 'created:desc', label: 'Created, newest first' },
  { value: 'created:asc', label: 'Created, oldest first' },
  { value: 'title:asc', label: 'Title, A to Z' },
  { value: 'title:desc', label: 'Title, Z to A' },
  { value: 'status:asc', label: 'Status, A to Z' },
  { value: 'status:desc', label: 'Status, Z to A' },
];

export function JobFilters({ view, workflows, onChange, searchRef }: JobFiltersProps) {
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Filter jobs">
      <SearchInput value={view.q} onChange={(q) => onChange({ q })} inputRef={searchRef} />
      <WorkflowSelect
        value={view.workflowId}
        options={workflows}
        onChange={(workflowId) => onChange({ workflowId })}
      />
      {/* Phones hide most column headers; the order is chosen here instead. */}
      <NativeSelect
        label="Sort"
        hiddenFrom="sm"
        data={SORT_CHOICES}
        value={`${view.sort}:${view.order}`}
        onChange={(event) => {
          const [sort, order] = event.currentTarget.value.split(':') as [JobSort, SortOrder];
          onChange({ sort, order });
        }}
        style={{ flex: '1 1 12rem' }}
      />
      <Switch
        label="My jobs"
        checked={view.mine}
        onChange={(event) => onChange({ mine: event.currentTarget.checked })}
        mb={8}
      />
    </Group>
  );
}
