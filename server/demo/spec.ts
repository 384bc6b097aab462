/**
 * Bodies of the /__demo control routes, as zod schemas. The e2e fixtures import the inferred
 * types, so the test client and the simulator agree on every field.
 */
import { z } from 'zod';
import { DEMO_LIMITS, limitMessage } from './limits.ts';

const count = (max: number) => z.number().int().min(0).max(max);
const historyLines = (what: string) =>
  z
    .number()
    .int()
    .min(0)
    .max(DEMO_LIMITS.historyLinesPerJob, {
      message: limitMessage(what, DEMO_LIMITS.historyLinesPerJob),
    });
/** A number with a cap whose message names the limit. */
const capped = (max: number, what: string) =>
  z
    .number()
    .int()
    .min(1)
    .max(max, { message: limitMessage(what, max) });
const rate = z.number().min(0).max(1);

export const resetSpecSchema = z.strictObject({
  seed: z.number().int().min(0).max(0xffffffff).optional(),
  jobs: count(100_000).optional(),
  bigLogLines: historyLines('bigLogLines').optional(),
});
export type ResetSpec = z.infer<typeof resetSpecSchema>;

/** A job made to order. Created jobs advance and log while Active, but never pause or fail on their own. */
export const jobSpecSchema = z.strictObject({
  title: z.string().min(1).max(500).optional(),
  /** A known workflow, or any id (an ad-hoc workflow is made for it). */
  workflowId: z.string().min(1).max(200).optional(),
  /** Any string: `Active` (default), `Paused`, `Completed`, `Aborted`, or e.g. `Quarantined`. */
  status: z.string().min(1).max(100).optional(),
  /** Number of steps (default: the workflow's). */
  steps: capped(DEMO_LIMITS.stepsPerJob, 'steps per job').optional(),
  /** How long each completed step ran, in seconds (default 30): long steps spread a history. */
  stepSeconds: z.number().int().min(1).max(86_400).optional(),
  /** 1-based step in progress (default 1); steps before it are completed. */
  currentStep: capped(DEMO_LIMITS.stepsPerJob, 'steps per job').optional(),
  /** Every step gets this type (any string); default: the workflow's types. */
  stepType: z.string().min(1).max(100).optional(),
  username: z.string().min(1).max(200).optional(),
  team: z.string().min(1).max(200).optional(),
  /** Lines already in the log when the job appears (default 0). */
  historicalLogs: historyLines('historicalLogs per job').optional(),
  /** Lines per second while Active and running (default 2; 0 = none). */
  logRate: z.number().min(0).max(1000).optional(),
  /** false = frozen: the engine never changes the job (default true). */
  running: z.boolean().optional(),
  /** Log-API progress override (default: derived from the status). */
  progress: z.string().min(1).max(100).optional(),
  /**
   * The job's log lives under this id in the Job log API (the Jobs API says so in
   * `metadata.metadata.FuyukoJobId`); by default it is under the jobId.
   */
  logJobId: z.string().min(1).max(200).optional(),
});
export type JobSpec = z.infer<typeof jobSpecSchema>;

const logEntrySchema = z.strictObject({
  level: z.string().min(1).max(50),
  message: z.string().max(100_000),
});

export const appendLogsSchema = z.union([
  z.strictObject({ count: capped(DEMO_LIMITS.linesPerCall, 'lines per call').optional() }),
  z.strictObject({
    entries: z
      .array(logEntrySchema)
      .min(1)
      .max(DEMO_LIMITS.linesPerCall, {
        message: limitMessage('lines per call', DEMO_LIMITS.linesPerCall),
      }),
  }),
]);
export type AppendLogsSpec = z.infer<typeof appendLogsSchema>;

export interface AppendLogsResult {
  appended: number;
  firstId: number | null;
  lastId: number | null;
}

