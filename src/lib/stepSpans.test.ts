import { describe, expect, it } from 'vitest';
import type { Step, WorkflowJob } from '../contract';
import {
  BETWEEN_STEPS,
  changedSince,
  CLOCK_TOLERANCE_MS,
  findSpan,
  linePlacer,
  stepSpans,
  UNPLACED,
  type StepSpan,
} from './stepSpans';

const T = Date.parse('2026-11-29T08:00:00.000Z');
const at = (seconds: number) => new Date(T + seconds * 1000).toISOString();

function step(n: number, from: number, to: number | null, extra: Partial<Step> = {}): Step {
  return {
    uniqueStepId: `u${n}`,
    stepNumber: n,
    stepTitle: `Step ${n}`,
    started: at(from),
    completed: to === null ? null : at(to),
    timeEvents: to === null ? { [at(from)]: 0 } : { [at(from)]: 0, [at(to)]: 2 },
    ...extra,
  };
}

function job(parts: {
  completed?: Step[];
  cancelled?: Step[];
  current?: Step | null;
  status?: string;
  updated?: number;
}): Pick<WorkflowJob, 'completedSteps' | 'cancelledSteps' | 'metadata'> {
  return {
    completedSteps: parts.completed ?? [],
    cancelledSteps: parts.cancelled ?? [],
    metadata: {
      status: parts.status ?? 'Active',
      updated: at(parts.updated ?? 1000),
      currentStep: parts.current ? { singleStep: parts.current } : null,
    },
  };
}

const NOW = T + 600_000;

describe('stepSpans', () => {
  it('puts completed, cancelled and current steps on one axis, in start order', () => {
    const spans = stepSpans(
      job({
        completed: [step(2, 60, 120), step(1, 0, 60)],
        cancelled: [{ ...step(3, 120, null), cancelled: at(150) }],
        current: step(4, 150, null),
      }),
      NOW,
    );
    expect(spans.map((s) => [s.number, s.outcome, s.start, s.end, s.open])).toEqual([
      ['1', 'completed', T, T + 60_000, false],
      ['2', 'completed', T + 60_000, T + 120_000, false],
      ['3', 'cancelled', T + 120_000, T + 150_000, false],
      ['4', 'current', T + 150_000, null, true],
    ]);
    expect(spans[3]!.timing.activeMs).toBe(NOW - (T + 150_000));
    expect(spans.every((s) => s.issues.length === 0)).toBe(true);
  });

  it('splits active and paused time from the time events', () => {
    const paused = step(1, 0, 100, {
      timeEvents: { [at(0)]: 0, [at(30)]: 1, [at(50)]: 0, [at(100)]: 2 },
    });
    const [span] = stepSpans(job({ completed: [paused] }), NOW);
    expect(span!.timing.activeMs).toBe(80_000);
    expect(span!.timing.pausedMs).toBe(20_000);
    expect(span!.timing.segments.map((s) => s.kind)).toEqual(['active', 'paused', 'active']);
  });

  it('stops the current step of an ended job at its last update', () => {
    const spans = stepSpans(
      job({ current: step(1, 0, null), status: 'Aborted', updated: 90 }),
      NOW,
    );
    expect(spans[0]).toMatchObject({ end: T + 90_000, open: false });
    expect(spans[0]!.timing.activeMs).toBe(90_000);
  });

  it('names what does not add up, and drops nothing', () => {
    const spans = stepSpans(
      job({
        completed: [
          step(1, 0, 10, { started: 'yesterday', timeEvents: null }),
          step(2, 50, 40),
          step(3, 60, 70, { timeEvents: { [at(30)]: 0, [at(70)]: 2 } }),
          step(4, 80, 90, { uniqueStepId: 'u3' }),
          step(5, 100, 110, { completed: 'not a date', timeEvents: null }),
        ],
      }),
      NOW,
    );
    expect(spans).toHaveLength(5);
    const byNumber = (n: string) => spans.find((s) => s.number === n)!;
    expect(byNumber('1').start).toBeNull();
    expect(byNumber('1').issues.join(' ')).toMatch(
      /start time is not a valid date.*not on the time axis/,
    );
    // Sorted last: it has no start.
    expect(spans.at(-1)!.number).toBe('1');
    expect(byNumber('2').issues.join(' ')).toMatch(/ends .* before it starts/);
    expect(byNumber('2').end).toBe(byNumber('2').start);
    expect(byNumber('3').issues.join(' ')).toMatch(/time events begin at .* before its start time/);
    expect(byNumber('4').issues.join(' ')).toMatch(/same id \(u3\)/);
    expect(new Set(spans.map((s) => s.key)).size).toBe(5);
    expect(byNumber('5').issues.join(' ')).toMatch(/completed time is not a valid date/);
  });

  it('finds a step by its uniqueStepId or its stand-in key', () => {
    const spans = stepSpans(
      job({ completed: [step(1, 0, 10), step(2, 10, 20, { uniqueStepId: null })] }),
      NOW,
    );
    expect(findSpan(spans, 'u1')?.number).toBe('1');
    expect(findSpan(spans, spans[1]!.key)?.number).toBe('2');
    expect(findSpan(spans, 'nope')).toBeNull();
    expect(findSpan(spans, null)).toBeNull();
  });
});

