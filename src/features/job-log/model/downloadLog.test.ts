import { describe, expect, it } from 'vitest';
import { testLine } from '../testLines';
import { LogStore } from '../store/LogStore';
import { logFileName, logFileParts, rangeText } from './downloadLog';

describe('log file', () => {
  const store = new LogStore();
  store.append([
    testLine(4, 'ERROR', '<img src=x onerror=alert(1)>'),
    testLine(9, 'INFO', 'b', '2026-01-01T00:00:01Z'),
  ]);

  it('writes one line per log in id order', () => {
    expect(logFileParts(store).join('')).toBe(
      '4 - ERROR <img src=x onerror=alert(1)>\n9 2026-01-01T00:00:01.000Z INFO b\n',
    );
    expect(logFileName('abc123')).toBe('job-abc123.log');
  });

  it('copies a range of ids', () => {
    expect(rangeText(store, 5, 9)).toBe('9 2026-01-01T00:00:01.000Z INFO b');
    expect(rangeText(store, 1, 100).split('\n')).toHaveLength(2);
  });
});
