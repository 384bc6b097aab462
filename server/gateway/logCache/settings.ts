/**
 * The log cache's settings and their defaults. A module of its own, importing nothing, so that
 * config.ts can read the defaults without loading the tail (which needs config's types).
 */
export interface LogCacheSettings {
  /** Between reads of a watched job (the app's poll interval). */
  pollMs: number;
  /** A job is tailed while someone viewed it this recently. */
  viewTtlMs: number;
  /** The cap on what the cache holds (LOG_CACHE_MAX_BYTES). */
  maxBytes: number;
  /** A read fails when no byte came for this long. */
  progressMs: number;
  /** Lines per browser answer. */
  pageLines: number;
  /** Lines written per transaction during a read. */
  batchLines: number;
  /** How long the upstream's yes to a token for a job is remembered. */
  confirmMs: number;
  maxErrorDelayMs: number;
}

export const DEFAULT_LOG_CACHE: LogCacheSettings = {
  pollMs: 2_000,
  viewTtlMs: 30_000,
  maxBytes: 2 * 1024 ** 3,
  progressMs: 30_000,
  pageLines: 2_000,
  batchLines: 2_000,
  confirmMs: 60_000,
  maxErrorDelayMs: 30_000,
};
