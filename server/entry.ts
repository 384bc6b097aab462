import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** True when the module at moduleUrl is the script node was started with (not an import). */
export function isEntryModule(moduleUrl: string): boolean {
  const script = process.argv[1];
  return script !== undefined && path.resolve(script) === fileURLToPath(moduleUrl);
}

/** The project root (holds dist/, src/, index.html). */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
