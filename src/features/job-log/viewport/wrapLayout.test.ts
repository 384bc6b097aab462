import { describe, expect, it, vi } from 'vitest';
import { LogStore } from '../store/LogStore';
import { LineIndex } from '../store/lineIndex';
import { allLines, filteredLines, sectionedLines } from '../model/logView';
import { SectionIndex } from '../store/sectionIndex';
import { SectionRows } from '../store/sectionRows';
import { testLine } from '../testLines';
import { ROW_HEIGHT } from './rowLayout';
import { predictHeight, UNMEASURED, WrapLayout, type WrapMetrics } from './wrapLayout';

const metrics: WrapMetrics = { columns: 10, headerHeight: 0 };

function storeOf(messages: string[], firstId = 1): LogStore {
  const store = new LogStore();
  store.append(messages.map((message, i) => testLine(firstId + i, 'INFO', message)));
  return store;
}

/** Row tops by summing heights one by one: what the tree must agree with. */
function plainTops(layout: WrapLayout): number[] {
  const tops = [0];
  for (let row = 0; row < layout.count; row++) tops.push(tops[row]! + layout.height(row));
  return tops;
}

function expectConsistent(layout: WrapLayout) {
  const tops = plainTops(layout);
  for (let row = 0; row <= layout.count; row++) expect(layout.top(row)).toBe(tops[row]);
  expect(layout.total).toBe(tops[layout.count]);
  for (let row = 0; row < layout.count; row++) {
    expect(layout.rowAt(tops[row]!)).toBe(row);
    expect(layout.rowAt(tops[row + 1]! - 0.5)).toBe(row);
  }
}

describe('predictHeight', () => {
  it('takes ceil(length / columns) lines, at least one, below the header', () => {
    const h = (message: string, m: WrapMetrics = metrics) =>
      predictHeight(testLine(1, 'INFO', message), m) / ROW_HEIGHT;
    expect(h('')).toBe(1);
    expect(h('x'.repeat(10))).toBe(1);
    expect(h('x'.repeat(11))).toBe(2);
    expect(h('x'.repeat(31))).toBe(4);
    expect(h('x'.repeat(500), UNMEASURED)).toBe(1);
    // Narrow screens: the message starts 32 px down (a line and a 12 px gap).
    expect(h('', { columns: 10, headerHeight: 32 })).toBe(1.6);
    expect(h('x'.repeat(11), { columns: 10, headerHeight: 32 })).toBe(3.6);
    // A tab counts as its widest (8 columns).
    expect(h('\tx')).toBe(1);
    expect(h('\t\tx')).toBe(2);
  });
});

