/**
 * The Job log API (Fuyuko-shaped) on the wire: zod schemas and their inferred types. No side
 * effects on import.
 */
import { z } from 'zod/mini';

/** A string field that real data often leaves out or sets to null. */
const text = z.nullish(z.string());

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

/** The Job log API's 401/400 body: `{ context, errors: [{ msg, location }] }`. */
export const logApiErrorSchema = z.looseObject({
  context: z.optional(z.unknown()),
  errors: z.array(z.looseObject({ msg: text, location: text })),
});
