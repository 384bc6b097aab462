import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { setFetch } from '../../api/client';
import { testJob } from './testJobs';
import type { Freshness, WorkflowJob } from '../../contract';
import { renderWithProviders } from '../../test/render';
import { JobListPage } from './JobListPage';

const requests: URL[] = [];

const INDEX_ON: Freshness = {
  index: 'on',
  jobs: 60,
  firstPass: false,
  pass: null,
  lastPassAt: new Date().toISOString(),
  lastReadAt: new Date().toISOString(),
  lastError: null,
  skipped: 0,
  recheckSeconds: 5,
  mine: { available: true, reason: null },
};

const json = (body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    headers: { 'Content-Type': 'application/json', ...headers },
  });

/** Stands in for the gateway: freshness, workflows, counts and one list answer for every page. */
function serve(
  jobs: WorkflowJob[],
  total: number | null = jobs.length,
  freshness: Freshness = INDEX_ON,
) {
  requests.length = 0;
  setFetch(async (input) => {
    const url = new URL(input, 'http://localhost');
    requests.push(url);
    if (url.pathname === '/jobs/v1/freshness') return json(freshness);
    if (url.pathname === '/jobs/v1/counts') {
      return json({ total: jobs.length, statuses: { Active: jobs.length } });
    }
    if (url.pathname === '/jobs/v1/workflows') {
      const byId = new Map(jobs.map((j) => [j.metadata.workflowId, j.metadata.workflowName]));
      return json([...byId].map(([workflowId, name]) => ({ workflowId, name, jobs: 1 })));
    }
    return json(jobs, total === null ? {} : { 'X-Total-Count': String(total) });
  });
}

function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

function renderPage(route: string) {
  localStorage.setItem('jobscope.listRefresh', 'off');
  return renderWithProviders(
    <>
      <JobListPage />
      <LocationProbe />
    </>,
    { route },
  );
}

const LIST_PATHS = new Set(['/jobs/v1/', '/jobs/v1/my/']);
const listRequests = () => requests.filter((url) => LIST_PATHS.has(url.pathname));
const currentUrl = () => screen.getByTestId('location').textContent;

afterEach(() => setFetch(null));

