/** What every route needs from the simulator: the current world (replaced on reset) and time. */
import type { Faults } from './faults.ts';
import type { ResetSpec } from './spec.ts';
import type { World } from './world.ts';

/** Who a Jobs API token is, and which jobs it may see (set through /__demo/access). */
export interface TokenAccess {
  username: string;
  /** `all`: every job of the team; `own`: only the jobs of `username`. */
  sees: 'all' | 'own';
}

export interface SimContext {
  readonly world: World;
  readonly faults: Faults;
  /** Empty: any caller sees every job. Otherwise only these tokens are let in. */
  readonly access: Map<string, TokenAccess>;
  /** Requests each API answered since start. */
  readonly requests: { jobs: number; logs: number };
  /** The simulated present: never earlier than what the world has already reached. */
  time(): number;
  reset(spec: ResetSpec): void;
}
