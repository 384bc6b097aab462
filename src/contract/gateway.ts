/**
 * What Jobscope's gateway adds to the Jobs API (the upstream has none of it): list filters,
 * sort and totals served from its job index, counts per status, the workflows in the index, and
 * the index's freshness. No side effects on import.
 */
import { z } from 'zod/mini';

export const JOB_SORTS = ['updated', 'created', 'title', 'status'] as const;
export type JobSort = (typeof JOB_SORTS)[number];

/** The most jobs one list page holds. */
export const MAX_PAGE_SIZE = 100;

/** `GET /jobs/v1/counts`: jobs per status for the current filters. */
export const jobCountsSchema = z.object({
  total: z.number(),
  statuses: z.record(z.string(), z.number()),
});
export type JobCounts = z.infer<typeof jobCountsSchema>;

/** `GET /jobs/v1/workflows`: every workflow in the index, with its number of jobs. */
export const workflowSummarySchema = z.object({
  workflowId: z.string(),
  name: z.nullable(z.string()),
  jobs: z.number(),
});
export const workflowListSchema = z.array(workflowSummarySchema);
export type WorkflowSummary = z.infer<typeof workflowSummarySchema>;

const timeText = z.nullable(z.string());

/**
 * `GET /jobs/v1/freshness`: what the list can honestly claim. With the index off, the list is
 * the upstream's own pages: no filter, sort, total or count.
 */
export const freshnessSchema = z.union([
  z.object({
    index: z.literal('off'),
    reason: z.string(),
    /** "My jobs" through the upstream's own `/my/`, when the caller signs in as themselves. */
    mine: z.object({ available: z.boolean(), reason: z.nullable(z.string()) }),
  }),
  z.object({
    index: z.literal('on'),
    /** Jobs held now. */
    jobs: z.number(),
    /** The first complete pass over the upstream list is still running. */
    firstPass: z.boolean(),
    /** Pages and jobs read by the pass in progress (null when none runs). */
    pass: z.nullable(z.object({ pages: z.number(), jobs: z.number() })),
    /** When the last complete pass ended. */
    lastPassAt: timeText,
    /** When the upstream last answered a sync request. */
    lastReadAt: timeText,
    lastError: z.nullable(z.object({ message: z.string(), at: z.string() })),
    /** Jobs of the last pass that failed the contract and were left out. */
    skipped: z.number(),
    /** How often every unfinished job is re-read, in seconds (null before the first round). */
    recheckSeconds: z.nullable(z.number()),
    mine: z.object({ available: z.boolean(), reason: z.nullable(z.string()) }),
  }),
]);
export type Freshness = z.infer<typeof freshnessSchema>;
