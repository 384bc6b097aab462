/**
 * How the e2e servers' job index follows the simulator: the production code path at a brisker
 * pace than the defaults (60 s between passes, 5 s hot ticks), so a test sees a change in about
 * a second rather than waiting the defaults out.
 */
export const E2E_SYNC = {
  JOBS_SYNC_INTERVAL_MS: '2000',
  JOBS_SYNC_HOT_MS: '500',
  JOBS_SYNC_RATE: '50',
} as const;
