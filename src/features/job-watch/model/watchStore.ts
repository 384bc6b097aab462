/**
 * The watch list of this device, kept in localStorage and shared by every toggle and the
 * watcher of the page: a tiny external store for `useSyncExternalStore`.
 *
 * Storage is read on every snapshot (a string compare when nothing changed), so another tab's
 * change is seen at this tab's next render, and its `storage` event re-renders at once: two
 * open tabs agree on what is watched and what was announced. Storage that throws (private mode,
 * quota, disabled) leaves the list in this page's memory, as `usePreference` does.
 */
import { parseWatchList, serializeWatchList, type WatchedJob } from './watchList';

export const WATCH_STORAGE_KEY = 'jobscope.watchedJobs';

let held: { raw: string | null; list: readonly WatchedJob[] } = { raw: null, list: [] };
/** The last write did not reach storage: this page's copy is the newer one. */
let unsaved = false;
const listeners = new Set<() => void>();

function readRaw(): string | null | undefined {
  try {
    return localStorage.getItem(WATCH_STORAGE_KEY);
  } catch {
    return undefined;
  }
}

export function getWatchList(): readonly WatchedJob[] {
  if (unsaved) return held.list;
  const raw = readRaw();
  if (raw === undefined) return held.list;
  if (raw !== held.raw) held = { raw, list: parseWatchList(raw) };
  return held.list;
}

/** Applies `update` to the current list; the same list back changes nothing. */
export function updateWatchList(
  update: (list: readonly WatchedJob[]) => readonly WatchedJob[],
): void {
  const current = getWatchList();
  const next = update(current);
  if (next === current) return;
  const raw = serializeWatchList(next);
  held = { raw, list: next };
  try {
    localStorage.setItem(WATCH_STORAGE_KEY, raw);
    unsaved = false;
  } catch {
    unsaved = true;
  }
  for (const listener of listeners) listener();
}

function onStorage(event: StorageEvent): void {
  // null: another tab cleared the whole storage.
  if (event.key !== WATCH_STORAGE_KEY && event.key !== null) return;
  for (const listener of listeners) listener();
}

export function subscribeWatchList(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('storage', onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('storage', onStorage);
  };
}
