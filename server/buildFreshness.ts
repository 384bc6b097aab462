import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** What a build of the dashboard is made from, relative to the project root. */
export const BUILD_INPUTS = ['src', 'public', 'index.html', 'vite.config.ts'];

/** Why dist/ must be rebuilt, or null when dist/index.html is newer than every input. */
export async function staleBuildReason(root: string): Promise<string | null> {
  const built = await mtimeOf(path.join(root, 'dist', 'index.html'));
  if (built === null) return 'dist/index.html does not exist';
  for (const input of BUILD_INPUTS) {
    const newer = await findNewer(path.join(root, input), built);
    if (newer) return `${path.relative(root, newer)} changed after the last build`;
  }
  return null;
}

async function mtimeOf(file: string): Promise<number | null> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return null;
  }
}

/** The first file under target (a file or directory) modified after since, if any. */
async function findNewer(target: string, since: number): Promise<string | null> {
  let info;
  try {
    info = await stat(target);
  } catch {
    return null;
  }
  if (!info.isDirectory()) return info.mtimeMs > since ? target : null;
  for (const entry of await readdir(target, { withFileTypes: true })) {
    const newer = await findNewer(path.join(target, entry.name), since);
    if (newer) return newer;
  }
  return null;
}
