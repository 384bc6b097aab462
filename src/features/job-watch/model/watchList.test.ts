import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addWatch,
  applyPoll,
  parseWatchList,
  removeWatch,
  serializeWatchList,
  WATCH_LIMIT,
  type WatchedJob,
} from './watchList';
import { getWatchList, updateWatchList, WATCH_STORAGE_KEY } from './watchStore';

const job = (n: number) => ({ jobId: `job-${n}`, name: `Job ${n}` });

function listOf(count: number): readonly WatchedJob[] {
  let list: readonly WatchedJob[] = [];
  for (let n = 1; n <= count; n++) list = addWatch(list, job(n), n).list;
  return list;
}

describe('the watch list', () => {
  it('adds a job in front with nothing learned or announced yet, once', () => {
    const { list, dropped } = addWatch(listOf(1), job(2), 1000);
    expect(dropped).toBeNull();
    expect(list.map((e) => e.jobId)).toEqual(['job-2', 'job-1']);
    expect(list[0]).toEqual({
      jobId: 'job-2',
      name: 'Job 2',
      since: 1000,
      logCursor: null,
      errorAnnounced: false,
      noLog: false,
    });
    expect(addWatch(list, job(1), 2000).list).toBe(list);
  });

  it(`holds at most ${WATCH_LIMIT} jobs, letting go of the oldest watch`, () => {
    const full = listOf(WATCH_LIMIT);
    const { list, dropped } = addWatch(full, job(99), 99);
    expect(list).toHaveLength(WATCH_LIMIT);
    expect(dropped?.jobId).toBe('job-1');
    expect(list[0]!.jobId).toBe('job-99');
    expect(list.some((e) => e.jobId === 'job-1')).toBe(false);
  });

  it('removes a job; removing one not watched changes nothing', () => {
    const list = listOf(3);
    expect(removeWatch(list, 'job-2').map((e) => e.jobId)).toEqual(['job-3', 'job-1']);
    expect(removeWatch(list, 'job-9')).toBe(list);
  });

  it("applies a poll's outcome only to the watch it polled", () => {
    const list = listOf(2);
    const polled = list[1]!;
    const next = { ...polled, logCursor: 40 };
    expect(applyPoll(list, polled, next)[1]).toEqual(next);
    expect(applyPoll(list, polled, null).map((e) => e.jobId)).toEqual(['job-2']);
    // Stopped while the poll ran: it stays stopped.
    const stopped = removeWatch(list, polled.jobId);
    expect(applyPoll(stopped, polled, next)).toBe(stopped);
    // Stopped and watched again: the new watch is not the one polled.
    const again = addWatch(stopped, job(1), 5000).list;
    expect(applyPoll(again, polled, null)).toBe(again);
  });
});

describe('the stored list', () => {
  it('round-trips', () => {
    const list = listOf(3);
    expect(parseWatchList(serializeWatchList(list))).toEqual(list);
  });

  it('gives up only what it cannot read', () => {
    const [a, b] = listOf(2);
    expect(parseWatchList(null)).toEqual([]);
    expect(parseWatchList('not json')).toEqual([]);
    expect(parseWatchList('{"jobId":"x"}')).toEqual([]);
    const raw = JSON.stringify([a, { jobId: 'half' }, 7, b, { ...a, name: 'again' }]);
    expect(parseWatchList(raw)).toEqual([a, b]);
  });

  it(`reads at most ${WATCH_LIMIT} jobs`, () => {
    const many = Array.from({ length: 60 }, (_, i) => addWatch([], job(i), i).list[0]);
    expect(parseWatchList(JSON.stringify(many))).toHaveLength(WATCH_LIMIT);
  });
});

describe('the store', () => {
  afterEach(() => vi.restoreAllMocks());

  it('persists to localStorage and reads what another tab wrote', () => {
    updateWatchList((list) => addWatch(list, job(1), 1).list);
    expect(parseWatchList(localStorage.getItem(WATCH_STORAGE_KEY))).toEqual(getWatchList());
    const other = listOf(2);
    localStorage.setItem(WATCH_STORAGE_KEY, serializeWatchList(other));
    expect(getWatchList()).toEqual(other);
    // Unchanged storage gives the same list (a stable snapshot for useSyncExternalStore).
    expect(getWatchList()).toBe(getWatchList());
  });

  it('keeps a change in memory when storage refuses it', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new Error('quota');
    });
    updateWatchList((list) => addWatch(list, job(1), 1).list);
    expect(getWatchList().map((e) => e.jobId)).toEqual(['job-1']);
    vi.restoreAllMocks();
    // The next write that reaches storage takes over again.
    updateWatchList((list) => removeWatch(list, 'job-1'));
    expect(getWatchList()).toEqual([]);
    expect(localStorage.getItem(WATCH_STORAGE_KEY)).toBe('[]');
  });
});
