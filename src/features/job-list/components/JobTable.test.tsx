import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { JobTable } from './JobTable';
import { testJob } from '../testJobs';

const jobs = [
  testJob({ jobId: 'j1', title: 'Pump check at Dock 3', status: 'Active' }),
  testJob({
    jobId: 'j/2',
    title: 'Odd one',
    status: 'Quarantined',
    step: { stepType: 'Hologram', stepNumber: 1, stepTitle: 'Scan' },
  }),
  testJob({ jobId: 'j3', title: null, status: 'Completed', step: null, username: null }),
];

function renderTable(props: Partial<Parameters<typeof JobTable>[0]> = {}) {
  const onSort = vi.fn();
  renderWithProviders(
    <JobTable
      jobs={jobs}
      sort="updated"
      order="desc"
      onSort={onSort}
      linkState={{ fromList: '/jobs?q=pump' }}
      {...props}
    />,
  );
  return { onSort, table: screen.getByRole('table', { name: 'Jobs' }) };
}

describe('JobTable', () => {
  it('renders one row per job with a real link to the job', () => {
    const { table } = renderTable();
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(1 + jobs.length);
    const link = within(table).getByRole('link', { name: 'Pump check at Dock 3' });
    expect(link).toHaveAttribute('href', '/jobs/j1');
    expect(within(table).getByRole('link', { name: 'Odd one' })).toHaveAttribute(
      'href',
      '/jobs/j%2F2',
    );
    // A job without a title is listed by its id.
    expect(within(table).getByRole('link', { name: 'j3' })).toBeInTheDocument();
  });

  it('shows status badges, unknown statuses raw', () => {
    const { table } = renderTable();
    const [, first, second, third] = within(table).getAllByRole('row');
    expect(within(first!).getByText('Active')).toBeInTheDocument();
    expect(within(second!).getByText('Quarantined')).toBeInTheDocument();
    expect(within(third!).getByText('Completed')).toBeInTheDocument();
  });

  it('shows the current step as "number · title" with a labelled type icon', () => {
    const { table } = renderTable();
    const [, first, second] = within(table).getAllByRole('row');
    expect(within(first!).getAllByText('3 · Check valve pressure').length).toBeGreaterThan(0);
    expect(within(first!).getAllByRole('img', { name: 'Number step' }).length).toBeGreaterThan(0);
    // An unknown step type is labelled with its raw value.
    expect(within(second!).getAllByRole('img', { name: 'Hologram' }).length).toBeGreaterThan(0);
  });

  it('gives the update time an accessible name with the absolute time', () => {
    const { table } = renderTable();
    const [, first] = within(table).getAllByRole('row');
    const times = first!.querySelectorAll('time');
    expect(times.length).toBeGreaterThan(0);
    for (const time of times) expect(time.getAttribute('aria-label')).toMatch(/2026-11-24/);
  });

  it('marks the sorted column with aria-sort and sorts from the headers', async () => {
    const { onSort, table } = renderTable({ sort: 'title', order: 'asc' });
    const headers = within(table).getAllByRole('columnheader');
    const job = headers.find((h) => h.textContent === 'Job')!;
    const updated = headers.find((h) => h.textContent === 'Last update')!;
    expect(job).toHaveAttribute('aria-sort', 'ascending');
    expect(updated).toHaveAttribute('aria-sort', 'none');
    await userEvent.click(within(updated).getByRole('button'));
    expect(onSort).toHaveBeenCalledWith('updated');
    await userEvent.click(within(table).getByRole('button', { name: 'Status' }));
    expect(onSort).toHaveBeenCalledWith('status');
  });

  it('shows skeleton rows while the first page loads', () => {
    const { table } = renderTable({ jobs: undefined, skeletonRows: 4 });
    expect(table).toHaveAttribute('aria-busy', 'true');
    expect(table.querySelectorAll('tbody tr[data-skeleton]')).toHaveLength(4);
    expect(within(table).queryByRole('link')).toBeNull();
  });

  it('flags changed rows for the highlight, alternating per refresh', () => {
    const { table } = renderTable({ changed: new Set(['j1']), generation: 3 });
    const rows = table.querySelectorAll('tbody tr');
    expect(rows[0]).toHaveAttribute('data-flash', 'b');
    expect(rows[1]).not.toHaveAttribute('data-flash');
  });
});
