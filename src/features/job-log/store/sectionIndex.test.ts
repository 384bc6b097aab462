import { describe, expect, it, vi } from 'vitest';
import { BETWEEN_STEPS, UNPLACED } from '../../../lib/stepSpans';
import type { LogLine } from '../model/logLine';
import { testLine } from '../testLines';
import { LogStore } from './LogStore';
import { SectionIndex } from './sectionIndex';
import { SectionRows, type SectionRow } from './sectionRows';

/** Steps of 100 s each, with a gap from 500 s to 600 s; a line's message holds its time. */
function place(line: LogLine): number {
  if (line.message === 'no time') return UNPLACED;
  const t = Number(line.message);
  if (t >= 500 && t < 600) return BETWEEN_STEPS;
  return Math.floor(t / 100);
}

let seed = 11;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

function linesFrom(firstId: number, count: number, t0: number): LogLine[] {
  return Array.from({ length: count }, (_, i) =>
    testLine(
      firstId + i,
      random() < 0.1 ? 'ERROR' : 'INFO',
      random() < 0.02 ? 'no time' : String(t0 + i + Math.floor(random() * 3)),
    ),
  );
}

/** Sections by a plain pass over every line: runs of the same placement. */
function plain(store: LogStore) {
  const out: { step: number; start: number; count: number; errors: number }[] = [];
  store.forEach(0, store.size, (line, position) => {
    const step = place(line);
    const error = line.severity === 'ERROR' ? 1 : 0;
    const last = out.at(-1);
    if (last && last.step === step) {
      last.count++;
      last.errors += error;
    } else out.push({ step, start: position, count: 1, errors: error });
  });
  return out;
}

/** The rows as a plain expansion: each section's header, then its lines unless folded. */
function expand(index: SectionIndex, rows: SectionRows): SectionRow[] {
  const out: SectionRow[] = [];
  index.sections.forEach((section, k) => {
    out.push({ kind: 'header', section: k });
    if (!rows.isFolded(k)) {
      for (let i = 0; i < section.count; i++)
        out.push({ kind: 'line', position: section.start + i });
    }
  });
  return out;
}

describe('SectionIndex', () => {
  it('grows with appended lines exactly as if placed all at once', () => {
    const store = new LogStore();
    const index = new SectionIndex(store, place);
    let id = 1;
    for (let t = 0; t < 900;) {
      const n = 1 + Math.floor(random() * 60);
      store.append(linesFrom(id, n, t));
      id += n;
      t += n;
      index.update();
      expect(index.sections).toEqual(plain(store));
    }
    const steps = index.sections.map((s) => s.step);
    expect(steps).toContain(BETWEEN_STEPS);
    expect(steps).toContain(UNPLACED);
    expect(index.sections.reduce((sum, s) => sum + s.count, 0)).toBe(store.size);
  });

  it('places again only from where older lines were inserted', () => {
    const store = new LogStore();
    store.append(linesFrom(1001, 400, 300));
    const calls = vi.fn(place);
    const index = new SectionIndex(store, calls).update();
    calls.mockClear();
    // A backfilled block of older lines, at the front.
    store.insertRun(linesFrom(1, 200, 50));
    index.update();
    expect(index.sections).toEqual(plain(store));
    expect(calls.mock.calls.length).toBe(600);
    // Appends after it place only the new lines.
    calls.mockClear();
    store.append(linesFrom(2001, 10, 700));
    index.update();
    expect(calls.mock.calls.length).toBe(10);
    expect(index.sections).toEqual(plain(store));
  });

  it('keeps the part of a section before lines inserted inside it, its errors recounted', () => {
    const store = new LogStore();
    const stepOne = (firstId: number, n: number) =>
      Array.from({ length: n }, (_, i) =>
        testLine(firstId + i, i % 4 === 0 ? 'ERROR' : 'INFO', String(100 + i)),
      );
    store.append([...stepOne(1, 50), ...stepOne(151, 50)]);
    const index = new SectionIndex(store, place).update();
    expect(index.sections).toEqual([{ step: 1, start: 0, count: 100, errors: 26 }]);
    // Lines of step 3 that belong between the two halves by id.
    store.insertRun(
      Array.from({ length: 100 }, (_, i) => testLine(51 + i, 'INFO', String(300 + i))),
    );
    index.update();
    expect(index.sections).toEqual(plain(store));
    expect(index.sections.map((s) => [s.step, s.count, s.errors])).toEqual([
      [1, 50, 13],
      [3, 100, 0],
      [1, 50, 13],
    ]);
  });

  it('finds the section of a store position', () => {
    const store = new LogStore();
    store.append(linesFrom(1, 300, 0));
    const index = new SectionIndex(store, place).update();
    for (let position = 0; position < store.size; position += 7) {
      const k = index.sectionOf(position);
      const section = index.sections[k]!;
      expect(position).toBeGreaterThanOrEqual(section.start);
      expect(position).toBeLessThan(section.start + section.count);
    }
    expect(index.sectionOf(store.size)).toBe(-1);
  });
});

