/**
 * Remembered preferences in localStorage. Storage can throw (private mode, quota, disabled
 * cookies), and a stored value may be from an older version: both fall back to the default.
 */
export function readPreference<T extends string>(
  key: string,
  allowed: readonly T[],
  fallback: T,
): T {
  try {
    const value = localStorage.getItem(key);
    return value != null && (allowed as readonly string[]).includes(value)
      ? (value as T)
      : fallback;
  } catch {
    return fallback;
  }
}

export function writePreference(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Not remembered this time; the preference still applies to this page.
  }
}