describe('linePlacer', () => {
  const spansOf = (...steps: Step[]) => stepSpans(job({ completed: steps }), NOW);
  const ms = (seconds: number) => T + seconds * 1000;

  it('places a line in the step whose lifetime holds it; edges belong to the step starting there', () => {
    const spans = spansOf(step(1, 0, 60), step(2, 60, 120), step(3, 200, 260));
    const place = linePlacer(spans, 0);
    expect(place(ms(0))).toBe(0);
    expect(place(ms(59.999))).toBe(0);
    expect(place(ms(60))).toBe(1);
    expect(place(ms(119))).toBe(1);
    expect(place(ms(150))).toBe(BETWEEN_STEPS);
    expect(place(ms(-1))).toBe(BETWEEN_STEPS);
    expect(place(ms(300))).toBe(BETWEEN_STEPS);
    expect(place(null)).toBe(UNPLACED);
    expect(place(Number.NaN)).toBe(UNPLACED);
  });

  it('takes lines within the clock tolerance of an edge, nearest edge first', () => {
    const spans = spansOf(step(1, 0, 60), step(2, 100, 160));
    const place = linePlacer(spans, CLOCK_TOLERANCE_MS);
    expect(place(ms(-2))).toBe(0);
    expect(place(ms(-2.001))).toBe(BETWEEN_STEPS);
    expect(place(ms(61.5))).toBe(0);
    expect(place(ms(98.5))).toBe(1);
    expect(place(ms(80))).toBe(BETWEEN_STEPS);
    // A tolerance of 0 takes what is inside, and a step's own end instant.
    expect(linePlacer(spans, 0)(ms(61.5))).toBe(BETWEEN_STEPS);
    expect(linePlacer(spans, 0)(ms(60.001))).toBe(BETWEEN_STEPS);
    expect(linePlacer(spans, 0)(ms(60))).toBe(0);
  });

  it('gives an overlapped time to the step that started last, and the rest to the longer step', () => {
    const spans = spansOf(step(1, 0, 100), step(2, 20, 40), step(3, 110, 120));
    const place = linePlacer(spans, 0);
    expect(place(ms(10))).toBe(0);
    expect(place(ms(30))).toBe(1);
    expect(place(ms(50))).toBe(0);
    expect(place(ms(115))).toBe(2);
  });

  it('lets a running step hold every later line, and an ended step without an end reach the next', () => {
    const spans = stepSpans(
      job({
        completed: [step(1, 0, 10, { completed: null, timeEvents: { [at(0)]: 0 } })],
        current: step(2, 50, null),
      }),
      NOW,
    );
    const place = linePlacer(spans, 0);
    expect(place(ms(40))).toBe(0);
    expect(place(ms(50))).toBe(1);
    expect(place(ms(10_000))).toBe(1);
  });

  it('never places a line in a step without a start', () => {
    const spans = spansOf(step(1, 0, 10, { started: null, timeEvents: null }), step(2, 20, 30));
    const place = linePlacer(spans, 0);
    const second = spans.findIndex((s) => s.number === '2');
    expect(place(ms(5))).toBe(BETWEEN_STEPS);
    expect(place(ms(25))).toBe(second);
  });

  it('agrees with a plain scan over many random steps and lines', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const steps: Step[] = [];
    for (let n = 1; n <= 60; n++) {
      const from = Math.floor(random() * 3000);
      steps.push(step(n, from, from + Math.floor(random() * 200)));
    }
    const spans = spansOf(...steps);
    const place = linePlacer(spans, 1500);
    const plain = (t: number): number => {
      const inside = spans
        .map((s, i) => ({ s, i }))
        .filter(({ s }) => s.start! <= t && (t < s.end! || (t === s.start && s.start === s.end)));
      if (inside.length > 0) return inside.reduce((a, b) => (b.s.start! >= a.s.start! ? b : a)).i;
      let best = BETWEEN_STEPS;
      let bestDistance = 1500;
      spans.forEach((s: StepSpan, i) => {
        const d = t < s.start! ? s.start! - t : t - s.end!;
        // Equally near: the earlier step.
        if (d < bestDistance || (d === bestDistance && best === BETWEEN_STEPS)) {
          best = i;
          bestDistance = d;
        }
      });
      return best;
    };
    for (let k = 0; k < 3000; k++) {
      const t = ms(random() * 3400 - 100);
      expect(place(t), `at ${t - T} ms`).toBe(plain(t));
    }
  });
});

