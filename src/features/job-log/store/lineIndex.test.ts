import { describe, expect, it } from 'vitest';
import { testLine } from '../testLines';
import { LogStore } from './LogStore';
import { LineIndex, whereNow } from './lineIndex';
import { filteredLines } from '../model/logView';

const line = (id: number, level: string) => testLine(id, level, `m${id}`);

describe('LineIndex', () => {
  it('extends with new lines only and rebuilds when a line lands before the end', () => {
    const store = new LogStore();
    let tested = 0;
    const errors = new LineIndex(store, (l) => {
      tested++;
      return l.level === 'ERROR';
    });
    store.append([line(2, 'ERROR'), line(4, 'INFO'), line(6, 'ERROR')]);
    expect(errors.update().positions).toEqual([0, 2]);
    store.append([line(8, 'ERROR')]);
    tested = 0;
    expect(errors.update().positions).toEqual([0, 2, 3]);
    expect(tested).toBe(1);
    store.append([line(3, 'ERROR')]);
    expect(errors.update().positions).toEqual([0, 1, 3, 4]);

    const view = filteredLines(errors);
    expect(view.count).toBe(4);
    expect(view.positionAt(2)).toBe(3);
    expect(view.shows(2)).toBe(false);
    expect(view.rowAtOrAfter(2)).toBe(2);
  });
});

describe('LineIndex after older lines are inserted', () => {
  it('shifts positions and scans only the inserted lines', () => {
    const store = new LogStore();
    let tested = 0;
    const errors = new LineIndex(store, (l) => {
      tested++;
      return l.level === 'ERROR';
    });
    store.append([line(1, 'ERROR'), line(2, 'INFO'), line(100, 'ERROR'), line(101, 'INFO')]);
    expect(errors.update().positions).toEqual([0, 2]);
    tested = 0;
    store.insertRun([line(50, 'ERROR'), line(51, 'INFO'), line(52, 'ERROR')]);
    expect(errors.update().positions).toEqual([0, 2, 4, 5]);
    expect(tested).toBe(3);
  });

  it('applies several insertions and appends between two updates', () => {
    const store = new LogStore();
    const index = new LineIndex(store, (l) => l.level === 'ERROR');
    store.append([line(1, 'ERROR'), line(100, 'ERROR'), line(200, 'ERROR')]);
    index.update();
    store.insertRun([line(150, 'ERROR'), line(160, 'INFO')]);
    store.append([line(300, 'ERROR')]);
    store.insertRun([line(50, 'ERROR'), line(60, 'ERROR')]);
    store.append([line(250, 'ERROR')]);
    const fresh = new LineIndex(store, (l) => l.level === 'ERROR').update();
    expect(index.update().positions).toEqual(fresh.positions);
    expect(fresh.positions).toEqual([0, 1, 2, 3, 4, 6, 7, 8]);
  });

  it('agrees with a fresh index after a straggler lands inside an inserted run', () => {
    const store = new LogStore();
    const index = new LineIndex(store, (l) => l.level === 'ERROR');
    store.append([line(1, 'ERROR'), line(100, 'ERROR')]);
    index.update();
    store.insertRun([line(10, 'ERROR'), line(20, 'ERROR')]);
    store.append([line(15, 'ERROR')]);
    expect(whereNow(store.insertionsSince(0)!)).toBeNull();
    const fresh = new LineIndex(store, (l) => l.level === 'ERROR').update();
    expect(index.update().positions).toEqual(fresh.positions);
  });
});
