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

export interface StoreSchema {
  job_indexes: JobIndexTable;
  jobs: JobTable;
  job_bodies: JobBodyTable;
}
