import { describe, expect, it } from 'vitest';
import { testLine } from '../testLines';
import { LogStore } from './LogStore';
import { LineIndex } from './lineIndex';
import { ContextRows } from './contextRows';

type Row = { gap: number; position: number } | { line: number };

/** The rows written plainly: every position visible or not, then runs of hidden ones as gaps. */
function plainRows(store: LogStore, kept: readonly number[], around: number, opened: number[][]) {
  const visible = new Array<boolean>(store.size).fill(false);
  for (const p of kept) {
    for (let q = Math.max(0, p - around); q <= Math.min(store.size - 1, p + around); q++) {
      visible[q] = true;
    }
  }
  for (const [from, to] of opened) {
    for (let q = 0; q < store.size; q++) {
      const id = store.at(q).id;
      if (id >= from! && id <= to!) visible[q] = true;
    }
  }
  const rows: Row[] = [];
  if (!visible.includes(true)) return rows;
  // A gap is numbered by the visible run after it (the runs before it, counted).
  let runs = 0;
  for (let q = 0; q < store.size; q++) {
    if (visible[q]) {
      if (q === 0 || !visible[q - 1]) runs++;
      rows.push({ line: q });
    } else if (q === 0 || visible[q - 1]) rows.push({ gap: runs, position: q });
  }
  return rows;
}

function rowsOf(context: ContextRows): Row[] {
  const rows: Row[] = [];
  for (let row = 0; row < context.count; row++) {
    const gap = context.gapAt(row);
    rows.push(
      gap >= 0 ? { gap, position: context.positionAt(row) } : { line: context.positionAt(row) },
    );
  }
  return rows;
}

function expectAgrees(
  store: LogStore,
  kept: LineIndex,
  context: ContextRows,
  around: number,
  opened: number[][],
) {
  const plain = plainRows(store, kept.positions, around, opened);
  const rows = rowsOf(context);
  expect(rows).toEqual(plain);
  const visited: Row[] = [];
  context.forEachRow((row, position) => {
    visited.push(
      position < 0
        ? { gap: context.gapAt(row), position: context.positionAt(row) }
        : { line: position },
    );
  });
  expect(visited).toEqual(plain);
  for (let q = 0; q < store.size; q++) {
    const row = context.rowAtOrAfter(q);
    const shown = rows.findIndex((r) => 'line' in r && r.line === q);
    expect(context.shows(q)).toBe(shown >= 0);
    if (shown >= 0) expect(row).toBe(shown);
    else if (rows.length === 0) expect(row).toBe(0);
    else expect('gap' in rows[row]! && rows[row]!.position <= q).toBe(true);
    const linesFrom = rows.filter((r) => 'line' in r && r.line >= q).length;
    expect(context.linesFrom(q)).toBe(linesFrom);
  }
  expect(context.rowAtOrAfter(store.size)).toBe(rows.length);
}

