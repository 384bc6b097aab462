import { describe, expect, it, vi } from 'vitest';
import { BETWEEN_STEPS, linePlacer, UNPLACED, type StepSpan } from '../../../lib/stepSpans';
import type { LogLine } from '../model/logLine';
import { testLine } from '../testLines';
import { LogStore } from './LogStore';
import { SectionIndex } from './sectionIndex';
import { linesFrom, place, plain, random, sectionsOf, timeOf } from './sectionTestHelpers';

describe('SectionIndex', () => {
  it('grows with appended lines exactly as if placed all at once', () => {
    const store = new LogStore();
    const index = sectionsOf(store);
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
    // Lines without a time stay in the section they sit in, which counts them.
    expect(steps).not.toContain(UNPLACED);
    expect(index.sections.reduce((sum, s) => sum + s.untimed, 0)).toBeGreaterThan(0);
    expect(index.sections.reduce((sum, s) => sum + s.count, 0)).toBe(store.size);
  });

  it('places only the lines of a run inserted before the end, and the section it lands in', () => {
    const store = new LogStore();
    store.append(linesFrom(1001, 400, 300));
    const calls = vi.fn(place);
    const index = sectionsOf(store, calls).update();
    calls.mockClear();
    // A backfilled block of older lines, at the front: the sections after it only shift.
    const older = linesFrom(1, 200, 50);
    store.insertRun(older);
    index.update();
    expect(index.sections).toEqual(plain(store));
    expect(calls.mock.calls.length).toBe(older.filter((line) => timeOf(line) !== null).length);
    // Appends after it place only the new lines.
    calls.mockClear();
    store.append(linesFrom(2001, 10, 700));
    index.update();
    expect(calls.mock.calls.length).toBeLessThanOrEqual(10);
    expect(index.sections).toEqual(plain(store));
  });

  it('matches a plain pass through random appends and insertions, with lines out of order', () => {
    const store = new LogStore();
    const index = sectionsOf(store);
    // Ids 1..3000 in a random order of blocks; times follow ids, but some clocks are off.
    const blocks: number[] = [];
    for (let b = 0; b < 60; b++) blocks.push(b);
    blocks.sort(() => random() - 0.5);
    for (const b of blocks) {
      const lines = linesFrom(b * 50 + 1, 50, b * 15).map((line, i) =>
        i % 17 === 0 ? testLine(line.id, line.level, String(900 - b)) : line,
      );
      if (random() < 0.5) store.insertRun(lines);
      else store.append(lines);
      index.update();
      expect(index.sections).toEqual(plain(store));
    }
  });

  it('places again, for a new placer, only the sections that can change', () => {
    const store = new LogStore();
    store.append(linesFrom(1, 800, 0));
    const index = sectionsOf(store).update();
    const untouched = index.sections.filter((s) => s.maxTime < 650).map((s) => ({ ...s }));
    // Step 6 (600 s on) ends at 700 s and step 7 begins there: only lines from 698 s can move.
    const advanced = (t: number | null) => (t !== null && t >= 700 && t < 1000 ? 7 : place(t));
    const calls = vi.fn(advanced);
    index.setPlacer(calls, 698);
    expect(index.sections).toEqual(plain(store, advanced));
    expect(index.sections.slice(0, untouched.length)).toEqual(untouched);
    const placedAgain = calls.mock.calls.length;
    expect(placedAgain).toBeGreaterThan(0);
    expect(placedAgain).toBeLessThan(200);
    // Nothing changes: nothing is placed.
    calls.mockClear();
    index.setPlacer(calls, Infinity);
    expect(calls).not.toHaveBeenCalled();
    // Anything may change: everything is placed again.
    index.setPlacer(place, -Infinity);
    expect(index.sections).toEqual(plain(store));
  });

  it('brings itself up to the store before the steps change, a backfill pending', () => {
    const span = (key: string, start: number, end: number | null) =>
      ({
        key,
        start: start * 1000,
        end: end === null ? null : end * 1000,
        open: end === null,
      }) as StepSpan;
    const placement = (spans: StepSpan[]) => ({ spans, place: linePlacer(spans, 0) });
    const before = placement([span('a', 0, 100), span('b', 100, null)]);
    const after = placement([span('a', 0, 100), span('b', 100, 200), span('c', 200, null)]);
    const seconds = (line: LogLine) => Number(line.message) * 1000;
    const store = new LogStore();
    store.append(Array.from({ length: 100 }, (_, i) => testLine(1000 + i, 'INFO', String(i * 3))));
    const index = new SectionIndex(store, before, seconds).update();
    // Older lines arrive, and the job advances, before the index looks again.
    store.insertRun(Array.from({ length: 50 }, (_, i) => testLine(1 + i, 'INFO', String(150 + i))));
    index.setPlacement(after);
    index.update();
    const expected = new SectionIndex(store, after, seconds).update();
    expect(index.sections).toEqual(expected.sections);
  });

  it('places everything again for another clock tolerance, and nothing for the same steps', () => {
    const store = new LogStore();
    store.append(linesFrom(1, 300, 0));
    const calls = vi.fn(place);
    const index = new SectionIndex(store, { spans: [], place: calls, toleranceMs: 2000 }, timeOf);
    index.update();
    calls.mockClear();
    // The same placer with the steps anew (their durations change by the minute): the headers
    // read the new steps, and no line is placed.
    const renewed = [{ key: 'step one' } as StepSpan];
    index.setPlacement({ spans: renewed, place: calls, toleranceMs: 2000 });
    expect(calls).not.toHaveBeenCalled();
    expect(index.spanOf(0)).toBe(renewed[0]);
    // Another tolerance comes with another placer.
    const wider = vi.fn(place);
    index.setPlacement({ spans: [], place: wider, toleranceMs: 5000 });
    expect(calls).not.toHaveBeenCalled();
    expect(wider.mock.calls.length).toBe(
      store.size - index.sections.reduce((n, s) => n + s.untimed, 0),
    );
  });

  it('keeps the part of a section before lines inserted inside it, its errors recounted', () => {
    const store = new LogStore();
    const stepOne = (firstId: number, n: number) =>
      Array.from({ length: n }, (_, i) =>
        testLine(firstId + i, i % 4 === 0 ? 'ERROR' : 'INFO', String(100 + i)),
      );
    store.append([...stepOne(1, 50), ...stepOne(151, 50)]);
    const index = sectionsOf(store).update();
    expect(index.sections.map((s) => [s.step, s.count, s.errors])).toEqual([[1, 100, 26]]);
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
    const index = sectionsOf(store).update();
    for (let position = 0; position < store.size; position += 7) {
      const k = index.sectionOf(position);
      const section = index.sections[k]!;
      expect(position).toBeGreaterThanOrEqual(section.start);
      expect(position).toBeLessThan(section.start + section.count);
    }
    expect(index.sectionOf(store.size)).toBe(-1);
  });
});
