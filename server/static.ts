import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
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
      return found ? sendAsset(c, file) : c.text('Not found\n', 404);
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

const gzipAsync = promisify(gzip);
/** Scripts, styles, SVG and JSON shrink; images and fonts already are compressed. */
const COMPRESSIBLE = /\.(js|mjs|css|svg|json|txt|html)$/;

/** Whether an Accept-Encoding header accepts gzip (and not with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [name = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    return (name === 'gzip' || name === '*') && !params.some((p) => /^q=0(\.0*)?$/.test(p));
  });
}

/**
 * Hashed assets never change, so each is gzipped once and kept: compressing the 480 KB main
 * script per request took 30-50 ms of the server's time (`curl` over loopback), and the four
 * files of a first paint, compressed side by side, arrived 115-190 ms after they were asked for.
 * The build is bounded (about 2 MB), and so is what is kept.
 */
const gzipped = new Map<string, Promise<Buffer>>();

async function sendAsset(c: Context, file: string) {
  if (!COMPRESSIBLE.test(file) || !acceptsGzip(c.req.header('Accept-Encoding'))) {
    return sendFile(c, file, ASSET_CACHE);
  }
  let body = gzipped.get(file);
  if (!body) {
    body = readFile(file).then((content) => gzipAsync(content));
    gzipped.set(file, body);
    body.catch(() => gzipped.delete(file));
  }
  return c.body(new Uint8Array(await body), 200, {
    'Content-Type': getMimeType(file) ?? 'application/octet-stream',
    'Cache-Control': ASSET_CACHE,
    'Content-Encoding': 'gzip',
    Vary: 'Accept-Encoding',
  });
}

async function sendFile(c: Context, file: string, cacheControl: string) {
  const content = await readFile(file);
  return c.body(content, 200, {
    'Content-Type': getMimeType(file) ?? 'application/octet-stream',
    'Cache-Control': cacheControl,
  });
}
