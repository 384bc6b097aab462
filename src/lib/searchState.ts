/**
 * A route's view state in its URL query, declared once as a zod schema: one field per query
 * parameter, named as in the URL. Each field decodes the parameter's text (undefined when absent)
 * and ends in `z.catch(..., default)`, so a hand-edited or outdated link opens with that field's
 * default and never an error; a codec's `encode` writes the value back.
 */
import { z } from 'zod/mini';

export type SearchSchema = z.ZodMiniObject;
export type SearchState<S extends SearchSchema> = z.output<S>;

type Field = SearchSchema['shape'][string];

/**
 * The last text each field decoded and its value. Reading a URL again hands back the same value
 * while its parameter's text is unchanged (typing a search keeps the level filter's Set, so the
 * indexes memoised on it are not rebuilt over a million lines). Values are shared: read-only.
 */
const lastDecoded = new WeakMap<Field, { text: string | undefined; value: unknown }>();

function decode(field: Field, text: string | undefined): unknown {
  const last = lastDecoded.get(field);
  if (last && last.text === text) return last.value;
  const value = z.parse(field, text);
  lastDecoded.set(field, { text, value });
  return value;
}

/** The parameter's text for a value; undefined when it is the default (links stay short). */
function encode(field: Field, value: unknown): string | undefined {
  const text = z.safeEncode(field, value as never);
  if (!text.success || typeof text.data !== 'string' || text.data === '') return undefined;
  const fallback = z.safeEncode(field, z.parse(field, undefined) as never);
  return fallback.success && fallback.data === text.data ? undefined : text.data;
}

/** Every field of `schema` read from a query string; invalid or absent values give defaults. */
export function readSearch<S extends SearchSchema>(
  schema: S,
  search: string | URLSearchParams,
): SearchState<S> {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const state: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(schema.shape)) {
    state[name] = decode(field, params.get(name) ?? undefined);
  }
  return state as SearchState<S>;
}

/**
 * The query string with the given fields written over `base`: a field at its default is removed,
 * another replaces its parameter where it stands (or joins at the end, in the schema's order),
 * every other parameter of `base` stays as it is. Commas stay readable ("status=Active,Paused").
 * '' when nothing is left, else "?...".
 */
export function writeSearch<S extends SearchSchema>(
  schema: S,
  values: Partial<SearchState<S>>,
  base: string | URLSearchParams = '',
): string {
  const params = new URLSearchParams(base);
  for (const [name, field] of Object.entries(schema.shape)) {
    if (!(name in values)) continue;
    const text = encode(field, (values as Record<string, unknown>)[name]);
    if (text === undefined) params.delete(name);
    else params.set(name, text);
  }
  const query = params.toString().replace(/%2C/gi, ',');
  return query ? `?${query}` : '';
}
