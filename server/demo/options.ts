/** Simulator settings and their environment variables. */
import { DEFAULT_CURRENT_USER } from './catalog.ts';

export interface SimulatorOptions {
  /** DEMO_SEED, default 42. */
  seed: number;
  /** DEMO_JOBS, default 60, max 100,000. */
  jobs: number;
  /** DEMO_BIG_LOG_LINES, default 100,000: the "Nightly reindex" job's history at start. */
  bigLogLines: number;
  /** Whose jobs `GET /jobs/v1/my/` answers (DEMO_USER; default a demo operator with several jobs). */
  currentUser?: string;
  /** Clock injection for tests (default Date.now). */
  now?: () => number;
  /** Default true: a timer advances the world; tests pass false and call advance(). */
  autoTick?: boolean;
}

export const MAX_JOBS = 100_000;
export const MAX_BIG_LOG_LINES = 10_000_000;

export const DEFAULT_OPTIONS = {
  seed: 42,
  jobs: 60,
  bigLogLines: 100_000,
} as const;

/** Parses DEMO_SEED, DEMO_JOBS, DEMO_BIG_LOG_LINES and DEMO_USER; throws on bad values. */
export function simulatorOptionsFromEnv(env: Record<string, string | undefined>): SimulatorOptions {
  const problems: string[] = [];
  const integer = (name: string, fallback: number, max: number) => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(value) || value > max) {
      problems.push(`${name} must be an integer from 0 to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const options: SimulatorOptions = {
    seed: integer('DEMO_SEED', DEFAULT_OPTIONS.seed, 0xffffffff),
    jobs: integer('DEMO_JOBS', DEFAULT_OPTIONS.jobs, MAX_JOBS),
    bigLogLines: integer('DEMO_BIG_LOG_LINES', DEFAULT_OPTIONS.bigLogLines, MAX_BIG_LOG_LINES),
    currentUser: env.DEMO_USER?.trim() || DEFAULT_CURRENT_USER,
  };
  if (problems.length) throw new Error(problems.join('; '));
  return options;
}
