import { usePreference } from '../../../ui/usePreference';

export const REFRESH_CHOICES = ['off', '2', '5', '10', '30'] as const;
export type RefreshChoice = (typeof REFRESH_CHOICES)[number];

const KEY = 'jobscope.listRefresh';
const DEFAULT: RefreshChoice = '5';

/** Milliseconds between refreshes, or false for off. */
export function refreshMs(choice: RefreshChoice): number | false {
  return choice === 'off' ? false : Number(choice) * 1000;
}

/** The list's auto-refresh interval, remembered across visits. */
export function useRefreshInterval() {
  return usePreference<RefreshChoice>(KEY, REFRESH_CHOICES, DEFAULT);
}
