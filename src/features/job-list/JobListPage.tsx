import { Alert, Group, Stack, Title } from '@mantine/core';
import { useRef } from 'react';
import type { JobSort } from './api';
import { IndexFreshness } from './components/IndexFreshness';
import { JobFilters } from './components/JobFilters';
import { JobListEmpty } from './components/JobListEmpty';
import { JobListError } from './components/JobListError';
import { JobPagination } from './components/JobPagination';
import { JobTable } from './components/JobTable';
import { RefreshControl } from './components/RefreshControl';
import { StatusChips } from './components/StatusChips';
import { firstOrder } from './model/columns';
import { useChangedRows } from './hooks/useChangedRows';
import { useJobListQueries } from './hooks/useJobListQueries';
import { useJobListView } from './hooks/useJobListView';
import { useListShortcuts } from './hooks/useListShortcuts';
import { refreshMs, useRefreshInterval } from './hooks/useRefreshInterval';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { RegionBoundary } from '../../ui/RegionBoundary';
import { clearFilters, hasFilters, updateView } from './model/listParams';

export function JobListPage() {
  useDocumentTitle('Jobs');
  const { view, setView, linkState } = useJobListView();
  const [refreshChoice, setRefreshChoice] = useRefreshInterval();
  const { list, counts, workflows, freshness, caps, applied, dropped } = useJobListQueries(
    view,
    refreshMs(refreshChoice),
  );
  const { changed, generation } = useChangedRows(list.data?.jobs);
  const searchRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  useListShortcuts({ searchRef, tableRef });

  const change = (patch: Parameters<typeof updateView>[1]) => setView(updateView(view, patch));
  const sortBy = (sort: JobSort) =>
    change({
      sort,
      order: sort === view.sort ? (view.order === 'asc' ? 'desc' : 'asc') : firstOrder(sort),
    });
  // A manual refresh joins a request in flight rather than cancelling it.
  const refresh = () => {
    void list.refetch({ cancelRefetch: false });
    void freshness.refetch({ cancelRefetch: false });
  };
  const data = list.data;
  const total = data?.total ?? null;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" wrap="wrap" gap="xs">
        <Title order={1} size="h2">
          Jobs
        </Title>
        <RefreshControl
          choice={refreshChoice}
          onChoice={setRefreshChoice}
          updatedAt={data && !list.isPlaceholderData ? list.dataUpdatedAt : 0}
          fetching={list.isFetching}
          onRefresh={() => {
            refresh();
            void counts.refetch({ cancelRefetch: false });
          }}
        />
      </Group>
      <IndexFreshness freshness={freshness.data} />
      <RegionBoundary label="the filters">
        <JobFilters
          view={view}
          workflows={workflows}
          onChange={change}
          searchRef={searchRef}
          caps={caps}
        />
        <StatusChips
          selected={view.status}
          onChange={(status) => change({ status })}
          counts={caps.index ? counts.data : null}
          disabledReason={caps.index ? null : caps.indexReason}
        />
      </RegionBoundary>
      {dropped.length > 0 ? (
        <Alert color="gray" variant="light" title="Not applied" data-testid="not-applied">
          This link asks for {dropped.join(', ')}, which the server cannot apply now; the list below
          is shown without {dropped.length > 1 ? 'them' : 'it'}.
        </Alert>
      ) : null}
      {list.isError ? (
        <JobListError
          error={list.error}
          keptSince={data ? list.dataUpdatedAt : 0}
          onRetry={refresh}
          retrying={list.isFetching}
        />
      ) : null}
      {data?.jobs.length === 0 && !list.isPlaceholderData ? (
        <JobListEmpty
          filtered={hasFilters(applied)}
          pastEnd={view.page > 1}
          onClearFilters={() => setView(clearFilters(view))}
          onFirstPage={() => change({ page: 1 })}
        />
      ) : list.isError && !data ? null : (
        <RegionBoundary label="the job table">
          <JobTable
            jobs={data?.jobs}
            sort={applied.sort}
            order={applied.order}
            onSort={caps.index ? sortBy : null}
            linkState={linkState}
            changed={changed}
            generation={generation}
            stale={list.isPlaceholderData}
            skeletonRows={Math.min(view.limit, 10)}
            tableRef={tableRef}
          />
        </RegionBoundary>
      )}
      {data && (data.jobs.length > 0 || view.page > 1) ? (
        <JobPagination
          page={view.page}
          limit={view.limit}
          shown={list.isPlaceholderData ? 0 : data.jobs.length}
          total={list.isPlaceholderData ? null : total}
          onPage={(page) => change({ page })}
          onLimit={(limit) => change({ limit })}
          disabled={list.isPlaceholderData}
        />
      ) : null}
    </Stack>
  );
}
