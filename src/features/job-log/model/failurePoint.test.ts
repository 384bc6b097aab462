import { describe, expect, it } from 'vitest';
import { LogStore } from '../store/LogStore';
import { LineIndex } from '../store/lineIndex';
import { testLine } from '../testLines';
import { failurePoint } from './failurePoint';

const T = Date.parse('2026-11-29T08:00:00.000Z');
const at = (s: number) => new Date(T + s * 1000).toISOString();

function setup(lines: [number, string, number | null][]) {
  const store = new LogStore();
  store.append(
    lines.map(([id, level, s]) => testLine(id, level, `line ${id}`, s === null ? null : at(s))),
  );
  const errors = new LineIndex(store, (line) => line.severity === 'ERROR').update();
  // The failed step ran from 100 s on.
  const inStep = (line: { creationDate: string | null }) =>
    line.creationDate !== null && Date.parse(line.creationDate) >= T + 100_000;
  return { store, errors, inStep };
}

describe('failurePoint', () => {
  it("opens at the failed step's first ERROR, not at an earlier step's", () => {
    const { store, errors, inStep } = setup([
      [1, 'ERROR', 10],
      [2, 'INFO', 100],
      [3, 'INFO', 101],
      [4, 'ERROR', 102],
      [5, 'ERROR', 103],
    ]);
    expect(failurePoint(store, errors, inStep, T + 100_000)).toBe(3);
  });

  it("without an ERROR, opens at the step's first line, walking back over lines without a time", () => {
    const { store, errors, inStep } = setup([
      [1, 'ERROR', 10],
      [2, 'INFO', 50],
      [3, 'INFO', 100],
      [4, 'INFO', null],
      [5, 'INFO', 104],
    ]);
    expect(failurePoint(store, errors, inStep, T + 100_000)).toBe(2);
  });

  it('finds nothing when no line held belongs to the step', () => {
    const { store, errors, inStep } = setup([
      [1, 'INFO', 10],
      [2, 'ERROR', 20],
    ]);
    expect(failurePoint(store, errors, inStep, T + 100_000)).toBe(-1);
  });
});
