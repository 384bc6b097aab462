import { describe, expect, it } from 'vitest';
import { logEnvelopeSchema } from '../../../contract';
import { PayloadShapeError, readLogPage } from './readLogPage';

const job = { id: 7, name: 'Bulk edit', status: 'ENABLED', progress: 'IN_PROGRESS' };
const row = (id: unknown, message = `line ${String(id)}`) => ({
  id,
  level: 'INFO',
  message,
  creationDate: '2026-01-01T00:00:00.000Z',
  lastUpdate: '2026-01-01T00:00:00.000Z',
});

describe('readLogPage', () => {
  it('reads the documented envelope', () => {
    const page = readLogPage({
      status: 'SUCCESS',
      message: 'ok',
      payload: { job, logs: [row(3)] },
    });
    expect(page.job?.name).toBe('Bulk edit');
    expect(page.lines).toEqual([
      {
        id: 3,
        level: 'INFO',
        message: 'line 3',
        text: 'line 3',
        creationDate: '2026-01-01T00:00:00.000Z',
        time: Date.UTC(2026, 0, 1),
        severity: 'INFO',
        label: 'INFO',
      },
    ]);
  });

  it('reads the newer envelope', () => {
    const page = readLogPage({
      messages: [{ status: 'SUCCESS' }],
      payload: { job, logs: [row(1)] },
    });
    expect(page.lines.map((l) => l.id)).toEqual([1]);
  });

  it('answers job null for an unknown job', () => {
    expect(readLogPage({ status: 'SUCCESS', payload: { job: null, logs: [] } })).toEqual({
      job: null,
      lines: [],
    });
  });

  it('sorts, dedupes, and drops null rows, non-numeric ids and ids at or below the cursor', () => {
    const logs = [
      row(40),
      row('12'),
      { id: null, level: null, message: null, creationDate: null, lastUpdate: null },
      null,
      row(40, 'again'),
      row('x'),
      row(5),
      row(25),
    ];
    const page = readLogPage({ status: 'SUCCESS', payload: { job, logs } }, 10);
    expect(page.lines.map((l) => l.id)).toEqual([12, 25, 40]);
    expect(page.lines[2]?.message).toBe('line 40');
  });

  it('fills missing text fields instead of failing', () => {
    const page = readLogPage({ status: 'SUCCESS', payload: { job, logs: [{ id: 1 }] } });
    expect(page.lines).toEqual([
      {
        id: 1,
        level: '',
        message: '',
        text: '',
        creationDate: null,
        time: NaN,
        severity: 'OTHER',
        label: '-',
      },
    ]);
  });

  const refused = [
    ['no payload', { status: 'SUCCESS' }],
    ['no envelope', { job, logs: [] }],
    ['logs not an array', { status: 'SUCCESS', payload: { job, logs: 'nope' } }],
    ['a row not an object', { status: 'SUCCESS', payload: { job, logs: [1] } }],
    [
      'a message that is an object',
      { status: 'SUCCESS', payload: { job, logs: [row(1, {} as never)] } },
    ],
  ] as const;

  it.each(refused)('throws on %s', (_name, value) => {
    expect(() => readLogPage(value)).toThrow(PayloadShapeError);
  });

  // The reader is hand-written for speed; the contract's zod schema is the wire format's
  // definition. They must agree: what the schema accepts is read, what the reader refuses the
  // schema refuses too. (The reader is more lenient only in turning numbers into text.)
  it.each([
    [
      'the documented envelope',
      { status: 'SUCCESS', message: '', payload: { job, logs: [row(3)] } },
    ],
    ['the newer envelope', { messages: [{ status: 'SUCCESS' }], payload: { job, logs: [row(3)] } }],
    ['the all-null row', { status: 'SUCCESS', payload: { job, logs: [{ id: null }] } }],
    ['an unknown job', { status: 'SUCCESS', payload: { job: null, logs: [] } }],
    ['string ids', { status: 'SUCCESS', payload: { job, logs: [row('12'), row('3')] } }],
  ])('reads %s, which the contract accepts', (_name, value) => {
    expect(logEnvelopeSchema.safeParse(value).success).toBe(true);
    expect(() => readLogPage(value)).not.toThrow();
  });

  it.each(refused)('the contract refuses %s too', (_name, value) => {
    expect(logEnvelopeSchema.safeParse(value).success).toBe(false);
  });

  it('throws on a job without an id', () => {
    expect(() =>
      readLogPage({ status: 'SUCCESS', payload: { job: { name: 'x' }, logs: [] } }),
    ).toThrow();
  });
});
