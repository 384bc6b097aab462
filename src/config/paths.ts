/** Every in-app URL is built here, so links and navigations agree on the shape. */
export const paths = {
  home: () => '/',
  /** The job list, optionally with its query string ("?status=Active&page=2" or "status=..."). */
  jobs: (search = '') => (search && !search.startsWith('?') ? `/jobs?${search}` : `/jobs${search}`),
  job: (jobId: string) => `/jobs/${encodeURIComponent(jobId)}`,
  /** The job's log, opened at the lines written while one step ran. */
  jobStepLog: (jobId: string, stepId: string) =>
    `/jobs/${encodeURIComponent(jobId)}?tab=log&step=${encodeURIComponent(stepId)}`,
  /** The job's log, opened at one line (its permalink hash). */
  jobLogLine: (jobId: string, lineId: number) =>
    `/jobs/${encodeURIComponent(jobId)}?tab=log#L${lineId}`,
} as const;

/**
 * Router state a job link from the list carries, so the detail page's breadcrumb returns to the
 * exact list view (filters, sort, page). A direct visit or a new tab has none: back to `/jobs`.
 */
export interface JobLinkState {
  fromList?: string;
}
