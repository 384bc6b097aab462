import { describe, expect, it, vi } from 'vitest';
import { CHUNK_SIZE, LogStore } from './LogStore';
import { testLine as line } from '../testLines';
const range = (from: number, to: number, level = 'INFO') =>
  Array.from({ length: to - from }, (_, i) => line(from + i, level));

function ids(store: LogStore): number[] {
  const out: number[] = [];
  store.forEach(0, store.size, (l) => out.push(l.id));
  return out;
}

describe('LogStore.insertRun (backfilled blocks)', () => {
  it('inserts an older run into the gap as one insertion, with counts and order right', () => {
    const store = new LogStore();
    store.append([...range(1, 4), ...range(100, 103, 'ERROR')]);
    const layout = store.layoutVersion;
    const version = store.version;
    expect(store.insertRun(range(50, 55, 'WARN'))).toBe(5);
    expect(ids(store)).toEqual([1, 2, 3, 50, 51, 52, 53, 54, 100, 101, 102]);
    expect(store.counts).toMatchObject({ INFO: 3, WARN: 5, ERROR: 3 });
    expect(store.version).toBe(version + 1);
    expect(store.insertionsSince(layout)).toEqual([{ version: layout + 1, at: 3, count: 5 }]);
    expect(store.maxId).toBe(102);
    expect(store.indexOfId(54)).toBe(7);
  });

  it('drops ids already held at the seams and splits a run around held lines', () => {
    const store = new LogStore();
    store.append([line(10), line(20), line(30)]);
    const added = store.insertRun([line(10), line(12), line(15), line(20), line(25), line(30)]);
    expect(added).toBe(3);
    expect(ids(store)).toEqual([10, 12, 15, 20, 25, 30]);
    expect(store.counts.INFO).toBe(6);
    expect(store.insertRun([line(12), line(25)])).toBe(0);
  });

  it('prepends before everything held, and appends past the end without an insertion', () => {
    const store = new LogStore();
    store.append(range(500, 510));
    const layout = store.layoutVersion;
    store.insertRun(range(1, 4));
    expect(ids(store).slice(0, 4)).toEqual([1, 2, 3, 500]);
    expect(store.insertionsSince(layout)).toEqual([{ version: layout + 1, at: 0, count: 3 }]);
    const after = store.layoutVersion;
    store.insertRun(range(600, 602));
    expect(store.layoutVersion).toBe(after);
    expect(store.maxId).toBe(601);
  });

  it('keeps positions right across chunk boundaries for runs longer than a chunk', () => {
    const store = new LogStore();
    const head = range(1, CHUNK_SIZE + 10);
    const tail = range(1_000_000, 1_000_000 + CHUNK_SIZE);
    store.append([...head, ...tail]);
    const gap = range(100_000, 100_000 + 2 * CHUNK_SIZE + 7);
    store.insertRun(gap);
    expect(store.size).toBe(head.length + gap.length + tail.length);
    const all = ids(store);
    expect(all).toEqual([...head, ...gap, ...tail].map((l) => l.id));
    for (const probe of [0, CHUNK_SIZE + 9, CHUNK_SIZE + 10, head.length + gap.length]) {
      expect(store.at(probe).id).toBe(all[probe]);
    }
    // A later out-of-order line still lands in place.
    store.append([line(100_000 + CHUNK_SIZE + 0.5)]);
    expect(store.indexOfId(100_000 + CHUNK_SIZE + 0.5)).toBe(head.length + CHUNK_SIZE + 1);
  });

  it('forgets old insertions: an index that far behind must rebuild', () => {
    const store = new LogStore();
    store.append([line(1_000)]);
    for (let i = 1; i <= 70; i++) store.insertRun([line(i)]);
    expect(store.insertionsSince(0)).toBeNull();
    expect(store.insertionsSince(store.layoutVersion - 3)).toHaveLength(3);
    expect(store.insertionsSince(store.layoutVersion)).toEqual([]);
  });

  it('fails loudly instead of looping when a round cannot take a line', () => {
    const store = new LogStore();
    store.append([line(10), line(20)]);
    // A broken position lookup (here: always the start) would make no progress.
    vi.spyOn(store, 'lowerBound').mockReturnValue(0);
    expect(() => store.insertRun([line(15)])).toThrow(/no progress at line 15/);
  });
});
