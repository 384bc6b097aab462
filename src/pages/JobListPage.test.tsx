import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { setFetch } from '../api/client';
import { testJob } from '../components/jobs/list/testJobs';
import { renderWithProviders } from '../test/render';
import { JobListPage } from './JobListPage';

const requests: URL[] = [];

function serve(jobs: unknown[], total: number | null = jobs.length) {
  requests.length = 0;
  setFetch(async (input) => {
    const url = new URL(input, 'http://localhost');
    requests.push(url);
    if (url.pathname === '/jobs/v1/counts') return new Response('{}', { status: 404 });
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (total !== null) headers['X-Total-Count'] = String(total);
    return new Response(JSON.stringify(jobs), { headers });
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

// The page's own list requests always name a sort; the workflow choices' request does not.
const listRequests = () =>
  requests.filter((url) => url.pathname.startsWith('/jobs/v1/') && url.searchParams.has('sort'));
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
    await userEvent.click(screen.getByRole('checkbox', { name: 'Active' }));
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
    await userEvent.selectOptions(select, 'Fire Door Inspection');
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

  it('shows an error with a retry when the first load fails', async () => {
    setFetch(async () => new Response('nope', { status: 500 }));
    renderPage('/jobs');
    expect(await screen.findByText('Could not load the jobs')).toBeInTheDocument();
    serve([testJob({ jobId: 'a' })]);
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: 'Job a' })).toBeInTheDocument();
  });
});
