import { Notifications, notifications } from '@mantine/notifications';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TestGateway } from '../../../../server/testGateway.ts';
import { setFetch } from '../../../api/client';
import type { WorkflowJob } from '../../../contract';
import { serveGateway } from '../../../test/apiGateway';
import { renderWithProviders } from '../../../test/render';
import { jobDetailOptions } from '../../job-detail';
import { watchJob } from '../hooks/useWatchToggle';
import { getWatchList } from '../model/watchStore';
import { JobWatcher } from './JobWatcher';

interface Shown {
  title: string;
  options: NotificationOptions | undefined;
  instance: { onclick: (() => void) | null; close: () => void };
}

/** Records desktop notifications, as the e2e test's init script does. */
function stubNotification(permission: NotificationPermission): Shown[] {
  const shown: Shown[] = [];
  class Fake {
    static permission = permission;
    static requestPermission = vi.fn(async () => permission);
    onclick: (() => void) | null = null;
    close = vi.fn();
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, options, instance: this });
    }
  }
  vi.stubGlobal('Notification', Fake);
  return shown;
}

function Where() {
  const location = useLocation();
  return (
    <output aria-label="location">{location.pathname + location.search + location.hash}</output>
  );
}

function renderWatcher(jobOptions = jobDetailOptions) {
  return renderWithProviders(
    <>
      <JobWatcher jobOptions={jobOptions} />
      <Where />
      <Notifications />
    </>,
  );
}

/** The first poll loads the poller's code and reads the job and its log through the gateway. */
const SLOW = { timeout: 5_000 };

let gw: TestGateway;
let requests: string[];

beforeEach(async () => {
  gw = await serveGateway();
  requests = [];
  // The gateway stays the answerer; this only records what the app asked.
  setFetch(async (input, init) => {
    requests.push(String(input));
    return gw.app.fetch(new Request(new URL(input, 'http://localhost'), init));
  });
});

afterEach(async () => {
  setFetch(null);
  vi.unstubAllGlobals();
  notifications.clean();
  await gw.stop();
});

const makeJob = (title: string, status = 'Active') =>
  gw.demo<WorkflowJob>('POST', '/__demo/jobs', { title, status, logRate: 0 });

describe('JobWatcher', () => {
  it('asks nothing while nothing is watched', async () => {
    const jobOptions = vi.fn(jobDetailOptions);
    renderWatcher(jobOptions);
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(jobOptions).not.toHaveBeenCalled();
    expect(requests).toEqual([]);
  });

  it('announces a completed job on the desktop, and a click opens it', async () => {
    const shown = stubNotification('granted');
    const job = await makeJob('Export to warehouse', 'Completed');
    watchJob({ jobId: job.jobId, name: 'Export to warehouse' });
    renderWatcher();
    await waitFor(() => expect(shown).toHaveLength(1), SLOW);
    expect(shown[0]).toMatchObject({
      title: 'Job completed: Export to warehouse',
      options: { body: 'Status: Completed', tag: job.jobId },
    });
    // Announced: no longer watched, so no more polls.
    await waitFor(() => expect(getWatchList()).toEqual([]));
    const focus = vi.spyOn(window, 'focus').mockImplementation(() => {});
    act(() => shown[0]!.instance.onclick!());
    expect(focus).toHaveBeenCalled();
    expect(screen.getByRole('status', { name: 'location' })).toHaveTextContent(
      `/jobs/${job.jobId}`,
    );
    expect(shown[0]!.instance.close).toHaveBeenCalled();
  });

  it('announces in the app when desktop notifications are denied', async () => {
    stubNotification('denied');
    const job = await makeJob('Reindex catalogue', 'Aborted');
    watchJob({ jobId: job.jobId, name: 'Reindex catalogue' });
    renderWatcher();
    const alert = await screen.findByRole('alert', {}, SLOW);
    expect(alert).toHaveTextContent('Job aborted: Reindex catalogue');
    await userEvent.click(within(alert).getByRole('link', { name: 'Open the job' }));
    expect(screen.getByRole('status', { name: 'location' })).toHaveTextContent(
      `/jobs/${job.jobId}`,
    );
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('learns where the log ends on the first poll and keeps the watch', async () => {
    stubNotification('granted');
    const job = await makeJob('Long runner');
    await gw.demo('POST', `/__demo/jobs/${job.jobId}/logs`, {
      entries: [{ level: 'ERROR', message: 'before the watch' }],
    });
    watchJob({ jobId: job.jobId, name: 'Long runner' });
    renderWatcher();
    await waitFor(() => expect(getWatchList()[0]?.logCursor).toBeGreaterThan(0), SLOW);
    expect(getWatchList()[0]).toMatchObject({ errorAnnounced: false });
    expect(requests.some((url) => url.includes(`/details/${Number.MAX_SAFE_INTEGER}`))).toBe(true);
  });
});
