/**
 * The roots of the query cache's keys, general to specific, so invalidating a prefix reaches
 * everything below it. Each feature extends its own root (the list's filters, a job's log); an
 * abort in the detail page reaches the list through these roots without importing the list.
 */
export const jobKeys = {
  all: ['jobs'] as const,
  lists: () => [...jobKeys.all, 'list'] as const,
  allCounts: () => [...jobKeys.all, 'counts'] as const,
  details: () => [...jobKeys.all, 'detail'] as const,
  detail: (jobId: string) => [...jobKeys.details(), jobId] as const,
};

/** A job's log has its own root: refetching a job never touches its log, nor the other way. */
export const logKeys = {
  all: ['logs'] as const,
  job: (jobId: string) => [...logKeys.all, jobId] as const,
};
