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

/**
 * The log answers' `gateway` field (beside the Job log API's envelope): where the gateway's copy
 * of the job's log stands. Absent when the log cache is off (LOG_CACHE=off).
 * - `reading`: the first (or a big) upstream read is under way; pages hold what is stored so far.
 * - `live`: the gateway tails the job upstream; pages are complete up to `X-Last-Log-Id`.
 * - `final`: the job is over (COMPLETED or FAILED) and its log was read one last time.
 * - `missing`: the Job log API has no log for this job (`logJobId` says which id was asked for,
 *   null when the job has no such field); not read again until a request says `recheck=1`.
 */
export const LOG_GATEWAY_STATES = ['reading', 'live', 'final', 'missing'] as const;
export type LogGatewayState = (typeof LOG_GATEWAY_STATES)[number];

export const logGatewaySchema = z.object({
  state: z.enum(LOG_GATEWAY_STATES),
  /**
   * Changes when lines already served turned out to be incomplete (an upstream that sent an
   * older line late): a client that holds lines of another epoch reads the log again.
   */
  epoch: z.number(),
  /** While reading: lines read from the upstream so far in this read; else null. */
  linesRead: z.nullable(z.number()),
  /** The id asked of the Job log API (LOG_JOB_ID_FROM may map it); null when unknown. */
  logJobId: z.nullable(z.string()),
  /** Why there is no log (`missing`), or the last upstream failure while serving what is held. */
  reason: z.nullable(z.string()),
  /** When the upstream last answered for this job (ISO), null before it ever did. */
  readAt: z.nullable(z.string()),
  /** This answer was held until new lines came, so the client may ask again at once. */
  longPoll: z.boolean(),
});
export type LogGatewayStatus = z.infer<typeof logGatewaySchema>;

/** Query parameters of the log route that the gateway reads (never sent upstream). */
export const LOG_WAIT_PARAM = 'wait';
export const LOG_RECHECK_PARAM = 'recheck';
/** The longest a log request may be held for new lines, in seconds. */
export const MAX_LOG_WAIT_SECONDS = 10;
/** The most lines one log answer of the gateway holds. */
export const LOG_PAGE_MAX_LINES = 2_000;
