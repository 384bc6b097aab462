/**
 * The browser's zod settings, applied once by the fetch client that parses every response.
 */
import { z } from 'zod/mini';

// The CSP forbids eval: zod's JIT would probe `new Function`, which a strict CSP reports as a
// violation even though zod catches the error. Jitless parsing is plenty fast for our payloads.
// zod/mini keeps the bundle small; English messages make schema errors readable in the UI.
z.config({ jitless: true, ...z.locales.en() });