describe('JobListPage', () => {
  it('asks the API for the view in the URL', async () => {
    serve([testJob({ jobId: 'a', title: 'Pump A', status: 'Paused' })], 60);
    renderPage('/jobs?status=Paused&q=pump&sort=title&order=asc&page=2&limit=50');
    await screen.findByRole('link', { name: 'Pump A' });
    const url = listRequests().at(-1)!;
    expect(url.searchParams.get('status')).toBe('Paused');
    expect(url.searchParams.get('q')).toBe('pump');
    expect(url.searchParams.get('sort')).toBe('title');
    expect(url.searchParams.get('order')).toBe('asc');
    expect(url.searchParams.get('skip')).toBe('50');
    expect(url.searchParams.get('limit')).toBe('50');
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('pump');
  });

  it('sends several statuses as one comma-separated value', async () => {
    serve([testJob({ jobId: 'a' })]);
    renderPage('/jobs?status=Active,Paused');
    await screen.findByRole('link', { name: 'Job a' });
    expect(listRequests().at(-1)!.searchParams.getAll('status')).toEqual(['Active,Paused']);
  });

  it('writes filter changes to the URL and goes back to page 1', async () => {
    serve([testJob({ jobId: 'a' })], 200);
    renderPage('/jobs?page=3');
    await screen.findByRole('link', { name: 'Job a' });
    await userEvent.click(screen.getByRole('checkbox', { name: /^Active/ }));
    expect(currentUrl()).toBe('/jobs?status=Active');
    await userEvent.click(screen.getByRole('switch', { name: 'My jobs' }));
    expect(currentUrl()).toBe('/jobs?mine=1&status=Active');
    await waitFor(() => expect(listRequests().at(-1)!.pathname).toBe('/jobs/v1/my/'));
  });

  it('offers the workflows present and filters by one', async () => {
    serve([
      testJob({ jobId: 'a', workflowId: 'wf-pump', workflowName: 'Pump Station Inspection' }),
      testJob({ jobId: 'b', workflowId: 'wf-door', workflowName: 'Fire Door Inspection' }),
    ]);
    renderPage('/jobs');
    await screen.findByRole('link', { name: 'Job a' });
    const select = screen.getByRole('combobox', { name: 'Workflow' });
    await screen.findByRole('option', { name: 'Fire Door Inspection (1)' });
    await userEvent.selectOptions(select, 'Fire Door Inspection (1)');
    expect(currentUrl()).toBe('/jobs?workflow=wf-door');
    await waitFor(() =>
      expect(listRequests().at(-1)!.searchParams.get('workflowId')).toBe('wf-door'),
    );
  });

  it('commits the search after typing pauses', async () => {
    serve([testJob({ jobId: 'a' })]);
    renderPage('/jobs');
    await screen.findByRole('link', { name: 'Job a' });
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search' }), 'valve');
    await waitFor(() => expect(currentUrl()).toBe('/jobs?q=valve'));
    await waitFor(() => expect(listRequests().at(-1)!.searchParams.get('q')).toBe('valve'));
    // One request for the committed text, none per keystroke.
    expect(listRequests().filter((url) => url.searchParams.has('q'))).toHaveLength(1);
  });

  it('sorts from a column header, toggling the order on a second click', async () => {
    serve([testJob({ jobId: 'a' })]);
    renderPage('/jobs');
    const table = await screen.findByRole('table', { name: 'Jobs' });
    await screen.findByRole('link', { name: 'Job a' });
    await userEvent.click(within(table).getByRole('button', { name: 'Job' }));
    expect(currentUrl()).toBe('/jobs?sort=title&order=asc');
    await userEvent.click(within(table).getByRole('button', { name: 'Job' }));
    expect(currentUrl()).toBe('/jobs?sort=title');
  });

  it('says no jobs match and clears the filters', async () => {
    serve([]);
    renderPage('/jobs?q=nothing&sort=title');
    await screen.findByText('No jobs match');
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(currentUrl()).toBe('/jobs?sort=title');
  });

  it('falls back to defaults for a broken link', async () => {
    serve([testJob({ jobId: 'a' })]);
    renderPage('/jobs?sort=bogus&page=-1&limit=7');
    await screen.findByRole('link', { name: 'Job a' });
    const url = listRequests().at(-1)!;
    expect(url.searchParams.get('sort')).toBe('updated');
    expect(url.searchParams.get('limit')).toBe('20');
    expect(url.searchParams.get('skip')).toBeNull();
  });

  it('says what the index stands on in one quiet line', async () => {
    serve([testJob({ jobId: 'a' })], 1, {
      ...INDEX_ON,
      jobs: 40_212,
      lastReadAt: new Date(Date.now() - 12_000).toISOString(),
    });
    renderPage('/jobs');
    expect(await screen.findByText(/^40,212 jobs · synced 1\d s ago$/)).toBeInTheDocument();
  });

  it('says during the first pass that filters and counts cover the jobs read so far', async () => {
    serve([testJob({ jobId: 'a' })], 1, {
      ...INDEX_ON,
      firstPass: true,
      jobs: 1200,
      pass: { pages: 12, jobs: 1200 },
      lastPassAt: null,
    });
    renderPage('/jobs');
    expect(
      await screen.findByText(
        'Indexing the Jobs API: 1,200 jobs read so far (page 12). Filters, sort and counts cover these only.',
      ),
    ).toBeInTheDocument();
  });

  it('with the index off, disables what it cannot apply and names what the link asked', async () => {
    const reason = 'The job index is off (JOBS_INDEX=off): no filters.';
    serve([testJob({ jobId: 'a' })], null, {
      index: 'off',
      reason,
      mine: { available: true, reason: null },
    });
    renderPage('/jobs?status=Active&q=pump&sort=title');
    await screen.findByRole('link', { name: 'Job a' });
    expect(screen.getByRole('searchbox', { name: 'Search' })).toBeDisabled();
    expect(screen.getByRole('combobox', { name: 'Workflow' })).toBeDisabled();
    for (const chip of within(screen.getByRole('group', { name: 'Status' })).getAllByRole(
      'checkbox',
    )) {
      expect(chip).toBeDisabled();
      expect(chip).not.toBeChecked();
    }
    // No header claims an order, and nothing asked of the server claims a filter.
    const table = screen.getByRole('table', { name: 'Jobs' });
    expect(within(table).queryByRole('button', { name: 'Job' })).toBeNull();
    const url = listRequests().at(-1)!;
    expect([...url.searchParams.keys()].sort()).toEqual(['limit']);
    expect(screen.getByTestId('not-applied')).toHaveTextContent('status, search, sort');
    expect(screen.getByText(reason)).toBeInTheDocument();
    expect(requests.some((r) => r.pathname === '/jobs/v1/counts')).toBe(false);
  });

  it('hides My jobs with its reason when the server cannot tell who the operator is', async () => {
    const reason = 'My jobs needs your own sign-in.';
    serve([testJob({ jobId: 'a' })], 1, { ...INDEX_ON, mine: { available: false, reason } });
    renderPage('/jobs?mine=1');
    await screen.findByRole('link', { name: 'Job a' });
    expect(screen.queryByRole('switch', { name: 'My jobs' })).toBeNull();
    expect(screen.getByTestId('mine-unavailable')).toHaveTextContent(reason);
    expect(listRequests().every((url) => url.pathname === '/jobs/v1/')).toBe(true);
    expect(screen.getByTestId('not-applied')).toHaveTextContent('My jobs');
  });

  it('shows an error with a retry when the first load fails', async () => {
    setFetch(async () => new Response('nope', { status: 500 }));
    renderPage('/jobs');
    expect(await screen.findByText('Could not load the jobs')).toBeInTheDocument();
    serve([testJob({ jobId: 'a' })]);
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: 'Job a' })).toBeInTheDocument();
  });
});
