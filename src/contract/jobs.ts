/**
 * The Jobs API (WorkfloPlus-shaped) on the wire: zod schemas and their inferred types, read by
 * the browser, the gateway and the simulator alike. No side effects on import.
 *
 * Tolerant where the upstream is loose (nulls everywhere, unknown status and step-type strings
 * kept as strings, numbers that sometimes arrive as strings, the bson endpoint answering an array
 * or an object), strict where a wrong shape means a broken server (a job without a `jobId`).
 */
import { z } from 'zod/mini';

/** A string field that real data often leaves out or sets to null. */
const text = z.nullish(z.string());
/** Upstream numbers sometimes arrive as numeric strings; keep either, never fail on it. */
const numberish = z.nullish(z.union([z.number(), z.string()]));
const record = z.record(z.string(), z.unknown());

/** One step of a workflow job: the current `singleStep` or an entry of completed/cancelled. */
export const stepSchema = z.looseObject({
  stepId: text,
  uniqueStepId: text,
  previousUniqueStepId: text,
  stepNumber: numberish,
  stepTitle: text,
  stepDescription: text,
  /** `Text`, `ConfirmStep`, `Checklist`, `Number`, `Photo`, `Signature`, or anything else. */
  stepType: text,
  userId: text,
  userName: text,
  deviceId: text,
  started: text,
  completed: text,
  updated: text,
  cancelled: text,
  /** ISO timestamp -> event code (0 became active, 1 paused, 2 completed; others kept raw). */
  timeEvents: z.nullish(z.record(z.string(), z.union([z.number(), z.string(), z.null()]))),
  note: text,
  values: z.nullish(z.array(z.unknown())),
  coordinates: z.optional(z.unknown()),
  parentStepId: text,
  parentUniqueStepId: text,
  parentStepTitle: text,
  parentStepDescription: text,
  metadata: z.nullish(record),
});
export type Step = z.infer<typeof stepSchema>;

export const jobMetadataSchema = z.looseObject({
  clientJobId: text,
  workflowId: text,
  workflowVersionId: text,
  jobTitle: text,
  /** Free key/value data, e.g. `ScheduledJobId`, `ScheduledTaskId`. */
  metadata: z.nullish(record),
  created: text,
  updated: text,
  modified: text,
  /** `Active`, `Paused`, `Completed`, `Aborted`, or any other string (shown raw). */
  status: text,
  userId: text,
  username: text,
  workflowName: text,
  abandonReason: text,
  currentStep: z.nullish(
    z.looseObject({
      singleStep: z.nullish(stepSchema),
      reportStep: z.optional(z.unknown()),
    }),
  ),
});
export type JobMetadata = z.infer<typeof jobMetadataSchema>;

/** A workflow job from the Jobs API. */
export const workflowJobSchema = z.looseObject({
  jobId: z.string(),
  metadata: jobMetadataSchema,
  completedSteps: z.nullish(z.array(stepSchema)),
  cancelledSteps: z.nullish(z.array(stepSchema)),
  team: text,
  hierarchyStack: z.optional(z.unknown()),
  packetIds: z.nullish(z.array(z.unknown())),
  jobExclusion: z.nullish(z.array(z.unknown())),
  excluded: z.nullish(z.boolean()),
});
export type WorkflowJob = z.infer<typeof workflowJobSchema>;

/**
 * What a list row needs of a job: all of it but the completed and cancelled steps (most of its
 * size), which only the detail page reads. The gateway's job index checks and keeps this much.
 */
export const jobSummarySchema = z.omit(workflowJobSchema, {
  completedSteps: true,
  cancelledSteps: true,
});
export type JobSummary = z.infer<typeof jobSummarySchema>;

export const jobListSchema = z.array(workflowJobSchema);
export type JobList = z.infer<typeof jobListSchema>;

/** `GET /jobs/v1/bson/{jobId}`: the doc shows an array, a known client reads an object. */
export const bsonJobSchema = z.union([jobListSchema, workflowJobSchema]);

/** The Jobs API's (and the bundled server's) JSON error body. */
export const jobsApiErrorSchema = z.looseObject({
  message: z.string(),
  error: text,
});
