import { describe, expect, it } from 'vitest';
import {
  activeTimeOfStep,
  eventKind,
  eventLabel,
  sortTimeEvents,
  stepTiming,
  timingOfStep,
} from './timeEvents';

const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

describe('eventKind / eventLabel', () => {
  it('reads the known codes, also as numeric strings', () => {
    expect(eventKind(0)).toBe('active');
    expect(eventKind(1)).toBe('paused');
    expect(eventKind('2')).toBe('completed');
    expect(eventLabel(0)).toBe('became active');
    expect(eventLabel('1')).toBe('paused');
    expect(eventLabel(2)).toBe('completed');
  });

  it('names unknown codes by their raw value', () => {
    expect(eventKind(7)).toBe('unknown');
    expect(eventLabel(7)).toBe('event 7');
    expect(eventLabel('x')).toBe('event x');
    expect(eventLabel(null)).toBe('event null');
    expect(eventKind('')).toBe('unknown');
    expect(eventKind(1.5)).toBe('unknown');
  });
});

describe('sortTimeEvents', () => {
  it('returns [] for null, undefined and empty maps', () => {
    expect(sortTimeEvents(null)).toEqual([]);
    expect(sortTimeEvents(undefined)).toEqual([]);
    expect(sortTimeEvents({})).toEqual([]);
  });

  it('orders events by time whatever the map order, keeping unknown codes', () => {
    const events = sortTimeEvents({ [at(30)]: 2, [at(0)]: 0, [at(20)]: 9, [at(10)]: 1 });
    expect(events.map((e) => e.label)).toEqual(['became active', 'paused', 'event 9', 'completed']);
    expect(events.map((e) => e.at)).toEqual([T0, T0 + 10_000, T0 + 20_000, T0 + 30_000]);
  });

  it('orders by instant, not by text, across time-zone offsets', () => {
    const events = sortTimeEvents({ '2026-03-01T11:00:05+01:00': 1, '2026-03-01T10:00:01Z': 0 });
    expect(events.map((e) => e.code)).toEqual([0, 1]);
  });

  it('keeps events with invalid timestamps, listed last', () => {
    const events = sortTimeEvents({ 'not a date': 0, [at(5)]: 1 });
    expect(events.map((e) => e.key)).toEqual([at(5), 'not a date']);
    expect(events[1]?.at).toBeNull();
  });
});

describe('stepTiming', () => {
  it('measures a completed step with a pause', () => {
    const t = stepTiming({ [at(0)]: 0, [at(10)]: 1, [at(25)]: 0, [at(40)]: 2 }, { now: T0 + 1e6 });
    expect(t.activeMs).toBe(25_000);
    expect(t.pausedMs).toBe(15_000);
    expect(t.state).toBe('completed');
    expect(t.open).toBe(false);
    expect(t.start).toBe(T0);
    expect(t.end).toBe(T0 + 40_000);
    expect(t.segments).toEqual([
      { kind: 'active', start: T0, end: T0 + 10_000, open: false },
      { kind: 'paused', start: T0 + 10_000, end: T0 + 25_000, open: false },
      { kind: 'active', start: T0 + 25_000, end: T0 + 40_000, open: false },
    ]);
  });

  it('runs an open active period up to now', () => {
    const t = stepTiming({ [at(0)]: 0 }, { now: T0 + 192_000 });
    expect(t.activeMs).toBe(192_000);
    expect(t.open).toBe(true);
    expect(t.state).toBe('active');
    expect(t.segments).toEqual([{ kind: 'active', start: T0, end: T0 + 192_000, open: true }]);
  });

  it('counts an open pause as paused time, not active time', () => {
    const t = stepTiming({ [at(0)]: 0, [at(60)]: 1 }, { now: T0 + 100_000 });
    expect(t.activeMs).toBe(60_000);
    expect(t.pausedMs).toBe(40_000);
    expect(t.state).toBe('paused');
  });

  it('gives the same answer whatever order the map holds the events in', () => {
    const now = T0 + 90_000;
    const a = stepTiming({ [at(0)]: 0, [at(10)]: 1, [at(30)]: 0 }, { now });
    const b = stepTiming({ [at(30)]: 0, [at(0)]: 0, [at(10)]: 1 }, { now });
    expect(b).toEqual(a);
    expect(a.activeMs).toBe(70_000);
    expect(a.pausedMs).toBe(20_000);
  });

  it('ignores unknown codes, invalid timestamps and repeated states for durations', () => {
    const t = stepTiming(
      { [at(0)]: 0, [at(5)]: 0, [at(10)]: 42, bogus: 1, [at(20)]: '1', [at(30)]: '2' },
      { now: T0 + 1e6 },
    );
    expect(t.activeMs).toBe(20_000);
    expect(t.pausedMs).toBe(10_000);
    expect(t.segments).toHaveLength(2);
  });

  it('closes an open period at the given end instead of now', () => {
    const t = stepTiming({ [at(0)]: 0 }, { now: T0 + 1e6, end: T0 + 50_000 });
    expect(t.activeMs).toBe(50_000);
    expect(t.open).toBe(false);
  });

  it('knows nothing from an empty map, unless a start is given', () => {
    const none = stepTiming({}, { now: T0 + 5000 });
    expect(none).toMatchObject({ activeMs: 0, pausedMs: 0, segments: [], start: null, end: null });
    expect(none.state).toBe('unknown');
    const started = stepTiming(null, { now: T0 + 5000, started: T0 });
    expect(started.activeMs).toBe(5000);
    expect(started.open).toBe(true);
  });

  it('never returns negative durations when now is before the last event', () => {
    const t = stepTiming({ [at(10)]: 0 }, { now: T0 });
    expect(t.activeMs).toBe(0);
  });
});

describe('timingOfStep / activeTimeOfStep', () => {
  it('closes a cancelled step at its cancelled time', () => {
    const step = { timeEvents: { [at(0)]: 0 }, started: at(0), cancelled: at(30) };
    expect(timingOfStep(step, T0 + 1e6).activeMs).toBe(30_000);
  });

  it('falls back to started when there are no events, and to null with nothing', () => {
    expect(activeTimeOfStep({ timeEvents: null, started: at(0) }, T0 + 7000)).toBe(7000);
    expect(activeTimeOfStep({ timeEvents: {}, started: null }, T0)).toBeNull();
    expect(activeTimeOfStep({ started: 'garbage' }, T0)).toBeNull();
  });
});
