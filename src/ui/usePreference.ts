import { useLocalStorage } from '@mantine/hooks';

/**
 * A preference remembered in localStorage as one of a few plain strings, the format earlier
 * versions wrote, so operators keep their settings. A stored value this version does not know
 * (an older version's, a hand-edited one) or storage that throws (private mode, quota, disabled
 * cookies) gives the fallback; a write that fails still applies to this page.
 */
export function usePreference<T extends string>(key: string, allowed: readonly T[], fallback: T) {
  return useLocalStorage<T>({
    key,
    defaultValue: fallback,
    // Read on the first render, so a remembered setting never flashes its default first.
    getInitialValueInEffect: false,
    // As before: another tab's change applies on the next visit, not under the operator's eyes.
    sync: false,
    serialize: (value) => value,
    deserialize: (value) =>
      value !== undefined && (allowed as readonly string[]).includes(value)
        ? (value as T)
        : fallback,
  });
}
