/**
 * Where a job's log lives in the Job log API. The two APIs are separate products: by default a
 * job's log is under its Jobs API `jobId`, and LOG_JOB_ID_FROM names another field of the job
 * (a dotted path such as `metadata.metadata.FuyukoJobId`), read from the job index.
 */
export type LogIdResolution =
  | { id: string }
  /** The job has no such field: there is no log to read. */
  | { id: null; reason: string }
  /** The job is not in the job index yet: ask again shortly. */
  | { retry: string };

export type LogIdResolver = (jobId: string) => Promise<LogIdResolution>;

export const DEFAULT_LOG_JOB_ID_FROM = 'jobId';

/** A dotted path of field names: letters, digits, `_` and `$`, at least one. */
export function parseLogJobIdPath(raw: string): string[] | null {
  const parts = raw.split('.');
  return parts.every((p) => /^[A-Za-z_$][\w$]{0,99}$/.test(p)) && parts.length <= 10 ? parts : null;
}

function dig(value: unknown, path: readonly string[]): unknown {
  let at = value;
  for (const part of path) {
    if (typeof at !== 'object' || at === null || Array.isArray(at)) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

/** Reads the id out of a job (the Jobs API's JSON); null when the field is absent or empty. */
export function logJobIdOf(job: unknown, path: readonly string[]): string | null {
  const value = dig(job, path);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/**
 * `bodyOf` finds the job's JSON in the job index; without an index only the default (`jobId`)
 * can be followed.
 */
export function logIdResolver(
  path: readonly string[],
  bodyOf: ((jobId: string) => Promise<string | undefined>) | null,
): LogIdResolver {
  const dotted = path.join('.');
  if (dotted === DEFAULT_LOG_JOB_ID_FROM) return async (jobId) => ({ id: jobId });
  return async (jobId) => {
    const body = bodyOf ? await bodyOf(jobId) : undefined;
    if (body === undefined) {
      return bodyOf
        ? { retry: `Jobscope has not read job ${jobId} from the Jobs API yet; it will shortly.` }
        : {
            id: null,
            reason: `LOG_JOB_ID_FROM=${dotted} needs the job index, which is off (JOBS_INDEX=off).`,
          };
    }
    const id = logJobIdOf(JSON.parse(body), path);
    if (id !== null) return { id };
    return {
      id: null,
      reason: `The job has no ${dotted}, where this server looks for its log's id (LOG_JOB_ID_FROM).`,
    };
  };
}
