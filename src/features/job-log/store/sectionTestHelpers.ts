/**
 * For the section tests: lines whose message holds their time, a placer of 100 s steps, and
 * plain passes (sections, rows) to compare the incremental structures with.
 */
import { BETWEEN_STEPS, UNPLACED } from '../../../lib/stepSpans';
import type { LogLine } from '../model/logLine';
import { testLine } from '../testLines';
import type { LogStore } from './LogStore';
import { SectionIndex, type Section } from './sectionIndex';
import type { SectionRows, SectionRow } from './sectionRows';

/** Steps of 100 s each, with a gap from 500 s to 600 s. */
export function place(t: number | null): number {
  if (t === null) return UNPLACED;
  if (t >= 500 && t < 600) return BETWEEN_STEPS;
  return Math.floor(t / 100);
}

/** A test line's message holds its time. */
export function timeOf(line: LogLine): number | null {
  return line.message === 'no time' ? null : Number(line.message);
}

let seed = 11;
export const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

export function linesFrom(firstId: number, count: number, t0: number): LogLine[] {
  return Array.from({ length: count }, (_, i) =>
    testLine(
      firstId + i,
      random() < 0.1 ? 'ERROR' : 'INFO',
      random() < 0.02 ? 'no time' : String(t0 + i + Math.floor(random() * 3)),
    ),
  );
}

/**
 * Sections by a plain pass over every line: runs of the same placement, a line without a time
 * staying in the run it sits in.
 */
export function plain(store: LogStore, placer = place) {
  const out: Section[] = [];
  store.forEach(0, store.size, (line, position) => {
    const time = timeOf(line);
    const last = out.at(-1);
    const step = time === null ? (last?.step ?? UNPLACED) : placer(time);
    if (!last || last.step !== step) {
      out.push({
        step,
        start: position,
        count: 0,
        errors: 0,
        untimed: 0,
        minTime: NaN,
        maxTime: NaN,
      });
    }
    const run = out.at(-1)!;
    run.count++;
    if (line.severity === 'ERROR') run.errors++;
    if (time === null) run.untimed++;
    else {
      run.minTime = Number.isNaN(run.minTime) ? time : Math.min(run.minTime, time);
      run.maxTime = Number.isNaN(run.maxTime) ? time : Math.max(run.maxTime, time);
    }
  });
  return out;
}

export const sectionsOf = (store: LogStore, calls: (t: number | null) => number = place) =>
  new SectionIndex(store, { spans: [], place: calls }, timeOf);

/** The rows as a plain expansion: each section's header, then its lines unless folded. */
export function expand(index: SectionIndex, rows: SectionRows): SectionRow[] {
  const out: SectionRow[] = [];
  index.sections.forEach((section, k) => {
    out.push({ kind: 'header', section: k });
    if (!rows.isFolded(k)) {
      for (let i = 0; i < section.count; i++)
        out.push({ kind: 'line', position: section.start + i });
    }
  });
  return out;
}
