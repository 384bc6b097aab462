import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { readSearch, writeSearch } from './searchState';

const flag = z.catch(
  z.codec(z.string(), z.boolean(), {
    decode: (value) => value === '1',
    encode: (on) => (on ? '1' : ''),
  }),
  false,
);
const list = z.catch(
  z.codec(z.string(), z.array(z.string()), {
    decode: (value) => value.split(',').filter(Boolean),
    encode: (items) => items.join(','),
  }),
  () => [],
);
const schema = z.object({
  kind: z.catch(z.enum(['a', 'b', 'c']), 'a'),
  tags: list,
  on: flag,
  page: z.catch(
    z.codec(z.string().check(z.regex(/^\d+$/)), z.number().check(z.minimum(1)), {
      decode: Number,
      encode: String,
    }),
    1,
  ),
});

describe('readSearch', () => {
  it('reads each field from its parameter', () => {
    expect(readSearch(schema, '?kind=b&tags=x,y&on=1&page=3')).toEqual({
      kind: 'b',
      tags: ['x', 'y'],
      on: true,
      page: 3,
    });
    expect(readSearch(schema, new URLSearchParams('kind=c'))).toMatchObject({ kind: 'c' });
  });

  it('gives each absent or invalid field its default, never an error', () => {
    const defaults = { kind: 'a', tags: [], on: false, page: 1 };
    expect(readSearch(schema, '')).toEqual(defaults);
    expect(readSearch(schema, '?kind=z&on=yes&page=-2&other=1')).toEqual(defaults);
    expect(readSearch(schema, '?kind=b&page=0')).toEqual({ ...defaults, kind: 'b' });
  });

  it('hands back the same value while a parameter is unchanged', () => {
    const first = readSearch(schema, '?tags=x,y&page=2');
    const second = readSearch(schema, '?tags=x,y&page=3');
    expect(second.tags).toBe(first.tags);
    expect(readSearch(schema, '?tags=x').tags).not.toBe(first.tags);
  });
});

describe('writeSearch', () => {
  it('writes the fields in the schema order, leaving defaults out', () => {
    expect(writeSearch(schema, { page: 2, kind: 'b', tags: [], on: false })).toBe('?kind=b&page=2');
    expect(writeSearch(schema, { kind: 'a', tags: [], on: false, page: 1 })).toBe('');
    expect(writeSearch(schema, { on: true })).toBe('?on=1');
  });

  it('keeps commas readable and round-trips', () => {
    const state = { kind: 'c' as const, tags: ['x y', 'z&w'], on: true, page: 4 };
    const search = writeSearch(schema, state);
    expect(search).toBe('?kind=c&tags=x+y,z%26w&on=1&page=4');
    expect(readSearch(schema, search)).toEqual(state);
  });

  it('over a base: changes only the given fields in place and keeps every other parameter', () => {
    expect(writeSearch(schema, { page: 5 }, '?tab=log&page=2&kind=b')).toBe(
      '?tab=log&page=5&kind=b',
    );
    expect(writeSearch(schema, { kind: 'c' }, '?tab=log&q=a+b')).toBe('?tab=log&q=a+b&kind=c');
    expect(writeSearch(schema, { page: 1, on: false }, '?page=2&on=1&tab=log')).toBe('?tab=log');
  });

  it('leaves out a value its field cannot write, as if it were the default', () => {
    expect(writeSearch(schema, { page: 0, kind: 'z' as never }, '?page=3&kind=b')).toBe('');
  });
});
