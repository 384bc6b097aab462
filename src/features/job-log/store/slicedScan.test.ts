import { describe, expect, it } from 'vitest';
import { testLine } from '../testLines';
import { LogStore } from './LogStore';
import { LineIndex } from './lineIndex';
import { scanInSlices, type Schedule } from './slicedScan';

/** A schedule the test runs by hand: each task waits in `queue` until `runNext`. */
function manualSchedule() {
  const queue: (() => void)[] = [];
  const schedule: Schedule = (task) => {
    queue.push(task);
    return () => {
      const at = queue.indexOf(task);
      if (at >= 0) queue.splice(at, 1);
    };
  };
  const runNext = () => queue.shift()?.();
  return { queue, schedule, runNext };
}

function bigStore(lines: number) {
  const store = new LogStore();
  const batch = [];
  // Even ids: an odd one can be inserted among them, as a straggler or a backfill is.
  for (let k = 1; k <= lines; k++) {
    const id = k * 2;
    batch.push(testLine(id, k % 7 === 0 ? 'ERROR' : 'INFO', `line ${id} valve ${k % 13}`));
  }
  store.append(batch);
  return store;
}

const plainScan = (store: LogStore, test: (text: string) => boolean) => {
  const out: number[] = [];
  store.forEach(0, store.size, (line, position) => {
    if (test(line.text)) out.push(position);
  });
  return out;
};

describe('scanInSlices', () => {
  it('finishes the scan over several tasks and finds what a plain scan finds', () => {
    const store = bigStore(200_000);
    const test = (text: string) => text.endsWith('valve 3');
    const index = new LineIndex(store, (line) => test(line.text));
    const { queue, schedule, runNext } = manualSchedule();
    const slices: boolean[] = [];
    // A zero budget: one slice of lines per task.
    scanInSlices(index, { sliceMs: 0, schedule, onSlice: (complete) => slices.push(complete) });
    expect(index.scannedLines).toBe(0);
    while (queue.length > 0) runNext();
    expect(slices.length).toBeGreaterThan(5);
    expect(slices.slice(0, -1).every((complete) => !complete)).toBe(true);
    expect(slices.at(-1)).toBe(true);
    expect(index.complete).toBe(true);
    expect(index.positions).toEqual(plainScan(store, test));
  });

  it('keeps up with lines appended and inserted above while it scans', () => {
    const store = bigStore(100_000);
    const test = (text: string) => text.includes('valve 5');
    const index = new LineIndex(store, (line) => test(line.text));
    const { queue, schedule, runNext } = manualSchedule();
    scanInSlices(index, { sliceMs: 0, schedule, onSlice: () => undefined });
    runNext();
    runNext();
    const scannedBefore = index.scannedLines;
    expect(scannedBefore).toBeGreaterThan(0);
    // Appended after the end, and an older line inserted among the lines scanned.
    store.append([testLine(200_005, 'INFO', 'late valve 5'), testLine(200_006, 'INFO', 'x')]);
    store.append([testLine(3, 'INFO', 'early valve 5')]);
    while (queue.length > 0) runNext();
    expect(index.complete).toBe(true);
    expect(index.positions).toEqual(plainScan(store, test));
  });

  it('stops when cancelled: a new query replaces the scan', () => {
    const store = bigStore(100_000);
    const index = new LineIndex(store, (line) => line.text.includes('valve 1'));
    const { queue, schedule, runNext } = manualSchedule();
    let slices = 0;
    const cancel = scanInSlices(index, {
      sliceMs: 0,
      schedule,
      onSlice: () => slices++,
    });
    runNext();
    const scanned = index.scannedLines;
    cancel();
    expect(queue).toHaveLength(0);
    runNext();
    expect(slices).toBe(1);
    expect(index.scannedLines).toBe(scanned);
    expect(index.complete).toBe(false);
  });

  it('schedules nothing for an index already complete', () => {
    const store = bigStore(10);
    const index = new LineIndex(store, () => true).update();
    const { queue, schedule } = manualSchedule();
    scanInSlices(index, { schedule, onSlice: () => undefined });
    expect(queue).toHaveLength(0);
  });
});

describe('LineIndex.update with a budget', () => {
  it('stops between slices once the budget is spent and resumes where it stopped', () => {
    const store = bigStore(100_000);
    const index = new LineIndex(store, (line) => line.severity === 'ERROR');
    index.update(0);
    expect(index.complete).toBe(false);
    expect(index.scannedLines).toBeGreaterThan(0);
    expect(index.scannedLines).toBeLessThan(store.size);
    while (!index.complete) index.update(0);
    const whole = new LineIndex(store, (line) => line.severity === 'ERROR').update();
    expect(index.positions).toEqual(whole.positions);
    expect(index.size).toBe(Math.floor(100_000 / 7));
  });
});
