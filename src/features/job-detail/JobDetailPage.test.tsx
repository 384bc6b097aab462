import { Notifications } from '@mantine/notifications';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Route, Routes, useLocation } from 'react-router';
import { setFetch, type FetchLike } from '../../api/client';
import { jobKeys } from '../../api/queryKeys';
import { makeJob } from './testJob';
import { renderWithProviders } from '../../test/render';
import { JobDetailPage } from './JobDetailPage';

function LocationProbe() {
  const location = useLocation();
  return (
    <output data-testid="location">{location.pathname + location.search + location.hash}</output>
  );
}

function renderPage(route: string) {
  return renderWithProviders(
    <>
      <Notifications />
      <Routes>
        <Route
          path="/jobs/:jobId"
          element={
            <>
              <JobDetailPage />
              <LocationProbe />
            </>
          }
        />
      </Routes>
    </>,
    { route },
  );
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function serve(handler: (url: string, init: RequestInit) => Response) {
  const fetch = vi.fn<FetchLike>(async (url, init) => handler(url, init));
  setFetch(fetch);
  return fetch;
}

afterEach(() => {
  setFetch(null);
});

describe('JobDetailPage', () => {
  it('renders a job the bson endpoint answers as an array', async () => {
    serve(() => json([makeJob()]));
    renderPage('/jobs/job-123');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Pump station 4 check' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Active')).toBeInTheDocument();
    expect(screen.getByText('Pump maintenance')).toBeInTheDocument();
    expect(screen.getByText('client-456')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Inspect the seal' })).toBeInTheDocument();
    expect(document.title).toBe('Pump station 4 check · Jobscope');
    expect(screen.getByRole('link', { name: 'Jobs' })).toHaveAttribute('href', '/jobs');
  });

  it('renders the same page when the bson endpoint answers one object', async () => {
    serve(() => json(makeJob()));
    renderPage('/jobs/job-123');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Pump station 4 check' }),
    ).toBeInTheDocument();
  });

  it('shows the abandon reason of an aborted job and no abort button', async () => {
    serve(() =>
      json([makeJob({}, { status: 'Aborted', abandonReason: 'Pump seized', currentStep: null })]),
    );
    renderPage('/jobs/job-123');
    expect(await screen.findByText('Pump seized')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Abort job' })).not.toBeInTheDocument();
  });

  it('says "Job not found" for an unknown id', async () => {
    serve(() => json({ message: 'No job nope', error: 'Not Found' }, 404));
    renderPage('/jobs/nope');
    expect(await screen.findByRole('heading', { name: 'Job not found' })).toBeInTheDocument();
    expect(screen.getByText('nope')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the job list' })).toHaveAttribute(
      'href',
      '/jobs',
    );
  });

  it('shows what went wrong and retries', async () => {
    let fail = true;
    serve(() => (fail ? new Response('{"jobId":', { status: 200 }) : json([makeJob()])));
    renderPage('/jobs/job-123');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('malformed data');
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Pump station 4 check' }),
    ).toBeInTheDocument();
  });

  it('keeps the data when a refresh fails and says it may be stale', async () => {
    let fail = false;
    serve(() => (fail ? json({ message: 'boom' }, 500) : json([makeJob()])));
    const { queryClient } = renderPage('/jobs/job-123');
    await screen.findByRole('heading', { level: 1, name: 'Pump station 4 check' });
    fail = true;
    await queryClient.refetchQueries({ queryKey: jobKeys.detail('job-123') });
    expect(await screen.findByText(/Data may be stale: .*HTTP 500/)).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { level: 1, name: 'Pump station 4 check' }),
    ).toBeInTheDocument();
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.queryByText(/Data may be stale/)).not.toBeInTheDocument());
  });

  it('keeps the tab in the URL, changing only tab', async () => {
    serve(() => json([makeJob()]));
    renderPage('/jobs/job-123?tab=steps&level=ERROR#L5');
    expect(
      await screen.findByRole('table', { name: 'Completed and cancelled steps' }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: 'Metadata' }));
    // The Metadata and Raw tabs load their code on first use; the switch lands with it.
    expect(await screen.findByRole('table', { name: 'Job metadata' })).toHaveTextContent('sched-1');
    expect(screen.getByTestId('location')).toHaveTextContent(
      '/jobs/job-123?tab=metadata&level=ERROR#L5',
    );
    await userEvent.click(screen.getByRole('tab', { name: 'Raw' }));
    expect(await screen.findByRole('region', { name: 'Job JSON' })).toHaveTextContent(
      '"clientJobId": "client-456"',
    );
  });

  it('opens the log tab for a log-line link without a tab', async () => {
    serve(() => json([makeJob()]));
    renderPage('/jobs/job-123#L12-L20');
    expect(await screen.findByRole('tab', { name: 'Log', selected: true })).toBeInTheDocument();
  });

  it('falls back to the overview for an unknown tab', async () => {
    serve(() => json([makeJob()]));
    renderPage('/jobs/job-123?tab=bogus');
    expect(
      await screen.findByRole('tab', { name: 'Overview', selected: true }),
    ).toBeInTheDocument();
  });

  it('aborts after confirmation, naming the job', async () => {
    let aborted = false;
    const abortedJob = () =>
      makeJob({}, { status: 'Aborted', abandonReason: 'Aborted from Jobscope', currentStep: null });
    const fetch = serve((_url, init) => {
      if (init.method === 'POST') aborted = true;
      if (!aborted) return json([makeJob()]);
      return json(init.method === 'POST' ? abortedJob() : [abortedJob()]);
    });
    renderPage('/jobs/job-123');
    await userEvent.click(await screen.findByRole('button', { name: 'Abort job' }));
    const dialog = await screen.findByRole('dialog', { name: 'Abort this job?' });
    expect(dialog).toHaveTextContent('Pump station 4 check');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Abort job' }));
    expect(await screen.findByText('Aborted from Jobscope')).toBeInTheDocument();
    expect(
      fetch.mock.calls.some(
        ([url, init]) => init.method === 'POST' && url === '/jobs/v1/client-456/abort',
      ),
    ).toBe(true);
    expect(screen.queryByRole('button', { name: 'Abort job' })).not.toBeInTheDocument();
  });

  it("notifies the server's reason when the abort fails", async () => {
    serve((_url, init) =>
      init.method === 'POST'
        ? json({ message: 'Only incomplete jobs can be aborted', error: 'Bad Request' }, 400)
        : json([makeJob()]),
    );
    renderPage('/jobs/job-123');
    await userEvent.click(await screen.findByRole('button', { name: 'Abort job' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Abort job' }));
    expect(await screen.findByText(/Only incomplete jobs can be aborted/)).toBeInTheDocument();
  });
});
