import { describe, expect, it } from 'vitest';
import { decide, type LogFindings, type PollFindings } from './announce';
import { addWatch, type WatchedJob } from './watchList';

const watch = (patch: Partial<WatchedJob> = {}): WatchedJob => ({
  ...addWatch([], { jobId: 'job/1', name: 'Nightly export' }, 1000).list[0]!,
  logCursor: 100,
  ...patch,
});

const log = (patch: Partial<LogFindings> = {}): LogFindings => ({
  cursor: 100,
  firstError: null,
  noLog: false,
  failed: false,
  ...patch,
});

const found = (patch: Partial<PollFindings> = {}): PollFindings => ({
  status: 'Active',
  name: 'Nightly export',
  abandonReason: null,
  log: log(),
  ...patch,
});

describe('decide', () => {
  it('announces a completed job and lets the watch go', () => {
    const { next, announcements } = decide(watch(), found({ status: 'Completed' }));
    expect(next).toBeNull();
    expect(announcements).toEqual([
      {
        kind: 'completed',
        jobId: 'job/1',
        name: 'Nightly export',
        title: 'Job completed: Nightly export',
        body: 'Status: Completed',
        href: '/jobs/job%2F1',
      },
    ]);
  });

  it('announces an aborted job with its reason and the first ERROR of that poll, in one notice', () => {
    const { next, announcements } = decide(
      watch(),
      found({
        status: 'Aborted',
        abandonReason: 'Operator stopped it',
        log: log({ cursor: 130, firstError: { id: 120, text: 'disk   full' } }),
      }),
    );
    expect(next).toBeNull();
    expect(announcements).toHaveLength(1);
    expect(announcements[0]).toMatchObject({
      kind: 'aborted',
      title: 'Job aborted: Nightly export',
      body: 'Status: Aborted\nReason: Operator stopped it\nFirst ERROR: disk full',
    });
  });

  it('announces the first ERROR once, linking to its line, and stops reading the log', () => {
    const first = decide(
      watch(),
      found({ log: log({ cursor: 120, firstError: { id: 120, text: 'boom' } }) }),
    );
    expect(first.announcements).toEqual([
      {
        kind: 'error',
        jobId: 'job/1',
        name: 'Nightly export',
        title: 'ERROR logged: Nightly export',
        body: 'boom',
        href: '/jobs/job%2F1?tab=log#L120',
      },
    ]);
    expect(first.next).toMatchObject({ errorAnnounced: true, logCursor: 120 });
    // A watch whose first ERROR was announced hears of no other.
    const again = decide(
      first.next!,
      found({ log: log({ cursor: 140, firstError: { id: 140, text: 'again' } }) }),
    );
    expect(again.announcements).toEqual([]);
  });

  it('says nothing while the job runs without an ERROR, and remembers where the log stands', () => {
    const { next, announcements } = decide(watch(), found({ log: log({ cursor: 180 }) }));
    expect(announcements).toEqual([]);
    expect(next).toMatchObject({ logCursor: 180, errorAnnounced: false });
  });

  it('keeps the cursor through a failed poll, and never moves it back', () => {
    const entry = watch({ logCursor: 150 });
    const failed = decide(
      entry,
      found({ status: null, name: null, log: log({ cursor: null, failed: true }) }),
    );
    expect(failed.announcements).toEqual([]);
    expect(failed.next).toBe(entry);
    expect(decide(entry, found({ log: log({ cursor: 90 }) })).next).toBe(entry);
  });

  it('learns the cursor at watch start without announcing the ERRORs before it', () => {
    const start = watch({ logCursor: null });
    const { next, announcements } = decide(start, found({ log: log({ cursor: 5000 }) }));
    expect(announcements).toEqual([]);
    expect(next?.logCursor).toBe(5000);
  });

  it('does not announce an end it could not read', () => {
    const entry = watch();
    expect(decide(entry, found({ status: null, name: null })).next).toBe(entry);
  });

  it('follows a renamed job and remembers a job without a log', () => {
    const { next } = decide(watch(), found({ name: 'Renamed', log: log({ noLog: true }) }));
    expect(next).toMatchObject({ name: 'Renamed', noLog: true });
  });

  it('cuts a long ERROR message', () => {
    const text = 'x'.repeat(1000);
    const { announcements } = decide(
      watch(),
      found({ log: log({ cursor: 101, firstError: { id: 101, text } }) }),
    );
    expect(announcements[0]!.body.length).toBe(200);
  });
});