describe('SectionRows', () => {
  it('lays out headers and lines, folded or not, as a plain expansion does', () => {
    const store = new LogStore();
    store.append(linesFrom(1, 800, 0));
    const index = new SectionIndex(store, place).update();
    const rows = new SectionRows(store, index).sync();
    for (let round = 0; round < 8; round++) {
      const k = Math.floor(random() * index.sections.length);
      rows.setFolded(k, !rows.isFolded(k));
      const expected = expand(index, rows);
      expect(rows.count).toBe(expected.length);
      expected.forEach((row, r) => {
        expect(rows.rowAt(r)).toEqual(row);
        if (row.kind === 'line') expect(rows.rowOf(row.position)).toBe(r);
        else expect(rows.headerRow(row.section)).toBe(r);
      });
    }
  });

  it('follows appended lines and keeps folds when sections are placed again', () => {
    const store = new LogStore();
    store.append(linesFrom(1001, 300, 200));
    const index = new SectionIndex(store, place).update();
    const rows = new SectionRows(store, index).sync();
    const stepTwo = index.sections.findIndex((s) => s.step === 2);
    rows.setFolded(stepTwo, true);
    // More lines of the last step: its section grows.
    const before = rows.count;
    store.append(linesFrom(1301, 10, 480).filter((line) => line.message !== 'no time'));
    index.update();
    rows.sync();
    expect(rows.count).toBe(expand(index, rows).length);
    expect(rows.count).toBeGreaterThan(before);
    store.append(linesFrom(2001, 50, 500));
    index.update();
    rows.sync();
    expect(rows.count).toBe(expand(index, rows).length);
    store.insertRun(linesFrom(1, 100, 0));
    index.update();
    rows.sync();
    const again = index.sections.findIndex((s) => s.step === 2);
    expect(again).not.toBe(stepTwo);
    expect(rows.isFolded(again)).toBe(true);
    expect(rows.count).toBe(expand(index, rows).length);
  });

  it('folds a section of a million lines without placing or reading any line', () => {
    const store = new LogStore();
    const lines: LogLine[] = [];
    for (let i = 0; i < 1_000_000; i++) lines.push(testLine(i + 1, 'INFO', String(i / 2500)));
    store.append(lines);
    const calls = vi.fn(place);
    const index = new SectionIndex(store, calls).update();
    const rows = new SectionRows(store, index).sync();
    const total = rows.count;
    calls.mockClear();
    const reads = vi.spyOn(store, 'at');
    const three = index.sections.findIndex((s) => s.step === 3);
    rows.setFolded(three, true);
    expect(rows.count).toBe(total - index.sections[three]!.count);
    rows.setFolded(three, false);
    expect(rows.count).toBe(total);
    expect(calls).not.toHaveBeenCalled();
    expect(reads).not.toHaveBeenCalled();
    // A million lines take seconds to build on a loaded machine; nothing here is timed.
  }, 30_000);
});
