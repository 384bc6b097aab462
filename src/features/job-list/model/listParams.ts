/**
 * The job list's view state <-> its URL query. Every view an operator would share (filters,
 * sort, page, page size) lives in the URL; invalid values fall back to the defaults without an
 * error, and defaults are left out so links stay short.
 */
import { z } from 'zod/mini';
import { readSearch, writeSearch, type SearchState } from '../../../lib/searchState';
import type { JobListFilters, JobSort } from '../api';

export const JOB_SORTS = ['updated', 'created', 'title', 'status'] as const satisfies JobSort[];
export const SORT_ORDERS = ['asc', 'desc'] as const;
export const PAGE_SIZES = [20, 50, 100] as const;

export type SortOrder = (typeof SORT_ORDERS)[number];
export type PageSize = (typeof PAGE_SIZES)[number];

export interface JobListView {
  status: string[];
  workflowId: string;
  q: string;
  sort: JobSort;
  order: SortOrder;
  /** 1-based. */
  page: number;
  limit: PageSize;
  mine: boolean;
}

export const DEFAULT_VIEW: Readonly<JobListView> = Object.freeze({
  status: [],
  workflowId: '',
  q: '',
  sort: 'updated',
  order: 'desc',
  page: 1,
  limit: 20,
  mine: false,
});

/** Far beyond any real list; keeps `skip` a safe integer whatever a pasted link says. */
const MAX_PAGE = 1_000_000;
const MAX_TEXT = 200;

/** Trimmed and cut to MAX_TEXT characters. */
const text = z.catch(
  z.codec(z.string(), z.string(), {
    decode: (value) => value.trim().slice(0, MAX_TEXT),
    encode: (value) => value.trim(),
  }),
  '',
);

/**
 * The list's declared search schema, one field per query parameter in the order links show
 * them. Unknown parameters are not kept: a change writes the whole view.
 */
export const listSearch = z.object({
  /** "1" (or "true" from older links). */
  mine: z.catch(
    z.codec(z.string(), z.boolean(), {
      decode: (value) => value === '1' || value === 'true',
      encode: (mine) => (mine ? '1' : ''),
    }),
    DEFAULT_VIEW.mine,
  ),
  /** Comma-separated; unknown statuses are kept (the server may use any), duplicates dropped. */
  status: z.catch(
    z.codec(z.string(), z.array(z.string()), {
      decode: (value) => [
        ...new Set(
          value
            .split(',')
            .map((status) => status.trim())
            .filter((status) => status && status.length <= MAX_TEXT),
        ),
      ],
      encode: (statuses) => statuses.join(','),
    }),
    () => [],
  ),
  workflow: text,
  q: text,
  sort: z.catch(z.enum(JOB_SORTS), DEFAULT_VIEW.sort),
  order: z.catch(z.enum(SORT_ORDERS), DEFAULT_VIEW.order),
  /** 1-based, digits only. */
  page: z.catch(
    z.codec(
      z.string().check(z.regex(/^\d+$/)),
      z.number().check(z.minimum(1), z.maximum(MAX_PAGE)),
      { decode: Number, encode: String },
    ),
    DEFAULT_VIEW.page,
  ),
  limit: z.catch(
    z.codec(z.string(), z.literal(PAGE_SIZES), {
      decode: (value) => Number(value) as PageSize,
      encode: String,
    }),
    DEFAULT_VIEW.limit,
  ),
});

/** The URL names the workflow `workflow`; the view and the API say `workflowId`. */
export function viewFromSearch({ workflow, ...rest }: SearchState<typeof listSearch>): JobListView {
  return { ...rest, workflowId: workflow };
}

export function searchFromView({
  workflowId,
  ...rest
}: JobListView): SearchState<typeof listSearch> {
  return { ...rest, workflow: workflowId };
}

export function parseJobListParams(search: URLSearchParams | string): JobListView {
  return viewFromSearch(readSearch(listSearch, search));
}

/** "?status=Active,Paused&q=pump" (defaults left out, stable order) or "" for the default view. */
export function jobListSearch(view: JobListView): string {
  return writeSearch(listSearch, searchFromView(view));
}

/** What the API is asked for this view. */
export function viewToFilters(view: JobListView): JobListFilters {
  return {
    status: view.status.length ? view.status : undefined,
    workflowId: view.workflowId || undefined,
    q: view.q || undefined,
    sort: view.sort,
    order: view.order,
    skip: (view.page - 1) * view.limit,
    limit: view.limit,
    mine: view.mine || undefined,
  };
}

type FilterKey = 'status' | 'workflowId' | 'q' | 'mine' | 'limit' | 'sort' | 'order';

/**
 * A view with some values changed. Changing what is listed (filters, sort, page size) goes back
 * to page 1, since the old page number means something else now; changing only `page` keeps it.
 */
export function updateView(
  view: JobListView,
  patch: Partial<Pick<JobListView, FilterKey>> | { page: number },
): JobListView {
  if ('page' in patch) return { ...view, page: Math.max(1, Math.min(MAX_PAGE, patch.page)) };
  return { ...view, ...patch, page: 1 };
}

/** True when any filter narrows the list (sort and paging do not count). */
export function hasFilters(view: JobListView): boolean {
  return view.status.length > 0 || !!view.workflowId || !!view.q || view.mine;
}

/** The same view with every filter cleared; sort and page size stay. */
export function clearFilters(view: JobListView): JobListView {
  return { ...view, status: [], workflowId: '', q: '', mine: false, page: 1 };
}
