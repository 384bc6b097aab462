import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { JobDetailView } from './JobDetailView';
import { makeJob } from '../testJob';

const crash = vi.hoisted(() => ({ log: true, metadata: true }));

vi.mock('../../job-log', () => ({
  useStepErrorCounts: () => ({ byStep: null, partial: false }),
  JobLogPanel: () => {
    if (crash.log) throw new Error('log widget exploded');
    return <p>log is back</p>;
  },
}));

vi.mock('./JobMetadataPanel', () => ({
  JobMetadataPanel: () => {
    if (crash.metadata) throw new Error('metadata widget exploded');
    return <p>metadata is back</p>;
  },
}));

describe('JobDetailView regions', () => {
  beforeEach(() => {
    crash.log = true;
    crash.metadata = true;
    // React reports caught errors on the console; the test asserts on the screen instead.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => vi.restoreAllMocks());

  const job = makeJob({});
  const view = (tab: 'log' | 'metadata') => (
    <JobDetailView job={job} raw={job} tab={tab} onTabChange={() => {}} listHref="/jobs" />
  );

  it('keeps a crash of the log inside the log tab', () => {
    renderWithProviders(view('log'));
    expect(screen.getByRole('alert')).toHaveTextContent('Could not show the log');
    expect(screen.getByRole('alert')).toHaveTextContent('log widget exploded');
    // The header and the tabs are still there.
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Overview' })).toBeInTheDocument();
  });

  it('lets the operator try a crashed region again', async () => {
    renderWithProviders(view('metadata'));
    // The Metadata tab's code loads when the tab is first shown.
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not show the metadata');
    crash.metadata = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('metadata is back')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
