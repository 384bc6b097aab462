/**
 * Wire formats of the two job APIs, as zod schemas with their inferred types.
 *
 * Tolerant where the upstreams are loose (nulls everywhere, unknown status and step-type
 * strings kept as strings, numbers that sometimes arrive as strings, the bson endpoint
 * answering an array or an object), strict where a wrong shape means a broken server
 * (a job without a `jobId`, a log envelope without a `payload`).
 *
 * The bundled server imports the *types* from here (never the other way round), so the
 * simulator and the client cannot drift apart.
 */
import { z } from 'zod/mini';

// The CSP forbids eval: zod's JIT would probe `new Function`, which a strict CSP reports as a
// violation even though zod catches the error. Jitless parsing is plenty fast for our payloads.
// zod/mini keeps the bundle small; English messages make schema errors readable in the UI.
z.config({ jitless: true, ...z.locales.en() });

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

export const jobListSchema = z.array(workflowJobSchema);
export type JobList = z.infer<typeof jobListSchema>;

/** `GET /jobs/v1/bson/{jobId}`: the doc shows an array, a known client reads an object. */
export const bsonJobSchema = z.union([jobListSchema, workflowJobSchema]);

/** `GET /jobs/v1/counts` (bundled server only): jobs per status for the current filters. */
export const jobCountsSchema = z.object({
  total: z.number(),
  statuses: z.record(z.string(), z.number()),
});
export type JobCounts = z.infer<typeof jobCountsSchema>;

/** The job as the Job log API describes it. */
export const logJobSchema = z.looseObject({
  id: z.union([z.number(), z.string()]),
  name: text,
  description: text,
  /** `ENABLED` | `DISABLED` | `DELETED` */
  status: text,
  /** `SCHEDULED` | `IN_PROGRESS` | `COMPLETED` | `FAILED` */
  progress: text,
  creationDate: text,
  lastUpdate: text,
});
export type LogJob = z.infer<typeof logJobSchema>;

/** A log row as sent: a job with no logs can send one row whose fields are all null. */
export const rawLogSchema = z.looseObject({
  id: z.nullable(z.union([z.number(), z.string()])),
  level: text,
  message: text,
  creationDate: text,
  lastUpdate: text,
});
export type RawLog = z.infer<typeof rawLogSchema>;

export const logPayloadSchema = z.object({
  job: z.nullable(logJobSchema),
  logs: z.nullish(z.array(rawLogSchema)),
});
export type LogPayload = z.infer<typeof logPayloadSchema>;

const logMessageSchema = z.looseObject({ status: text, message: text });

/** Both envelopes seen upstream: documented `{status, message, payload}`, newer `{messages[], payload}`. */
export const logEnvelopeSchema = z.union([
  z.looseObject({ status: z.string(), message: text, payload: logPayloadSchema }),
  z.looseObject({ messages: z.array(logMessageSchema), payload: logPayloadSchema }),
]);
export type LogEnvelope = z.infer<typeof logEnvelopeSchema>;

/** A normalised log line: what the app holds after dropping null rows and sorting by id. */
export interface LogLine {
  id: number;
  level: string;
  message: string;
  creationDate: string | null;
}

/** The Job log API's 401/400 body: `{ context, errors: [{ msg, location }] }`. */
export const logApiErrorSchema = z.looseObject({
  context: z.optional(z.unknown()),
  errors: z.array(z.looseObject({ msg: text, location: text })),
});

/** The Jobs API's (and the bundled server's) JSON error body. */
export const jobsApiErrorSchema = z.looseObject({
  message: z.string(),
  error: text,
});
