import { describe, expect, it } from 'vitest';
import type { SimulatorOptions } from './demo/index.ts';
import { ConfigError, describeMode, isDemoEnabled, parseConfig } from './config.ts';

const simOptions: SimulatorOptions = { seed: 7, jobs: 5, bigLogLines: 100 };
const readSim = () => simOptions;
const parse = (env: Record<string, string>) => parseConfig(env, readSim);

function problemsOf(env: Record<string, string>, reader = readSim): string {
  try {
    parseConfig(env, reader);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('defaults to port 8080 on loopback, both APIs simulated, /__demo for local clients', () => {
    const config = parse({});
    expect(config).toEqual({
      port: 8080,
      host: '127.0.0.1',
      allowedHosts: new Set(['localhost', '127.0.0.1', '[::1]']),
      jobs: null,
      logs: null,
      proxyTimeoutMs: 30_000,
      upstreamMaxBytes: 64 * 1024 * 1024,
      maxBodyBytes: 1024 * 1024,
      demoOpen: false,
      jobsIndex: true,
      dataDir: expect.stringMatching(/\/data$/),
      sync: { pageSize: 100, ratePerSecond: 10, passIntervalMs: 60_000, hotIntervalMs: 5_000 },
      indexIdleMs: 15 * 60_000,
      logCache: true,
      logSettings: {
        pollMs: 2_000,
        viewTtlMs: 30_000,
        maxBytes: 2 * 1024 ** 3,
        progressMs: 30_000,
        pageLines: 2_000,
        batchLines: 2_000,
        confirmMs: 60_000,
        maxErrorDelayMs: 30_000,
      },
      logJobIdFrom: ['jobId'],
      simulator: simOptions,
    });
    expect(isDemoEnabled(config)).toBe(true);
    expect(describeMode(config)).toBe('simulator');
  });

  it('reads every variable', () => {
    const config = parse({
      PORT: '3000',
      HOST: '127.0.0.1',
      JOBS_API_URL: 'https://jobs.example/base/',
      JOBS_API_TOKEN: 'jt',
      LOGS_API_URL: 'http://logs.example:8081',
      PROXY_TIMEOUT_MS: '500',
      MAX_BODY_BYTES: '2048',
    });
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.jobs?.url.href).toBe('https://jobs.example/base');
    expect(config.jobs?.token).toBe('jt');
    expect(config.logs?.url.href).toBe('http://logs.example:8081/');
    expect(config.logs?.token).toBeUndefined();
    expect(config.proxyTimeoutMs).toBe(500);
    expect(config.maxBodyBytes).toBe(2048);
    expect(config.simulator).toBeNull();
    expect(isDemoEnabled(config)).toBe(false);
    expect(describeMode(config)).toBe(
      'proxy: jobs -> https://jobs.example/base, logs -> http://logs.example:8081',
    );
  });

  it('proxies one API and simulates the other, without /__demo', () => {
    const config = parse({ LOGS_API_URL: 'https://logs.example/' });
    expect(config.jobs).toBeNull();
    expect(config.simulator).toEqual(simOptions);
    expect(isDemoEnabled(config)).toBe(false);
    expect(describeMode(config)).toBe('proxy: logs -> https://logs.example; simulator: jobs');
  });

  it('treats empty values as unset', () => {
    expect(parse({ PORT: '', JOBS_API_URL: '  ' }).jobs).toBeNull();
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be an integer from 0 to 65535, got "abc"'],
    [{ PORT: '70000' }, 'PORT must be an integer'],
    [{ PORT: '-1' }, 'PORT must be an integer'],
    [{ PROXY_TIMEOUT_MS: '0' }, 'PROXY_TIMEOUT_MS must be an integer'],
    [{ MAX_BODY_BYTES: '1.5' }, 'MAX_BODY_BYTES must be an integer'],
    [{ JOBS_API_URL: 'jobs.example' }, 'JOBS_API_URL must be an absolute http(s) URL'],
    [{ LOGS_API_URL: 'ftp://logs.example' }, 'LOGS_API_URL must use http or https'],
    [{ JOBS_API_URL: 'https://u:p@jobs.example' }, 'JOBS_API_URL must not contain credentials'],
    [{ JOBS_API_URL: 'https://jobs.example/?a=1' }, 'must not have a query string'],
    [{ LOGS_API_TOKEN: 't' }, 'LOGS_API_TOKEN is set but LOGS_API_URL is not'],
    [{ ALLOWED_HOSTS: 'https://jobs.example' }, 'ALLOWED_HOSTS takes host names without scheme'],
    [{ ALLOWED_HOSTS: 'jobs.example:443' }, 'got "jobs.example:443"'],
    [{ DEMO_CONTROL: 'yes' }, 'DEMO_CONTROL must be "open" or unset'],
    [{ TRUST_NETWORK: 'true' }, 'TRUST_NETWORK must be "1" or unset'],
    [{ UPSTREAM_MAX_BYTES: '10' }, 'UPSTREAM_MAX_BYTES must be an integer from 1024'],
    [{ JOBS_INDEX: 'maybe' }, 'JOBS_INDEX must be "on" or "off"'],
    [{ JOBS_SYNC_PAGE_SIZE: '0' }, 'JOBS_SYNC_PAGE_SIZE must be an integer from 1 to 1000'],
    [{ JOBS_SYNC_HOT_MS: '10' }, 'JOBS_SYNC_HOT_MS must be an integer from 100'],
  ])('refuses %o', (env, message) => {
    expect(problemsOf(env)).toContain(message);
  });

  it('answers for ALLOWED_HOSTS and for the one address HOST binds', () => {
    const config = parse({ HOST: '192.0.2.2', ALLOWED_HOSTS: 'Jobs.Example.com, ops.example' });
    expect([...config.allowedHosts].sort()).toEqual([
      '127.0.0.1',
      '192.0.2.2',
      '[::1]',
      'jobs.example.com',
      'localhost',
      'ops.example',
    ]);
    expect(parse({ HOST: '0.0.0.0' }).allowedHosts.has('0.0.0.0')).toBe(false);
    expect(parse({ HOST: '::1' }).allowedHosts.has('[::1]')).toBe(true);
  });

  it('reads the job index settings, DATA_DIR relative to the project', () => {
    const config = parseConfig(
      {
        JOBS_INDEX: 'off',
        DATA_DIR: 'var/store',
        JOBS_SYNC_PAGE_SIZE: '50',
        JOBS_SYNC_RATE: '0',
        JOBS_SYNC_INTERVAL_MS: '5000',
        JOBS_SYNC_HOT_MS: '1000',
        JOBS_INDEX_IDLE_MS: '60000',
      },
      readSim,
      '/srv/jobscope',
    );
    expect(config).toMatchObject({
      jobsIndex: false,
      dataDir: '/srv/jobscope/var/store',
      sync: { pageSize: 50, ratePerSecond: 0, passIntervalMs: 5000, hotIntervalMs: 1000 },
      indexIdleMs: 60_000,
    });
  });

  it('reads the log cache settings, progress limit from PROXY_TIMEOUT_MS', () => {
    const config = parseConfig(
      {
        LOG_CACHE: 'off',
        LOG_POLL_MS: '500',
        LOG_CACHE_MAX_BYTES: '104857600',
        LOG_PAGE_LIMIT: '500',
        LOG_JOB_ID_FROM: 'metadata.metadata.FuyukoJobId',
        PROXY_TIMEOUT_MS: '9000',
      },
      readSim,
    );
    expect(config).toMatchObject({
      logCache: false,
      logSettings: { pollMs: 500, maxBytes: 104_857_600, pageLines: 500, progressMs: 9000 },
      logJobIdFrom: ['metadata', 'metadata', 'FuyukoJobId'],
    });
    expect(() =>
      parseConfig(
        { LOG_CACHE: 'maybe', LOG_PAGE_LIMIT: '5000', LOG_JOB_ID_FROM: 'metadata..x' },
        readSim,
      ),
    ).toThrow(
      /LOG_PAGE_LIMIT must be an integer from 1 to 2000.*\n.*LOG_JOB_ID_FROM.*\n.*LOG_CACHE/s,
    );
  });

  it('reads UPSTREAM_MAX_BYTES and DEMO_CONTROL', () => {
    const config = parse({ UPSTREAM_MAX_BYTES: '2048', DEMO_CONTROL: 'open' });
    expect(config.upstreamMaxBytes).toBe(2048);
    expect(config.demoOpen).toBe(true);
  });

  describe('server tokens on a network address', () => {
    const proxied = {
      JOBS_API_URL: 'https://jobs.example',
      JOBS_API_TOKEN: 'jt',
      LOGS_API_URL: 'https://logs.example',
    };

    it.each(['0.0.0.0', '::', '192.0.2.2', 'jobs.internal'])(
      'refuses to start on HOST=%s, saying why and what to do',
      (host) => {
        const message = problemsOf({ ...proxied, HOST: host });
        expect(message).toContain('JOBS_API_TOKEN is set');
        expect(message).toContain('anyone who reaches this server would act with that token');
        expect(message).toContain('reverse proxy that authenticates operators');
        expect(message).toContain('TRUST_NETWORK=1');
      },
    );

    it('names both tokens when both are set', () => {
      const message = problemsOf({ ...proxied, LOGS_API_TOKEN: 'lt', HOST: '0.0.0.0' });
      expect(message).toContain('JOBS_API_TOKEN and LOGS_API_TOKEN are set');
    });

    it.each(['127.0.0.1', '127.0.0.2', '::1', '[::1]', 'localhost', undefined])(
      'starts on the loopback HOST=%s',
      (host) => {
        const env: Record<string, string> = { ...proxied };
        if (host) env.HOST = host;
        expect(parse(env).jobs?.token).toBe('jt');
      },
    );

    it('starts on a network address with TRUST_NETWORK=1, and without tokens', () => {
      expect(parse({ ...proxied, HOST: '0.0.0.0', TRUST_NETWORK: '1' }).host).toBe('0.0.0.0');
      expect(parse({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    });
  });

  it('lists every problem at once', () => {
    const message = problemsOf({ PORT: 'x', MAX_BODY_BYTES: 'y' });
    expect(message).toContain('PORT');
    expect(message).toContain('MAX_BODY_BYTES');
  });

  it('reports the simulator options error when an API is simulated', () => {
    const reader = () => {
      throw new Error('DEMO_SEED must be an integer');
    };
    expect(problemsOf({}, reader)).toContain('DEMO_SEED must be an integer');
  });

  it('ignores the simulator options when both APIs are proxied', () => {
    const reader = () => {
      throw new Error('never read');
    };
    const env = { JOBS_API_URL: 'https://a.example', LOGS_API_URL: 'https://b.example' };
    expect(parseConfig(env, reader).simulator).toBeNull();
  });
});
