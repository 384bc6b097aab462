import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Context, Handler } from 'hono';
import { getMimeType } from 'hono/utils/mime';

export const ASSET_CACHE = 'public, max-age=31536000, immutable';
export const FILE_CACHE = 'public, max-age=3600';
export const INDEX_CACHE = 'no-cache';

const NOT_BUILT =
  'Jobscope has not been built yet: run `npm run build`, then restart the server.\n';

/**
 * Serves Vite's output. Hashed files under /assets/ never change, so browsers keep them for a
 * year; index.html is revalidated every time so a new build is picked up at once. Any other path
 * is a client-side route (e.g. a reload of /jobs/<id>) and gets index.html.
 */
export function serveDist(distDir: string): Handler {
  const root = path.resolve(distDir);
  const indexFile = path.join(root, 'index.html');

  return async (c) => {
    // Checked per request so that a build made while the server runs is served without a restart.
    if (!(await isFile(indexFile))) return c.text(NOT_BUILT, 503, { 'Cache-Control': 'no-store' });

    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return c.text('Bad request\n', 400);
    }
    const file = resolveInside(root, pathname);
    const found = file !== null && file !== indexFile && (await isFile(file));

    // The build keeps source maps (hidden) for profiling; they are not published.
    if (pathname.endsWith('.map')) return c.text('Not found\n', 404);
    if (pathname.startsWith('/assets/')) {
      return found ? sendFile(c, file, ASSET_CACHE) : c.text('Not found\n', 404);
    }
    if (found) return sendFile(c, file, FILE_CACHE);
    return sendFile(c, indexFile, INDEX_CACHE);
  };
}

/** The file under root for a URL path, or null for anything that could escape root. */
export function resolveInside(root: string, pathname: string): string | null {
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const segments = pathname.split('/').filter(Boolean);
  // Dot segments would climb out; dotfiles are never part of a build.
  if (segments.some((segment) => segment.startsWith('.'))) return null;
  const file = path.resolve(root, ...segments);
  return file.startsWith(root + path.sep) ? file : null;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

async function sendFile(c: Context, file: string, cacheControl: string) {
  const content = await readFile(file);
  return c.body(content, 200, {
    'Content-Type': getMimeType(file) ?? 'application/octet-stream',
    'Cache-Control': cacheControl,
  });
}
