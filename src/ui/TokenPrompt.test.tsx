import { MantineProvider } from '@mantine/core';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearTokens, getToken, requestToken } from '../api/tokens';
import { TokenPrompt } from './TokenPrompt';

function renderPrompt() {
  return render(
    <MantineProvider>
      <TokenPrompt />
    </MantineProvider>,
  );
}

function ask(api: 'jobs' | 'logs'): Promise<boolean> {
  let promise!: Promise<boolean>;
  act(() => {
    promise = requestToken(api);
  });
  return promise;
}

afterEach(() => {
  act(() => clearTokens());
  vi.restoreAllMocks();
});

describe('TokenPrompt', () => {
  it('stays closed until a token is requested', () => {
    renderPrompt();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('takes a token with Enter, remembers it when asked, and closes', async () => {
    const logSpies = (['log', 'info', 'debug', 'warn', 'error'] as const).map((m) =>
      vi.spyOn(console, m),
    );
    const user = userEvent.setup();
    renderPrompt();
    const answered = ask('jobs');

    const dialog = await screen.findByRole('dialog', { name: 'Jobs API token' });
    const input = screen.getByLabelText(/^Token/);
    await waitFor(() => expect(input).toHaveFocus());
    expect(dialog).toContainElement(input);

    await user.type(input, 'secret-jobs-token');
    await user.click(screen.getByRole('checkbox', { name: 'Remember on this device' }));
    await user.keyboard('{Enter}');

    await expect(answered).resolves.toBe(true);
    expect(getToken('jobs')).toBe('secret-jobs-token');
    expect(localStorage.getItem('jobscope.token.jobs')).toBe('secret-jobs-token');
    expect(sessionStorage.getItem('jobscope.token.jobs')).toBeNull();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    for (const spy of logSpies) {
      expect(JSON.stringify(spy.mock.calls)).not.toContain('secret-jobs-token');
    }
  });

  it('keeps a token for this tab only by default', async () => {
    const user = userEvent.setup();
    renderPrompt();
    const answered = ask('logs');
    await screen.findByRole('dialog', { name: 'Job log API token' });
    await user.type(screen.getByLabelText(/^Token/), 'tab-only');
    await user.click(screen.getByRole('button', { name: 'Use token' }));
    await expect(answered).resolves.toBe(true);
    expect(sessionStorage.getItem('jobscope.token.logs')).toBe('tab-only');
    expect(localStorage.getItem('jobscope.token.logs')).toBeNull();
  });

  it('resolves false on Cancel and stores nothing', async () => {
    const user = userEvent.setup();
    renderPrompt();
    const answered = ask('logs');
    await screen.findByRole('dialog', { name: 'Job log API token' });
    await user.type(screen.getByLabelText(/^Token/), 'never-used');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await expect(answered).resolves.toBe(false);
    expect(getToken('logs')).toBeNull();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('does not submit an empty token', async () => {
    const user = userEvent.setup();
    renderPrompt();
    ask('jobs');
    await screen.findByRole('dialog', { name: 'Jobs API token' });
    expect(screen.getByRole('button', { name: 'Use token' })).toBeDisabled();
    await user.type(screen.getByLabelText(/^Token/), '   {Enter}');
    expect(screen.getByRole('dialog', { name: 'Jobs API token' })).toBeInTheDocument();
    expect(getToken('jobs')).toBeNull();
  });

  it('shares one prompt between concurrent requests and then asks for the next API', async () => {
    const user = userEvent.setup();
    renderPrompt();
    const first = ask('jobs');
    const second = ask('jobs');
    const logs = ask('logs');
    expect(second).toBe(first);

    await screen.findByRole('dialog', { name: 'Jobs API token' });
    expect(screen.getAllByRole('dialog')).toHaveLength(1);
    await user.type(screen.getByLabelText(/^Token/), 'one{Enter}');
    await expect(first).resolves.toBe(true);

    await screen.findByRole('dialog', { name: 'Job log API token' });
    // The next prompt starts empty, not with the previous API's token.
    expect(screen.getByLabelText(/^Token/)).toHaveValue('');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await expect(logs).resolves.toBe(false);
    expect(getToken('jobs')).toBe('one');
  });
});
