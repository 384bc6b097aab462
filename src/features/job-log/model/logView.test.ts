import { describe, expect, it } from 'vitest';
import { BETWEEN_STEPS, type StepSpan } from '../../../lib/stepSpans';
import { LogStore } from '../store/LogStore';
import { SectionIndex } from '../store/sectionIndex';
import { SectionRows } from '../store/sectionRows';
import { testLine } from '../testLines';
import { sectionedLines } from './logView';
import { sectionText } from './sectionText';

const T = Date.parse('2026-11-29T08:00:00.000Z');
const at = (s: number) => new Date(T + s * 1000).toISOString();

/** Three steps of 10 s from T; lines every second for 35 s, one without a time. */
function setup() {
  const store = new LogStore();
  store.append(
    Array.from({ length: 35 }, (_, i) =>
      testLine(i + 1, i === 12 ? 'ERROR' : 'INFO', `l${i}`, i === 25 ? null : at(i)),
    ),
  );
  const place = (t: number | null) =>
    t === null
      ? -2
      : t < T
        ? BETWEEN_STEPS
        : t < T + 30_000
          ? Math.floor((t - T) / 10_000)
          : BETWEEN_STEPS;
  const spans = [0, 1, 2].map((k) => ({ key: `s${k}` }) as StepSpan);
  const index = new SectionIndex(store, { spans, place }).update();
  const rows = new SectionRows(store, index).sync();
  return { store, index, rows };
}

describe('sectionedLines', () => {
  it('shows a header above each section, and only the header of a folded one', () => {
    const { store, index, rows } = setup();
    let view = sectionedLines(store, index, rows);
    expect(index.sections.map((s) => [s.step, s.count, s.untimed])).toEqual([
      [0, 10, 0],
      [1, 10, 0],
      [2, 10, 1],
      [BETWEEN_STEPS, 5, 0],
    ]);
    expect(view.count).toBe(35 + 4);
    expect(view.headerAt(0)).toBe(0);
    expect(view.headerAt(11)).toBe(1);
    expect(view.positionAt(11)).toBe(10);
    expect(view.positionAt(12)).toBe(10);
    expect(view.headerAt(12)).toBe(-1);
    expect(view.rowAtOrAfter(10)).toBe(12);

    rows.setFolded(1, true);
    view = sectionedLines(store, index, rows);
    expect(view.count).toBe(35 + 4 - 10);
    // A line of the folded section is in the view, at its header's row.
    expect(view.shows(15)).toBe(true);
    expect(view.rowAtOrAfter(15)).toBe(11);
    expect(view.headerAt(12)).toBe(2);
    expect(view.positionAt(13)).toBe(20);
    expect(view.linesFrom(30)).toBe(5);
    expect(view.rowAtOrAfter(store.size)).toBe(view.count);
  });

  it('says what each header stands for', () => {
    const { index } = setup();
    const span = {
      number: '2',
      title: 'Hour meter reading',
      open: false,
      outcome: 'completed',
      timing: { activeMs: 252_000, pausedMs: 0 },
    } as unknown as StepSpan;
    expect(sectionText(index.sections[1]!, span)).toEqual({
      title: 'Step 2 - Hour meter reading',
      detail: 'completed, active 4 m 12 s - 10 lines',
      errors: '1 error',
    });
    expect(sectionText(index.sections[2]!, { ...span, open: true }).detail).toBe(
      'running, active 4 m 12 s - 10 lines, 1 without a time, placed by order',
    );
    expect(sectionText(index.sections[3]!, null)).toEqual({
      title: 'No step',
      detail: '5 lines written while no step was active',
      errors: null,
    });
  });
});
