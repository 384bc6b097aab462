/**
 * Route loaders that start fetching as navigation begins, while the page's code downloads. None
 * waits on the network (navigation never does) and none throws: a prefetch that fails is the
 * page's to show, from its own query, as when it fetched alone. Each starts only what is not
 * cached yet; a cached query is refreshed by the page as before.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { jobDetailOptions, resolveDetailTab } from '../features/job-detail';
import {
  applicableView,
  capabilitiesOf,
  freshnessOptions,
  jobCountsOptions,
  jobListOptions,
  parseJobListParams,
  viewToFilters,
  type JobListFilters,
} from '../features/job-list';

/** The failure, if any, reaches the page through the query's state; here it is dropped. */
function quietly(work: Promise<unknown>): void {
  work.catch(() => {});
}

/**
 * The job, and for the log tab its first catch-up, side by side: neither waits for the other.
 * The log is asked for under the id in the address, which is the job's own id on every link the
 * app makes (the panel keys its tail by the job's id; another id only costs one unused poll).
 * Whether the job has ended is not known yet: when its answer says so, the panel marks the tail
 * terminal and the session's final catch-up follows that first poll at once.
 */
export function startJobDetail(
  queryClient: QueryClient,
  { jobId, search, hash }: { jobId: string; search: string; hash: string },
): void {
  quietly(queryClient.query({ ...jobDetailOptions(jobId), staleTime: 'static' }));
  if (resolveDetailTab(new URLSearchParams(search).get('tab'), hash) !== 'log') return;
  quietly(
    import('../features/job-log').then(({ logTailOptions }) => {
      const options = logTailOptions(jobId, false);
      // The tail's query has initial data (an empty store): "cached" means the query exists.
      if (queryClient.getQueryState(options.queryKey)) return;
      return queryClient.query(options);
    }),
  );
}

/**
 * What the list page asks for this view, as `useJobListQueries` does: the freshness answer says
 * which filters the server applies (the list waits for it, failed or not), then the page and the
 * counts per status. One attempt each: with auto-refresh on (the default) the page does not
 * retry either, and a page mounted after a prefetch failed asks again with its own policy.
 */
export function startJobList(queryClient: QueryClient, { search }: { search: string }): void {
  const view = parseJobListParams(search);
  const once = { retry: false, staleTime: 'static' } as const;
  // The list asks once the freshness answer is in, whether it brought capabilities or an error.
  const freshness = queryClient.query({ ...freshnessOptions(), ...once }).catch(() => undefined);
  quietly(
    freshness.then((answer) => {
      const caps = capabilitiesOf(answer);
      const filters = viewToFilters(applicableView(view, caps).view);
      // Without the job index only a page is asked for (and "My jobs", which the Jobs API has);
      // with it, `status` goes as one comma-separated value.
      const asked: JobListFilters = !caps.index
        ? { skip: filters.skip, limit: filters.limit, mine: filters.mine }
        : filters.status
          ? { ...filters, status: [filters.status.join(',')] }
          : filters;
      const list = queryClient.query({ ...jobListOptions(asked), ...once });
      if (caps.index) {
        // Counts ignore the status filter: each chip tells how many jobs choosing it would show.
        const counts = jobCountsOptions({ ...asked, status: undefined });
        quietly(queryClient.query({ ...counts, ...once }));
      }
      return list;
    }),
  );
}

export type HashOf = () => string;

/** `/jobs/:jobId`. The request a loader gets carries no hash, so `hashOf` tells it. */
export function jobDetailLoader(queryClient: QueryClient, hashOf: HashOf) {
  return ({ params, request }: LoaderFunctionArgs): null => {
    const search = new URL(request.url).search;
    startJobDetail(queryClient, { jobId: params.jobId ?? '', search, hash: hashOf() });
    return null;
  };
}

/** `/jobs`. */
export function jobListLoader(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs): null => {
    startJobList(queryClient, { search: new URL(request.url).search });
    return null;
  };
}
