import { describe, expect, it, vi } from 'vitest';
import type { LogLine } from '../model/logLine';
import { testLine } from '../testLines';
import { LogStore } from './LogStore';
import { SectionRows } from './sectionRows';
import { expand, linesFrom, place, random, sectionsOf } from './sectionTestHelpers';

describe('SectionRows', () => {
  it('lays out headers and lines, folded or not, as a plain expansion does', () => {
    const store = new LogStore();
    store.append(linesFrom(1, 800, 0));
    const index = sectionsOf(store).update();
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
    const index = sectionsOf(store).update();
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
    const index = sectionsOf(store, calls).update();
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
