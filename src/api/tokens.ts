/**
 * The token of each API, and the prompt that asks the operator for one.
 *
 * Tokens live in sessionStorage (gone with the tab) unless the operator chose "Remember on this
 * device" (localStorage). Storage can be missing or throw (private modes, tests outside a
 * browser), so an in-memory copy backs it up.
 */
import type { ApiName } from './errors';

const STORAGE_KEY: Record<ApiName, string> = {
  jobs: 'jobscope.token.jobs',
  logs: 'jobscope.token.logs',
};

const memory = new Map<ApiName, string>();

function storage(kind: 'sessionStorage' | 'localStorage'): Storage | null {
  try {
    return globalThis[kind] ?? null;
  } catch {
    return null;
  }
}

function read(kind: 'sessionStorage' | 'localStorage', key: string): string | null {
  try {
    return storage(kind)?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(kind: 'sessionStorage' | 'localStorage', key: string, value: string | null): void {
  try {
    const store = storage(kind);
    if (value === null) store?.removeItem(key);
    else store?.setItem(key, value);
  } catch {
    // Storage full or denied: the in-memory copy still serves this tab.
  }
}

export function getToken(api: ApiName): string | null {
  const key = STORAGE_KEY[api];
  return read('sessionStorage', key) ?? read('localStorage', key) ?? memory.get(api) ?? null;
}

export function setToken(api: ApiName, token: string, remember = false): void {
  const key = STORAGE_KEY[api];
  memory.set(api, token);
  write(remember ? 'localStorage' : 'sessionStorage', key, token);
  write(remember ? 'sessionStorage' : 'localStorage', key, null);
}

/** Forgets every token ("Sign out") and dismisses an open prompt. */
export function clearTokens(): void {
  for (const api of Object.keys(STORAGE_KEY) as ApiName[]) {
    memory.delete(api);
    write('sessionStorage', STORAGE_KEY[api], null);
    write('localStorage', STORAGE_KEY[api], null);
  }
  for (const api of [...pending.keys()]) settle(api, false);
}

// --- The prompt: one pending request per API, shown one at a time, oldest first. ---

const pending = new Map<ApiName, { promise: Promise<boolean>; resolve: (ok: boolean) => void }>();
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

function settle(api: ApiName, ok: boolean): void {
  const entry = pending.get(api);
  if (!entry) return;
  pending.delete(api);
  entry.resolve(ok);
  notify();
}

/**
 * Asks the operator for a token of `api`. Concurrent callers share one prompt. Resolves true once
 * a token was entered (read it with `getToken`), false when the operator cancelled.
 */
export function requestToken(api: ApiName): Promise<boolean> {
  const existing = pending.get(api);
  if (existing) return existing.promise;
  let resolve!: (ok: boolean) => void;
  const promise = new Promise<boolean>((r) => (resolve = r));
  pending.set(api, { promise, resolve });
  notify();
  return promise;
}

/** The API whose token the prompt asks for now, or null when no prompt is open. */
export function getTokenPromptApi(): ApiName | null {
  const first = pending.keys().next();
  return first.done ? null : first.value;
}

export function subscribeTokenPrompt(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Stores the entered token for the prompted API and releases every request waiting on it. */
export function submitToken(token: string, remember: boolean): void {
  const api = getTokenPromptApi();
  if (api === null) return;
  setToken(api, token, remember);
  settle(api, true);
}

export function cancelTokenPrompt(): void {
  const api = getTokenPromptApi();
  if (api !== null) settle(api, false);
}
