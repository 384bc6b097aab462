import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setFetch } from '../../../api/client';
import { FakeLogServer, gatewayStatus } from '../../../test/fakeLogServer';
import { renderWithProviders } from '../../../test/render';
import { JobLogPanel } from './JobLogPanel';

const logs = [
  { id: 3, level: 'INFO', message: 'pump started', creationDate: '2026-11-24T10:00:00Z' },
  { id: 8, level: 'ERROR', message: '<img src=x onerror=alert(1)>', creationDate: null },
  { id: 5, level: 'WARN', message: 'pressure high', creationDate: '2026-11-24T10:00:01Z' },
  { id: null, level: null, message: null, creationDate: null },
];

describe('JobLogPanel', () => {
  beforeEach(() => {
    setFetch(async (url) => {
      const cursor = Number(/details\/(\d+)/.exec(url)?.[1]);
      const body = {
        status: 'SUCCESS',
        message: '',
        payload: {
          job: { id: 'j1', progress: 'COMPLETED' },
          logs: logs.filter((l) => l.id === null || l.id > cursor),
        },
      };
      return new Response(JSON.stringify(body), { status: 200 });
    });
  });
  afterEach(() => setFetch(null));

  it('shows lines in id order as text, with level counts and a status line', async () => {
    renderWithProviders(<JobLogPanel jobId="j1" jobTerminal />, { route: '/jobs/j1?tab=log' });
    const region = screen.getByRole('region', { name: 'Job log' });
    expect(await within(region).findByText('complete - 3 lines')).toBeInTheDocument();
    const ids = [...region.querySelectorAll<HTMLElement>('[data-log-id]')].map(
      (row) => row.dataset.logId,
    );
    expect(ids).toEqual(['3', '5', '8']);
    expect(within(region).getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(region.querySelector('img')).toBeNull();
    expect(within(region).getByRole('checkbox', { name: 'ERROR 1' })).toBeChecked();
    expect(within(region).getByRole('link', { name: 'Line 5' })).toHaveAttribute('href', '#L5');
  });

  it('filters by level and highlights search matches', async () => {
    const user = userEvent.setup();
    renderWithProviders(<JobLogPanel jobId="j1" jobTerminal />, {
      route: '/jobs/j1?tab=log&level=ERROR,WARN&q=pressure',
    });
    const region = screen.getByRole('region', { name: 'Job log' });
    await within(region).findByText('complete - 3 lines');
    expect(region.querySelectorAll('[data-log-id]')).toHaveLength(2);
    expect(within(region).getByText('pressure', { selector: 'mark' })).toBeInTheDocument();
    expect(within(region).getByTestId('search-count')).toHaveTextContent('0 of 1');
    await user.click(within(region).getByRole('textbox', { name: 'Search log' }));
    await user.keyboard('{Enter}');
    expect(within(region).getByTestId('search-count')).toHaveTextContent('1 of 1');
  });
});

describe('JobLogPanel behind the gateway', () => {
  let server: FakeLogServer;
  beforeEach(() => {
    server = new FakeLogServer();
    setFetch(server.fetch);
  });
  afterEach(() => setFetch(null));

  const status = () => screen.getByTestId('log-status');

  it('says when the Job log API has no log, and checks again on request', async () => {
    server.gateway = gatewayStatus({ state: 'missing', logJobId: '42', reason: 'no such job' });
    const user = userEvent.setup();
    renderWithProviders(<JobLogPanel jobId="j1" jobTerminal={false} />);
    const region = screen.getByRole('region', { name: 'Job log' });
    const sentence = 'The Job log API has no log for this job (id 42)';
    expect(await within(region).findByText(`${sentence}.`)).toBeInTheDocument();
    expect(status()).toHaveTextContent(new RegExp(`^${escapeRegExp(sentence)} Check again$`));
    expect(within(region).queryByText(/No log lines yet|complete/)).toBeNull();
    expect(server.cursors).toEqual([0]);

    server.gateway = gatewayStatus();
    server.add(1, 2);
    const button = within(region).getByRole('button', { name: 'Check again' });
    button.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(status()).toHaveTextContent(/^2 lines - live - updated/));
    expect(server.queries.map((q) => q.get('recheck'))).toEqual([null, '1']);
    expect(within(region).queryByRole('button', { name: 'Check again' })).toBeNull();
  });

  it('shows how far the gateway has read a log, and keeps polling past the job end', async () => {
    server.gateway = gatewayStatus({ state: 'reading', linesRead: 340_000 });
    server.progress = 'COMPLETED';
    server.add(1, 2, 3);
    renderWithProviders(<JobLogPanel jobId="j1" jobTerminal />);
    await waitFor(() =>
      expect(status()).toHaveTextContent(
        '3 lines - Jobscope is reading this log from the Job log API: 340,000 lines so far',
      ),
    );
  });

  it("says the gateway's last upstream problem, keeping the lines it holds, never 'complete'", async () => {
    const readAt = new Date(Date.now() - 42_000).toISOString();
    server.gateway = gatewayStatus({ reason: 'The Job log API answered 503.', readAt });
    server.progress = 'COMPLETED';
    server.add(1, 2, 3);
    // The Jobs API says the job is over, but the gateway could not make its last read.
    renderWithProviders(<JobLogPanel jobId="j1" jobTerminal />);
    await waitFor(() =>
      expect(status()).toHaveTextContent(
        /^3 lines - live - updated 4\d s ago - the Job log API is failing \(answered 503\)$/,
      ),
    );
    expect(status()).not.toHaveTextContent('complete');
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
