/** The detail page's tabs, kept in the URL as `?tab=`. */
export const DETAIL_TABS = ['overview', 'steps', 'metadata', 'raw', 'log'] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

/** `#L12` or `#L12-L40`: a link to log lines. */
const LOG_LINE_HASH = /^#L\d+(-L\d+)?$/;

/** The tab to show: `tab` when valid, the log for a log-line link without one, else overview. */
export function resolveDetailTab(tab: string | null, hash: string): DetailTab {
  if (tab !== null) {
    return (DETAIL_TABS as readonly string[]).includes(tab) ? (tab as DetailTab) : 'overview';
  }
  return LOG_LINE_HASH.test(hash) ? 'log' : 'overview';
}

/** The search string with only `tab` changed, so every other view state stays. */
export function searchWithTab(search: string, tab: DetailTab): string {
  const params = new URLSearchParams(search);
  params.set('tab', tab);
  return `?${params.toString()}`;
}
