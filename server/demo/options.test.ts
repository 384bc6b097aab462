import { describe, expect, it } from 'vitest';
import { DEFAULT_CURRENT_USER } from './catalog.ts';
import { simulatorOptionsFromEnv } from './options.ts';

describe('simulatorOptionsFromEnv', () => {
  it('defaults when unset or empty', () => {
    expect(simulatorOptionsFromEnv({ DEMO_SEED: '' })).toEqual({
      seed: 42,
      jobs: 60,
      bigLogLines: 100_000,
      logPageLimit: 2000,
      currentUser: DEFAULT_CURRENT_USER,
    });
  });

  it('reads every variable', () => {
    expect(
      simulatorOptionsFromEnv({
        DEMO_SEED: '7',
        DEMO_JOBS: '100000',
        DEMO_BIG_LOG_LINES: '20000',
        LOG_PAGE_LIMIT: '0',
        DEMO_USER: 'ops@example.com',
      }),
    ).toEqual({
      seed: 7,
      jobs: 100_000,
      bigLogLines: 20_000,
      logPageLimit: 0,
      currentUser: 'ops@example.com',
    });
  });

  it('throws naming each bad variable', () => {
    expect(() => simulatorOptionsFromEnv({ DEMO_JOBS: '100001', LOG_PAGE_LIMIT: '-5' })).toThrow(
      /DEMO_JOBS.*LOG_PAGE_LIMIT/,
    );
    expect(() => simulatorOptionsFromEnv({ DEMO_SEED: 'abc' })).toThrow(/DEMO_SEED/);
  });
});
