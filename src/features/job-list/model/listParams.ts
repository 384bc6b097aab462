/**
 * The job list's view state <-> its URL query. Every view an operator would share (filters,
 * sort, page, page size) lives in the URL; invalid or unknown values fall back to the defaults
 * without an error, and defaults are left out so links stay short.
 */
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

function oneOf<T extends string | number>(allowed: readonly T[], value: unknown, fallback: T): T {
  return (allowed as readonly unknown[]).includes(value) ? (value as T) : fallback;
}

function parseStatuses(value: string | null): string[] {
  if (!value) return [];
  const seen = new Set<string>();
  for (const part of value.split(',')) {
    const status = part.trim();
    if (status && status.length <= MAX_TEXT) seen.add(status);
  }
  return [...seen];
}

function parsePage(value: string | null): number {
  if (value === null || !/^\d+$/.test(value)) return 1;
  const page = Number(value);
  return page >= 1 && page <= MAX_PAGE ? page : 1;
}

function parseText(value: string | null): string {
  const text = value?.trim() ?? '';
  return text.length <= MAX_TEXT ? text : text.slice(0, MAX_TEXT);
}

export function parseJobListParams(search: URLSearchParams | string): JobListView {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const limit = Number(params.get('limit'));
  const mine = params.get('mine');
  return {
    status: parseStatuses(params.get('status')),
    workflowId: parseText(params.get('workflow')),
    q: parseText(params.get('q')),
    sort: oneOf(JOB_SORTS, params.get('sort'), DEFAULT_VIEW.sort),
    order: oneOf(SORT_ORDERS, params.get('order'), DEFAULT_VIEW.order),
    page: parsePage(params.get('page')),
    limit: oneOf(PAGE_SIZES, limit, DEFAULT_VIEW.limit),
    mine: mine === '1' || mine === 'true',
  };
}

/** The query string for a view, defaults left out, in a stable order. */
export function serializeJobListParams(view: JobListView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.mine) params.set('mine', '1');
  if (view.status.length) params.set('status', view.status.join(','));
  if (view.workflowId) params.set('workflow', view.workflowId);
  if (view.q.trim()) params.set('q', view.q.trim());
  if (view.sort !== DEFAULT_VIEW.sort) params.set('sort', view.sort);
  if (view.order !== DEFAULT_VIEW.order) params.set('order', view.order);
  if (view.page !== DEFAULT_VIEW.page) params.set('page', String(view.page));
  if (view.limit !== DEFAULT_VIEW.limit) params.set('limit', String(view.limit));
  return params;
}

/** "?status=Active,Paused&q=pump" (commas kept readable) or "" for the default view. */
export function jobListSearch(view: JobListView): string {
  const query = serializeJobListParams(view).toString().replace(/%2C/gi, ',');
  return query ? `?${query}` : '';
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
