/**
 * Derivations from a step's `timeEvents` map (ISO timestamp -> event code).
 *
 * The upstream does not document the codes; Jobscope's convention (API.md) is 0 = became active
 * (started or resumed), 1 = paused, 2 = completed. Every event is shown, unknown codes included;
 * durations come only from the codes known here. "Active duration" follows the upstream's
 * definition: the step's lifetime minus its paused periods.
 */
import { parseTime } from './time';

export type TimeEventMap = Record<string, number | string | null> | null | undefined;

export type TimeEventKind = 'active' | 'paused' | 'completed' | 'unknown';

export interface TimeEvent {
  /** The map key as received. */
  key: string;
  /** Epoch ms; null when the key is not a valid timestamp (kept, listed last). */
  at: number | null;
  /** The code as received. */
  code: number | string | null;
  kind: TimeEventKind;
  /** "became active", "paused", "completed" or "event <code>". */
  label: string;
}

export interface TimeSegment {
  kind: 'active' | 'paused';
  start: number;
  end: number;
  /** True when the period has not ended yet and runs up to `now`. */
  open: boolean;
}

export interface StepTiming {
  activeMs: number;
  pausedMs: number;
  segments: TimeSegment[];
  /** Start and end of the lifetime the segments cover; null when nothing is known. */
  start: number | null;
  end: number | null;
  /** True while the step is still running or paused (its last period runs up to `now`). */
  open: boolean;
  /** What the step is doing at its last known event. */
  state: 'active' | 'paused' | 'completed' | 'unknown';
}

const KIND_BY_CODE: Record<number, Exclude<TimeEventKind, 'unknown'>> = {
  0: 'active',
  1: 'paused',
  2: 'completed',
};

const LABELS: Record<Exclude<TimeEventKind, 'unknown'>, string> = {
  active: 'became active',
  paused: 'paused',
  completed: 'completed',
};

/** The meaning of a code; numeric strings ("1") count as their number. */
export function eventKind(code: number | string | null | undefined): TimeEventKind {
  if (code == null) return 'unknown';
  const n = typeof code === 'number' ? code : code.trim() === '' ? NaN : Number(code);
  return (Number.isInteger(n) && KIND_BY_CODE[n]) || 'unknown';
}

export function eventLabel(code: number | string | null | undefined): string {
  const kind = eventKind(code);
  return kind === 'unknown' ? `event ${String(code)}` : LABELS[kind];
}

/** Every event in time order; invalid timestamps last, in key order. Null/empty map: []. */
export function sortTimeEvents(map: TimeEventMap): TimeEvent[] {
  if (!map || typeof map !== 'object') return [];
  const events: TimeEvent[] = Object.entries(map).map(([key, code]) => ({
    key,
    at: parseTime(key),
    code,
    kind: eventKind(code),
    label: eventLabel(code),
  }));
  return events.sort((a, b) => {
    if (a.at === null || b.at === null) {
      if (a.at !== b.at) return a.at === null ? 1 : -1;
      return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    }
    return a.at - b.at;
  });
}

export interface TimingOptions {
  /** The current time; closes a period still running. */
  now: number;
  /**
   * When the step (or job) ended without a completion event, e.g. the step's `cancelled`
   * time or an aborted job's last update: closes the last period there instead of at `now`.
   */
  end?: number | null;
  /**
   * When the map holds no usable event: the step's `started`, treated as "became active" so a
   * step from a server that sends no events still shows a running time.
   */
  started?: number | null;
}

/**
 * Active/paused periods and totals. A period opens at a 0 (active) or 1 (paused) and closes at
 * the next state change; a 2 (completed) closes the step. Unknown codes and invalid timestamps
 * are ignored here (they still appear in `sortTimeEvents`).
 */
export function stepTiming(map: TimeEventMap, options: TimingOptions): StepTiming {
  const known = sortTimeEvents(map).filter(
    (e): e is TimeEvent & { at: number } => e.at !== null && e.kind !== 'unknown',
  );
  if (known.length === 0 && options.started != null && Number.isFinite(options.started)) {
    known.push({ key: '', at: options.started, code: 0, kind: 'active', label: LABELS.active });
  }
  const segments: TimeSegment[] = [];
  let state: StepTiming['state'] = 'unknown';
  let since: number | null = null;
  let start: number | null = null;
  let finished: number | null = null;
  for (const event of known) {
    if (finished !== null) break;
    start ??= event.at;
    if ((state === 'active' || state === 'paused') && since !== null && event.kind !== state) {
      segments.push({ kind: state, start: since, end: event.at, open: false });
    }
    if (event.kind === 'completed') {
      finished = event.at;
      state = 'completed';
    } else if (event.kind !== state) {
      state = event.kind;
      since = event.at;
    }
  }
  let open = false;
  let end = finished;
  if (finished === null && since !== null && (state === 'active' || state === 'paused')) {
    const closedAt = options.end != null && Number.isFinite(options.end) ? options.end : null;
    const stop = Math.max(since, closedAt ?? options.now);
    open = closedAt === null;
    segments.push({ kind: state, start: since, end: stop, open });
    end = stop;
  }
  let activeMs = 0;
  let pausedMs = 0;
  for (const s of segments) {
    if (s.kind === 'active') activeMs += s.end - s.start;
    else pausedMs += s.end - s.start;
  }
  return { activeMs, pausedMs, segments, start, end, open, state };
}

/** Shape of a step as far as timing is concerned (a subset of the API's `Step`). */
export interface TimedStep {
  timeEvents?: TimeEventMap;
  started?: string | null;
  cancelled?: string | null;
}

/** Timing of one step, from its events, closed at its `cancelled` time when it has one. */
export function timingOfStep(step: TimedStep, now: number, end?: number | null): StepTiming {
  return stepTiming(step.timeEvents, {
    now,
    end: parseTime(step.cancelled) ?? end ?? null,
    started: parseTime(step.started),
  });
}

/** Active time of a step in ms (lifetime minus paused periods); null when nothing is known. */
export function activeTimeOfStep(step: TimedStep, now: number, end?: number | null): number | null {
  const timing = timingOfStep(step, now, end);
  return timing.start === null ? null : timing.activeMs;
}
