import { parseConfig, type ServerConfig } from './config.ts';
import { createSimulator, simulatorOptionsFromEnv, type Simulator } from './demo/index.ts';
import { JobIndexes } from './gateway/jobIndex/registry.ts';
import { IndexedJobs } from './gateway/jobIndex/serve.ts';
import { upstreamLimitsOf, upstreamsFor } from './gateway/upstreams.ts';
import { openStore, type Store } from './store/database.ts';
import { JobIndexStore } from './store/jobQueries.ts';
import { LogLineStore } from './store/logLines.ts';
import { LogCache } from './gateway/logCache/cache.ts';
import { logIdResolver } from './gateway/logCache/logJobId.ts';

export interface Runtime {
  config: ServerConfig;
  /** Running when at least one API is simulated. */
  simulator: Simulator | undefined;
  /** The job index's answers, when JOBS_INDEX is on. */
  indexed: IndexedJobs | undefined;
  /** The indexes behind them (tests and benchmarks watch their syncs). */
  jobIndexes: JobIndexes | undefined;
  /** The log cache, when LOG_CACHE is on. */
  logCache: LogCache | undefined;
  /** Stops the simulator and the syncs, closes the store. */
  stop(): Promise<void>;
}

/**
 * Reads the environment (throws ConfigError on bad values). `projectRoot` anchors a relative
 * DATA_DIR; the entry points pass the project's (entry.ts, which tests in a browser-like
 * environment cannot load).
 */
export function readConfig(
  env: NodeJS.ProcessEnv = process.env,
  projectRoot = process.cwd(),
): ServerConfig {
  return parseConfig(env, simulatorOptionsFromEnv, projectRoot);
}

/** Starts what the configuration asks for: the simulator, the store, the job index and the log cache. */
export async function startRuntime(config: ServerConfig): Promise<Runtime> {
  const simulator = config.simulator ? createSimulator(config.simulator) : undefined;
  let store: Store | undefined;
  let indexes: JobIndexes | undefined;
  let logCache: LogCache | undefined;
  if (config.jobsIndex || config.logCache) store = await openStore(config.dataDir);
  const jobStore = store ? new JobIndexStore(store.db) : undefined;
  if (config.jobsIndex && jobStore) {
    indexes = new JobIndexes({
      store: jobStore,
      upstream: upstreamsFor(config, simulator).jobs,
      limits: upstreamLimitsOf(config),
      settings: config.sync,
      idleMs: config.indexIdleMs,
    });
    await indexes.startShared();
  }
  if (config.logCache && store) {
    const limits = upstreamLimitsOf(config);
    logCache = new LogCache({
      store: new LogLineStore(store),
      upstream: upstreamsFor(config, simulator).logs,
      settings: config.logSettings,
      secrets: limits.secrets,
      resolveLogId: logIdResolver(
        config.logJobIdFrom,
        config.jobsIndex && jobStore ? (jobId) => jobStore.anyBody(jobId) : null,
      ),
    });
    if (config.logs === null && simulator) {
      // A simulated log API is a new upstream at each start and each reset: what the store
      // held of the last one would be other lines under the same ids.
      await logCache.clear();
      const cache = logCache;
      simulator.onReset(() => void cache.clear());
    }
  }
  return {
    config,
    simulator,
    indexed: indexes ? new IndexedJobs(indexes) : undefined,
    jobIndexes: indexes,
    logCache,
    async stop() {
      indexes?.stop();
      await logCache?.stop();
      simulator?.stop();
      await store?.close();
    },
  };
}
