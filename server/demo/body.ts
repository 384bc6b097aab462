/** Reads a control route's JSON body: empty means `{}`, anything malformed is a 400. */
import type { Context } from 'hono';
import { z } from 'zod';
import { jobsError } from './errors.ts';

export async function readBody<T>(
  c: Context,
  schema: z.ZodType<T>,
): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  const text = await c.req.text();
  let json: unknown = {};
  if (text.trim()) {
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, response: jobsError(c, 400, 'Malformed JSON body') };
    }
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const message = `Invalid body: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`;
    return { ok: false, response: jobsError(c, 400, message) };
  }
  return { ok: true, value: parsed.data };
}
