import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  cancelTokenPrompt,
  clearTokens,
  getToken,
  getTokenPromptApi,
  requestToken,
  setToken,
  submitToken,
  subscribeTokenPrompt,
} from './tokens';

afterEach(() => clearTokens());

describe('token store', () => {
  it('keeps a token in sessionStorage unless remembered', () => {
    setToken('jobs', 'a');
    expect(sessionStorage.getItem('jobscope.token.jobs')).toBe('a');
    expect(localStorage.getItem('jobscope.token.jobs')).toBeNull();

    setToken('jobs', 'b', true);
    expect(localStorage.getItem('jobscope.token.jobs')).toBe('b');
    expect(sessionStorage.getItem('jobscope.token.jobs')).toBeNull();
    expect(getToken('jobs')).toBe('b');
    expect(getToken('logs')).toBeNull();
  });

  it('reads a remembered token left by an earlier visit', () => {
    localStorage.setItem('jobscope.token.logs', 'from-before');
    expect(getToken('logs')).toBe('from-before');
  });

  it('forgets every token on clearTokens', () => {
    setToken('jobs', 'a', true);
    setToken('logs', 'b');
    clearTokens();
    expect(getToken('jobs')).toBeNull();
    expect(getToken('logs')).toBeNull();
    expect(localStorage.length + sessionStorage.length).toBe(0);
  });
});

describe('token prompt store', () => {
  it('shares one pending prompt per API and resolves true on submit', async () => {
    const listener = vi.fn();
    const unsubscribe = subscribeTokenPrompt(listener);
    const a = requestToken('logs');
    const b = requestToken('logs');
    expect(b).toBe(a);
    expect(getTokenPromptApi()).toBe('logs');
    expect(listener).toHaveBeenCalledTimes(1);

    submitToken('t', false);
    await expect(a).resolves.toBe(true);
    expect(getToken('logs')).toBe('t');
    expect(getTokenPromptApi()).toBeNull();
    unsubscribe();
  });

  it('asks for one API at a time, oldest first', async () => {
    const jobs = requestToken('jobs');
    const logs = requestToken('logs');
    expect(getTokenPromptApi()).toBe('jobs');
    cancelTokenPrompt();
    await expect(jobs).resolves.toBe(false);
    expect(getTokenPromptApi()).toBe('logs');
    submitToken('x', false);
    await expect(logs).resolves.toBe(true);
    expect(getToken('jobs')).toBeNull();
  });

  it('releases waiting requests when the operator signs out', async () => {
    const jobs = requestToken('jobs');
    clearTokens();
    await expect(jobs).resolves.toBe(false);
    expect(getTokenPromptApi()).toBeNull();
  });
});