describe('WrapLayout', () => {
  it('lays out rows of predicted heights, and finds the row at any offset', () => {
    const store = storeOf(['short', 'x'.repeat(25), '', 'y'.repeat(10), 'z'.repeat(11)]);
    const layout = new WrapLayout();
    layout.sync(store, allLines(store), metrics);
    expect([0, 1, 2, 3, 4].map(layout.height)).toEqual([20, 60, 20, 20, 40]);
    expect(layout.total).toBe(160);
    expect(layout.top(2)).toBe(80);
    expect(layout.rowAt(0)).toBe(0);
    expect(layout.rowAt(79)).toBe(1);
    expect(layout.rowAt(80)).toBe(2);
    expect(layout.rowAt(10_000)).toBe(4);
    expect(layout.rowAt(-5)).toBe(0);
    expectConsistent(layout);
  });

  it('appends rows without a rebuild, and agrees with a plain sum at every size', () => {
    const store = new LogStore();
    const layout = new WrapLayout();
    let id = 1;
    const versions = new Set<number>();
    for (let batch = 0; batch < 40; batch++) {
      const lines = Array.from({ length: 1 + ((batch * 7) % 53) }, () =>
        testLine(id, 'INFO', 'm'.repeat((id++ * 13) % 37)),
      );
      store.append(lines);
      layout.sync(store, allLines(store), metrics);
      if (batch > 0) versions.add(layout.version);
      expectConsistent(layout);
    }
    // The first sync built the layout; the appends after it moved no row already laid out.
    expect(versions.size).toBe(1);
    expect(layout.count).toBe(store.size);
  });

  it('keeps a measured height for its line, through appends and rebuilds, until the width changes', () => {
    const store = storeOf(['a', 'b', 'c', 'd']);
    const layout = new WrapLayout();
    layout.sync(store, allLines(store), metrics);
    const before = layout.version;
    expect(layout.measure(1, store.at(1).id, 47)).toBe(true);
    expect(layout.version).toBe(before + 1);
    expect(layout.measure(1, store.at(1).id, 47)).toBe(false);
    // A row that no longer shows that line is not the one measured.
    expect(layout.measure(2, store.at(1).id, 99)).toBe(false);
    expect(layout.top(2)).toBe(20 + 47);
    expectConsistent(layout);

    store.append([testLine(10, 'INFO', 'e')]);
    layout.sync(store, allLines(store), metrics);
    expect(layout.height(1)).toBe(47);
    // Older lines inserted above: a rebuild, and the measured line keeps its height.
    store.insertRun([testLine(0, 'INFO', 'x'.repeat(15))]);
    layout.sync(store, allLines(store), metrics);
    expect(layout.height(0)).toBe(40);
    expect(layout.height(2)).toBe(47);
    expectConsistent(layout);

    layout.sync(store, allLines(store), { columns: 20, headerHeight: 0 });
    expect(layout.height(0)).toBe(20);
    expect(layout.height(2)).toBe(20);
  });

  it('rebuilds for another view of the same store (a filter)', () => {
    const store = new LogStore();
    store.append([
      testLine(1, 'INFO', 'x'.repeat(25)),
      testLine(2, 'ERROR', 'y'),
      testLine(3, 'INFO', 'z'),
      testLine(4, 'ERROR', 'w'.repeat(12)),
    ]);
    const layout = new WrapLayout();
    layout.sync(store, allLines(store), metrics);
    expect(layout.total).toBe(60 + 20 + 20 + 40);
    const errors = new LineIndex(store, (line) => line.severity === 'ERROR').update();
    layout.sync(store, filteredLines(errors), metrics);
    expect(layout.count).toBe(2);
    expect(layout.total).toBe(20 + 40);
    expectConsistent(layout);
  });

  it('holds a million rows: the tree and a plain sum agree at sampled rows', () => {
    const store = new LogStore();
    const lines = [];
    for (let id = 1; id <= 1_000_000; id++) lines.push(testLine(id, 'INFO', 'q'.repeat(id % 31)));
    store.append(lines);
    const layout = new WrapLayout();
    layout.sync(store, allLines(store), metrics);
    let sum = 0;
    for (let row = 0; row < 1_000_000; row++) {
      if (row % 99_991 === 0) {
        expect(layout.top(row)).toBe(sum);
        expect(layout.rowAt(sum)).toBe(row);
      }
      sum += layout.height(row);
    }
    expect(layout.total).toBe(sum);
    // A million lines take seconds to build on a loaded machine; nothing here is timed.
  }, 30_000);

  it('lays out step sections: headers one line high; a fold reads no line again', () => {
    const store = storeOf(Array.from({ length: 60 }, (_, i) => 'm'.repeat(i % 23)));
    // Sections of 20 lines by id.
    const index = new SectionIndex(
      store,
      { spans: [], place: (t) => (t === null ? -2 : Math.floor(t / 20)) },
      (line) => line.id - 1,
    ).update();
    const rows = new SectionRows(store, index).sync();
    const layout = new WrapLayout();
    layout.sync(store, sectionedLines(store, index, rows), metrics);
    expect(layout.count).toBe(63);
    expect(layout.height(0)).toBe(ROW_HEIGHT);
    expect(layout.height(21)).toBe(ROW_HEIGHT);
    expectConsistent(layout);

    const reads = vi.spyOn(store, 'at');
    rows.setFolded(1, true);
    layout.sync(store, sectionedLines(store, index, rows), metrics);
    expect(layout.count).toBe(43);
    expect(reads).not.toHaveBeenCalled();
    expectConsistent(layout);
    const plain = new WrapLayout();
    plain.sync(store, sectionedLines(store, index, rows), metrics);
    expect(layout.total).toBe(plain.total);
  });
});
