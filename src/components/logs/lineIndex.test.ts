import { describe, expect, it } from 'vitest';
import { LogStore } from '../../api/logStore';
import { LineIndex } from './lineIndex';
import { filteredLines } from './logView';

const line = (id: number, level: string) => ({ id, level, message: `m${id}`, creationDate: null });

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
