import { describe, expect, it } from 'vitest';
import { parseProcStatus } from './proc.ts';

describe('parseProcStatus', () => {
  it('reads the resident and peak resident sizes in MB', () => {
    const text = 'Name:\tnode\nVmPeak:\t 2048000 kB\nVmHWM:\t  409600 kB\nVmRSS:\t  102400 kB\n';
    expect(parseProcStatus(text)).toEqual({ rssMb: 100, peakMb: 400 });
  });

  it('is NaN for a field the text lacks (a process that has exited)', () => {
    const memory = parseProcStatus('Name:\tnode\nState:\tZ (zombie)\n');
    expect(memory.rssMb).toBeNaN();
    expect(memory.peakMb).toBeNaN();
  });
});
