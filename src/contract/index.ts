/** The wire contract of both APIs and of the gateway's extensions. No side effects on import. */
export * from './gateway.ts';
export * from './headers.ts';
export * from './jobs.ts';
export * from './logs.ts';
