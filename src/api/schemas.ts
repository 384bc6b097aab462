/**
 * The wire formats the app reads, from `src/contract/`, with the browser's zod settings.
 */
import { z } from 'zod/mini';

// The CSP forbids eval: zod's JIT would probe `new Function`, which a strict CSP reports as a
// violation even though zod catches the error. Jitless parsing is plenty fast for our payloads.
// zod/mini keeps the bundle small; English messages make schema errors readable in the UI.
z.config({ jitless: true, ...z.locales.en() });

export * from '../contract/gateway';
export * from '../contract/jobs';
export * from '../contract/logs';