/** A seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

describe('ContextRows', () => {
  it('shows N lines around each kept line, with a gap row for each run of hidden lines', () => {
    const store = new LogStore();
    const levels = [
      'INFO',
      'INFO',
      'ERROR',
      'INFO',
      'INFO',
      'INFO',
      'INFO',
      'INFO',
      'ERROR',
      'INFO',
    ];
    store.append(levels.map((level, i) => testLine(i + 1, level)));
    const errors = new LineIndex(store, (line) => line.severity === 'ERROR').update();
    const context = new ContextRows(store, errors, 1).update();
    // Positions 1-3 and 7-9 show; 0 and 4-6 are hidden.
    expect(rowsOf(context)).toEqual([
      { gap: 0, position: 0 },
      { line: 1 },
      { line: 2 },
      { line: 3 },
      { gap: 1, position: 4 },
      { line: 7 },
      { line: 8 },
      { line: 9 },
    ]);
    expect(context.gap(1)).toEqual({ start: 4, end: 7 });
    expectAgrees(store, errors, context, 1, []);
  });

  it('merges overlapping context and ends with a gap row after the last kept line', () => {
    const store = new LogStore();
    store.append(
      Array.from({ length: 12 }, (_, i) => testLine(i + 1, i === 3 || i === 6 ? 'ERROR' : 'INFO')),
    );
    const errors = new LineIndex(store, (line) => line.severity === 'ERROR').update();
    const context = new ContextRows(store, errors, 2).update();
    expect(rowsOf(context).map((r) => ('gap' in r ? `gap@${r.position}` : r.line))).toEqual([
      'gap@0',
      1,
      2,
      3,
      4,
      5,
      6,
      7,
      8,
      'gap@9',
    ]);
  });

  it('agrees with a plain pass through random appends, insertions above and opened stretches', () => {
    for (let round = 0; round < 40; round++) {
      const next = random(round + 1);
      const around = [0, 1, 2, 5][round % 4]!;
      const store = new LogStore();
      const kept = new LineIndex(store, (line) => line.severity === 'ERROR');
      const context = new ContextRows(store, kept, around);
      const opened: number[][] = [];
      let id = 1000;
      let laid: Row[] = [];
      let moves = context.moves;
      for (let step = 0; step < 25; step++) {
        const roll = next();
        if (roll < 0.7) {
          const batch = Array.from({ length: 1 + Math.floor(next() * 8) }, () =>
            testLine((id += 2), next() < 0.15 ? 'ERROR' : 'INFO'),
          );
          store.append(batch);
        } else if (roll < 0.85 && store.size > 0) {
          // An older line (odd id) lands among those held.
          const at = store.at(Math.floor(next() * store.size)).id - 1;
          if (store.indexOfId(at) < 0)
            store.append([testLine(at, next() < 0.3 ? 'ERROR' : 'INFO')]);
        } else if (store.size > 0) {
          kept.update();
          context.update();
          const start = Math.floor(next() * store.size);
          const end = start + 1 + Math.floor(next() * 6);
          context.open(start, end);
          opened.push([store.at(start).id, store.at(Math.min(store.size, end) - 1).id]);
        }
        kept.update();
        context.update();
        const rows = rowsOf(context);
        // While `moves` holds, rows only ever join at the end: what was laid out stays put.
        if (
          context.moves === moves &&
          store.layoutVersion === (context as unknown as { layoutVersion: number }).layoutVersion
        ) {
          expect(rows.slice(0, laid.length)).toEqual(laid);
        }
        moves = context.moves;
        laid = rows;
        expectAgrees(store, kept, context, around, opened);
      }
    }
  });

  it('costs a new line, not the lines held: appends read only the new kept lines', () => {
    const store = new LogStore();
    store.append(
      Array.from({ length: 100_000 }, (_, i) => testLine(i + 1, i % 50 === 0 ? 'ERROR' : 'INFO')),
    );
    const kept = new LineIndex(store, (line) => line.severity === 'ERROR').update();
    const context = new ContextRows(store, kept, 5).update();
    const moves = context.moves;
    const count = context.count;
    store.append([
      testLine(100_001, 'INFO'),
      testLine(100_002, 'ERROR'),
      testLine(100_003, 'INFO'),
    ]);
    kept.update();
    let reads = 0;
    const at = store.at.bind(store);
    store.at = (position: number) => {
      reads++;
      return at(position);
    };
    context.update();
    expect(reads).toBe(0);
    // Rows only joined at the end: the trailing gap row stays, and the new ERROR's lines follow
    // it (5 before it, itself and the one line after it held so far).
    expect(context.moves).toBe(moves);
    expect(context.count).toBe(count + 7);
    expect(context.shows(99_996)).toBe(true);
  });

  it('shows nothing when nothing is kept and nothing opened', () => {
    const store = new LogStore();
    store.append([testLine(1), testLine(2)]);
    const kept = new LineIndex(store, () => false).update();
    const context = new ContextRows(store, kept, 5).update();
    expect(context.count).toBe(0);
    context.open(1, 2);
    expect(rowsOf(context)).toEqual([{ gap: 0, position: 0 }, { line: 1 }]);
  });

  it('counts no line a search has not read yet as hidden', () => {
    const store = new LogStore();
    store.append(Array.from({ length: 50_000 }, (_, i) => testLine(i + 1, 'INFO', `line ${i}`)));
    const kept = new LineIndex(store, (line) => line.text === 'line 5');
    // One slice: a few thousand lines read of 50,000.
    kept.update(0);
    expect(kept.complete).toBe(false);
    const context = new ContextRows(store, kept, 2).update();
    const trailing = context.gap(context.ranges);
    expect(trailing.end).toBe(kept.scannedLines);
    while (!kept.complete) kept.update(0);
    context.update();
    expect(context.gap(context.ranges)).toEqual({ start: 8, end: 50_000 });
  });
});