describe('changedSince', () => {
  const ms = (seconds: number) => T + seconds * 1000;

  it('is the old current step end, less the tolerance, when the job advances', () => {
    const before = stepSpans(job({ completed: [step(1, 0, 60)], current: step(2, 60, null) }), NOW);
    const after = stepSpans(
      job({ completed: [step(1, 0, 60), step(2, 60, 130)], current: step(3, 130, null) }),
      NOW,
    );
    expect(changedSince(before, after, 2000)).toBe(ms(130) - 2000);
    expect(changedSince(after, after, 2000)).toBe(Infinity);
  });

  it('agrees with placing every time again: no time before it is placed differently', () => {
    let seed = 3;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let round = 0; round < 30; round++) {
      const steps: Step[] = [];
      let from = 0;
      for (let n = 1; n <= 8; n++) {
        const to = from + 5 + Math.floor(random() * 40);
        steps.push(step(n, from, to));
        from = to + Math.floor(random() * 3);
      }
      const cut = 1 + Math.floor(random() * 7);
      const before = stepSpans(job({ completed: steps.slice(0, cut) }), NOW);
      const moved = steps.slice(0, cut + 1);
      if (random() < 0.5) moved[cut - 1] = { ...moved[cut - 1]!, completed: at(from + 100) };
      const after = stepSpans(job({ completed: moved }), NOW);
      const since = changedSince(before, after, 1000);
      const a = linePlacer(before, 1000);
      const b = linePlacer(after, 1000);
      for (let t = ms(-10); t < ms(from + 200); t += 250) {
        if (t < since) expect(b(t), `round ${round} at ${t - T} ms`).toBe(a(t));
      }
    }
  });

  it('is -Infinity when steps are reordered or one goes away', () => {
    const two = stepSpans(job({ completed: [step(1, 0, 60), step(2, 60, 120)] }), NOW);
    const one = stepSpans(job({ completed: [step(2, 60, 120)] }), NOW);
    expect(changedSince(two, one)).toBe(-Infinity);
    const earlier = stepSpans(
      job({ completed: [step(0, -50, -10), step(1, 0, 60), step(2, 60, 120)] }),
      NOW,
    );
    expect(changedSince(two, earlier)).toBe(-Infinity);
  });
});
