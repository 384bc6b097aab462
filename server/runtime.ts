import { parseConfig, type ServerConfig } from './config.ts';
import { createSimulator, simulatorOptionsFromEnv, type Simulator } from './demo/index.ts';

export interface Runtime {
  config: ServerConfig;
  /** Running when at least one API is simulated. */
  simulator: Simulator | undefined;
}

/** Reads the environment (throws ConfigError on bad values) and starts the simulator if needed. */
export function createRuntime(env: NodeJS.ProcessEnv = process.env): Runtime {
  const config = parseConfig(env, simulatorOptionsFromEnv);
  const simulator = config.simulator ? createSimulator(config.simulator) : undefined;
  return { config, simulator };
}
