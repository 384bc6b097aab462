import { describe, expect, it } from 'vitest';
import { severityOf, type LogLine } from '../model/logLine';
import { testLine } from '../testLines';
import { CHUNK_SIZE, LogStore } from './LogStore';

function line(id: number, level = 'INFO', message = `line ${id}`): LogLine {
  return testLine(id, level, message, '2026-11-24T10:00:00.000Z');
}

function ids(store: LogStore): number[] {
  const out: number[] = [];
  store.forEach(0, store.size, (l) => out.push(l.id));
  return out;
}

describe('LogStore', () => {
  it('appends in id order and reports the highest id', () => {
    const store = new LogStore();
    expect(store.maxId).toBe(0);
    expect(store.append([line(3), line(7), line(12)])).toEqual({ added: 3, atEnd: true });
    expect(store.append([line(15)])).toEqual({ added: 1, atEnd: true });
    expect(ids(store)).toEqual([3, 7, 12, 15]);
    expect(store.maxId).toBe(15);
    expect(store.at(2).id).toBe(12);
    expect(() => store.at(4)).toThrow(RangeError);
  });

  it('drops ids already held', () => {
    const store = new LogStore();
    store.append([line(1), line(2), line(3)]);
    const result = store.append([line(2), line(3), line(4)]);
    expect(result.added).toBe(1);
    expect(ids(store)).toEqual([1, 2, 3, 4]);
  });

  it('refuses a page that is not sorted by id, or repeats one, and keeps what it held', () => {
    const store = new LogStore();
    store.append([line(1)]);
    expect(() => store.append([line(3), line(2)])).toThrow(/sorted by id \(2 after 3\)/);
    expect(() => store.append([line(5), line(5)])).toThrow(/sorted by id/);
    expect(ids(store)).toEqual([1, 3, 5]);
  });

  it('merges lines that arrive before lines already held', () => {
    const store = new LogStore();
    store.append([line(10), line(30), line(40)]);
    const before = store.layoutVersion;
    expect(store.append([line(5), line(20), line(30), line(50)])).toEqual({
      added: 3,
      atEnd: false,
    });
    expect(ids(store)).toEqual([5, 10, 20, 30, 40, 50]);
    // One insertion per line spliced in (5 at 0, then 20 at 2); 50 went on the end.
    expect(store.layoutVersion).toBe(before + 2);
    expect(store.insertionsSince(before)?.map(({ at, count }) => [at, count])).toEqual([
      [0, 1],
      [2, 1],
    ]);
    expect(store.indexOfId(20)).toBe(2);
    expect(store.indexOfId(21)).toBe(-1);
    expect(store.lowerBound(21)).toBe(3);
  });

  it('counts lines per level as they arrive, including spliced ones', () => {
    const store = new LogStore();
    store.append([line(2, 'ERROR'), line(4, 'warn'), line(6, 'DEBUG'), line(8, 'INFO')]);
    store.append([line(3, 'ERROR'), line(4, 'ERROR'), line(9, 'NOTICE')]);
    expect(store.counts).toEqual({ ERROR: 2, WARN: 1, INFO: 1, DEBUG: 1, OTHER: 1 });
    expect(severityOf('warning')).toBe('WARN');
  });

  it('notifies subscribers only when lines were added', () => {
    const store = new LogStore();
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.append([line(1)]);
    store.append([line(1)]);
    unsubscribe();
    store.append([line(2)]);
    expect(calls).toBe(1);
    expect(store.getVersion()).toBe(2);
  });

  it('keeps order across chunk boundaries when splicing into full chunks', () => {
    const store = new LogStore();
    const even: LogLine[] = [];
    for (let i = 1; i <= CHUNK_SIZE * 3; i++) even.push(line(i * 2));
    store.append(even);
    const odd: LogLine[] = [];
    for (let i = 0; i < CHUNK_SIZE * 3; i++) odd.push(line(i * 2 + 1));
    // Spliced one by one, each into a full chunk (the rare out-of-order line, many times).
    store.append(odd);
    expect(store.size).toBe(CHUNK_SIZE * 6);
    const all = ids(store);
    expect(all.every((id, i) => id === i + 1)).toBe(true);
    expect(store.at(CHUNK_SIZE * 6 - 1).id).toBe(CHUNK_SIZE * 6);
    expect(store.indexOfId(CHUNK_SIZE * 2 + 1)).toBe(CHUNK_SIZE * 2);
  });

  it('holds a million lines appended page by page, with gaps in the ids', () => {
    const store = new LogStore();
    const pageSize = 2000;
    let id = 100;
    for (let page = 0; page < 500; page++) {
      const rows: LogLine[] = new Array(pageSize);
      for (let i = 0; i < pageSize; i++) {
        id += 1 + (i % 3);
        rows[i] = line(id, i % 50 === 0 ? 'ERROR' : 'INFO', '');
      }
      expect(store.append(rows).added).toBe(pageSize);
    }
    expect(store.size).toBe(1_000_000);
    expect(store.maxId).toBe(id);
    expect(store.counts.ERROR).toBe(20_000);
    let previous = 0;
    let ordered = true;
    store.forEach(0, store.size, (l) => {
      if (l.id <= previous) ordered = false;
      previous = l.id;
    });
    expect(ordered).toBe(true);
    const middle = store.at(500_000);
    expect(store.indexOfId(middle.id)).toBe(500_000);
  });
});