export const statusSpecSchema = z.strictObject({
  status: z.string().min(1).max(100).optional(),
  progress: z.string().min(1).max(100).nullable().optional(),
  abandonReason: z.string().max(1000).nullable().optional(),
});
export type StatusSpec = z.infer<typeof statusSpecSchema>;

const faultFields = {
  /** Share of requests answered with `errorStatus` (default 500). */
  errorRate: rate.optional(),
  errorStatus: z.number().int().min(400).max(599).optional(),
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  /** Share of 2xx answers cut short: status 200, truncated JSON. */
  malformedRate: rate.optional(),
  /** Share of 2xx answers replaced by well-formed JSON that breaks the API's schema. */
  schemaRate: rate.optional(),
  /** The API now requires this token (jobs: `Authorization: Bearer`, logs: `x-auth-jwt`); null clears. */
  token: z.string().min(1).max(1000).nullable().optional(),
  /** Error answers quote the request, credentials included, in several encodings (echo.ts). */
  echoRequest: z.boolean().optional(),
};

export const jobsFaultSpecSchema = z.strictObject({
  ...faultFields,
  /** Shape of `GET /jobs/v1/bson/{id}`: an array of one job (default) or the job itself. */
  bson: z.enum(['array', 'object']).optional(),
});
export type JobsFaultSpec = z.infer<typeof jobsFaultSpecSchema>;

export const logsFaultSpecSchema = z.strictObject({
  ...faultFields,
  /** Answers also repeat logs already sent (overlapping ranges). */
  duplicates: z.boolean().optional(),
  /** Logs in random order (the upstream query has no ORDER BY). */
  shuffle: z.boolean().optional(),
  /** Adds one log row whose fields are all null. */
  nullRow: z.boolean().optional(),
  envelope: z.enum(['documented', 'messages']).optional(),
});
export type LogsFaultSpec = z.infer<typeof logsFaultSpecSchema>;

/** `PUT /__demo/access`: who each Jobs API token is and what it sees; `{}` lets anyone in. */
export const accessSpecSchema = z.strictObject({
  tokens: z.record(
    z.string().min(1).max(1000),
    z.strictObject({ username: z.string().min(1).max(200), sees: z.enum(['all', 'own']) }),
  ),
});
export type AccessSpec = z.infer<typeof accessSpecSchema>;

/** Faults in the gateway's answers to the browser (simulator mode only). */
const edgeFaultsSchema = z.strictObject({
  jobs: jobsFaultSpecSchema.optional(),
  logs: logsFaultSpecSchema.optional(),
});

export const faultsPatchSchema = z.strictObject({
  /** At the upstream double: what the gateway reads. */
  jobs: jobsFaultSpecSchema.optional(),
  logs: logsFaultSpecSchema.optional(),
  /** At the browser-facing edge: what the app reads. */
  edge: edgeFaultsSchema.optional(),
  /** Scope to requests about this job (by jobId or clientJobId); unscoped = every request. */
  jobId: z.string().min(1).max(200).optional(),
});
export type FaultsPatch = z.infer<typeof faultsPatchSchema>;

/** What `GET /__demo/state` reports about faults. */
interface FaultLayers {
  jobs: JobsFaultSpec;
  logs: LogsFaultSpec;
  edge: { jobs: JobsFaultSpec; logs: LogsFaultSpec };
}

export interface FaultsState extends FaultLayers {
  byJob: Record<string, FaultLayers>;
}

export interface DemoState {
  seed: number;
  /** The configured population size. */
  jobs: number;
  /** Jobs in the world now (fresh ones come as others finish; capped). */
  population: number;
  bigLogLines: number;
  faults: FaultsState;
  now: string;
  nowMs: number;
  currentUser: string;
  workflows: { workflowId: string; workflowVersionId: string; name: string }[];
  users: string[];
  teams: string[];
  /** The job holding the big log. */
  bigLogJobId: string | null;
  /** Requests each upstream double answered since start (what the gateway costs the upstream). */
  requests: { jobs: number; logs: number };
}
