/**
 * The store's tables, as Kysely sees them. Written for SQLite and PostgreSQL alike: integers for
 * times (ms since the epoch, 0 when unknown), text for the rest, no engine-specific types.
 */
/** One job index: the jobs one credential can list upstream. */
export interface JobIndexTable {
  /** `server`, `anonymous`, or a hash of a browser's token (never the token). */
  key: string;
  created_at: number;
  last_used_at: number;
  /** Complete passes over the upstream list so far. */
  passes: number;
  last_pass_at: number | null;
}

/** What the list needs of a job, one row per job and index; small, so scans stay cheap. */
export interface JobTable {
  idx: string;
  job_id: string;
  client_job_id: string | null;
  /** Lower-cased title, for sorting. */
  title_key: string;
  status: string;
  workflow_id: string | null;
  workflow_name: string | null;
  user_id: string | null;
  user_name: string | null;
  created: number;
  updated: number;
  /** Lower-cased title, id and user name, for `q`. */
  search: string;
  /** 1 once the status is Completed or Aborted: no longer re-read on the hot path. */
  terminal: number;
  /** The last complete pass that listed the job. */
  seen_pass: number;
  /** When the job was last read upstream (list or bson). */
  checked_at: number;
  /** A digest of the list body: an unchanged job is not written again. */
  digest: string;
}

/** The job as the list serves it: the upstream's JSON without its completed and cancelled steps. */
export interface JobBodyTable {
  idx: string;
  job_id: string;
  body: string;
}

/** One job's log as the gateway holds it (the log cache). */
export interface LogJobTable {
  /** The Job log API's id for the job. */
  job: string;
  /** The log API's job object (JSON) from its last answer; null before one. */
  log_job: string | null;
  progress: string | null;
  /** 1 once the job is over and its log was read a last time: never read again. */
  final: number;
  /** 1 when the log API answered `job: null`: not read again until asked. */
  missing: number;
  /** Every line up to this id is held (the next read asks after it); 0 before any. */
  served_to: number;
  lines: number;
  /** About what the lines take (text lengths plus a per-row overhead), for the cache's cap. */
  bytes: number;
  /** Bumped when lines already served turned out incomplete. */
  epoch: number;
  viewed_at: number;
  /** When the upstream last answered for this job. */
  read_at: number | null;
}

export interface LogLineTable {
  job: string;
  id: number;
  level: string | null;
  message: string | null;
  creation_date: string | null;
  last_update: string | null;
}

export interface StoreSchema {
  job_indexes: JobIndexTable;
  jobs: JobTable;
  job_bodies: JobBodyTable;
  log_jobs: LogJobTable;
  log_lines: LogLineTable;
}
