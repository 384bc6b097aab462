import { Group, NativeSelect, Switch, Text } from '@mantine/core';
import type { Ref } from 'react';
import type { JobSort } from '../api';
import type { JobListView, SortOrder } from '../model/listParams';
import type { ListCapabilities } from '../model/listCapabilities';
import { SearchInput } from './SearchInput';
import { WorkflowSelect, type WorkflowOption } from './WorkflowSelect';

type FilterPatch = Partial<Pick<JobListView, 'q' | 'workflowId' | 'mine' | 'sort' | 'order'>>;

interface JobFiltersProps {
  view: JobListView;
  workflows: readonly WorkflowOption[];
  onChange: (patch: FilterPatch) => void;
  searchRef?: Ref<HTMLInputElement>;
  /** What the server applies: the controls it cannot honour are disabled with its reason. */
  caps: ListCapabilities;
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

/** Without the job index the order is whatever the Jobs API's own pages come in. */
const UPSTREAM_ORDER = [{ value: 'upstream', label: "The Jobs API's own order" }];

export function JobFilters({ view, workflows, onChange, searchRef, caps }: JobFiltersProps) {
  const off = caps.index ? null : caps.indexReason;
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Filter jobs">
      <SearchInput
        value={off ? '' : view.q}
        onChange={(q) => onChange({ q })}
        inputRef={searchRef}
        disabledReason={off}
      />
      <WorkflowSelect
        value={view.workflowId}
        options={workflows}
        onChange={(workflowId) => onChange({ workflowId })}
        disabledReason={off}
      />
      {/* Phones hide most column headers; the order is chosen here instead. */}
      <NativeSelect
        label="Sort"
        hiddenFrom="sm"
        data={off ? UPSTREAM_ORDER : SORT_CHOICES}
        value={off ? UPSTREAM_ORDER[0]!.value : `${view.sort}:${view.order}`}
        disabled={!!off}
        title={off ?? undefined}
        onChange={(event) => {
          const [sort, order] = event.currentTarget.value.split(':') as [JobSort, SortOrder];
          onChange({ sort, order });
        }}
        style={{ flex: '1 1 12rem' }}
      />
      {caps.mine ? (
        <Switch
          label="My jobs"
          checked={view.mine}
          onChange={(event) => onChange({ mine: event.currentTarget.checked })}
          mb={8}
        />
      ) : (
        <Text size="xs" c="dimmed" mb={8} maw="28rem" data-testid="mine-unavailable">
          {caps.mineReason}
        </Text>
      )}
    </Group>
  );
}
