/** What every route needs from the simulator: the current world (replaced on reset) and time. */
import type { Faults } from './faults.ts';
import type { ResetSpec } from './spec.ts';
import type { World } from './world.ts';

export interface SimContext {
  readonly world: World;
  readonly faults: Faults;
  /** The simulated present: never earlier than what the world has already reached. */
  time(): number;
  logPageLimit: number;
  reset(spec: ResetSpec): void;
}
