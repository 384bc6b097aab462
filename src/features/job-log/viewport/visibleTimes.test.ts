import { describe, expect, it, vi } from 'vitest';
import { testLine } from '../testLines';
import { LogStore } from '../store/LogStore';
import { allLines } from '../model/logView';
import { fixedLayout, ROW_HEIGHT } from './rowLayout';
import { VisibleTimes } from './visibleTimes';

const T0 = Date.UTC(2026, 10, 29, 14, 0, 0);

describe('VisibleTimes', () => {
  it('takes the earliest and latest time of the rows inside the window, skipping untimed lines', () => {
    const store = new LogStore();
    const offsets = [0, 900, 5000, 1000, null, 7000, 8000, 9000];
    store.append(
      offsets.map((ms, i) =>
        testLine(i + 1, 'INFO', `m${i}`, ms === null ? null : new Date(T0 + ms).toISOString()),
      ),
    );
    const view = allLines(store);
    const layout = fixedLayout(store.size);
    // Rendered: every row (overscan); on screen: rows 2, 3 and 4 (the untimed one).
    const rows = offsets.map((_, row) => ({ row, top: row * ROW_HEIGHT }));
    const times = new VisibleTimes();
    const heard = vi.fn();
    times.subscribe(heard);
    times.report(store, view, layout, rows, 2 * ROW_HEIGHT, 3 * ROW_HEIGHT);
    // Times out of id order: the min and max, not the first and last.
    expect([times.from, times.to]).toEqual([T0 + 1000, T0 + 5000]);
    expect(heard).toHaveBeenCalledTimes(1);
    times.report(store, view, layout, rows, 2 * ROW_HEIGHT, 3 * ROW_HEIGHT);
    expect(heard).toHaveBeenCalledTimes(1);
    // Only an untimed row on screen: nothing to outline.
    times.report(store, view, layout, rows, 4 * ROW_HEIGHT, ROW_HEIGHT);
    expect(times.from).toBeNaN();
    expect(heard).toHaveBeenCalledTimes(2);
  });
});
