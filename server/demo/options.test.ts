import { describe, expect, it } from 'vitest';
import { DEFAULT_CURRENT_USER } from './catalog.ts';
import { simulatorOptionsFromEnv } from './options.ts';

describe('simulatorOptionsFromEnv', () => {
  it('defaults when unset or empty', () => {
    expect(simulatorOptionsFromEnv({ DEMO_SEED: '' })).toEqual({
      seed: 42,
      jobs: 60,
      bigLogLines: 100_000,
      currentUser: DEFAULT_CURRENT_USER,
    });
  });

  it('reads every variable', () => {
    expect(
      simulatorOptionsFromEnv({
        DEMO_SEED: '7',
        DEMO_JOBS: '100000',
        DEMO_BIG_LOG_LINES: '20000',
        DEMO_USER: 'ops@example.com',
      }),
    ).toEqual({
      seed: 7,
      jobs: 100_000,
      bigLogLines: 20_000,
      currentUser: 'ops@example.com',
    });
  });

  it('throws naming each bad variable', () => {
    expect(() =>
      simulatorOptionsFromEnv({ DEMO_JOBS: '100001', DEMO_BIG_LOG_LINES: '-5' }),
    ).toThrow(/DEMO_JOBS.*DEMO_BIG_LOG_LINES/);
    expect(() => simulatorOptionsFromEnv({ DEMO_SEED: 'abc' })).toThrow(/DEMO_SEED/);
  });
});
