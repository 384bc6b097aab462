/** The detail page's tabs, kept in the URL as `?tab=`. */
import { z } from 'zod/mini';

export const DETAIL_TABS = ['overview', 'steps', 'metadata', 'raw', 'log'] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

/**
 * The detail page's declared search schema. Absent, `tab` is undefined (the hash decides); an
 * unknown tab is the overview. The log's parameters on this route are the log's own.
 */
export const detailSearch = z.object({
  tab: z.catch(z.optional(z.enum(DETAIL_TABS)), 'overview'),
});

/** `#L12` or `#L12-L40`: a link to log lines. */
const LOG_LINE_HASH = /^#L\d+(-L\d+)?$/;

/** The tab to show: `tab` when valid, the log for a log-line link without one, else overview. */
export function resolveDetailTab(tab: string | null | undefined, hash: string): DetailTab {
  return (
    detailSearch.shape.tab.parse(tab ?? undefined) ??
    (LOG_LINE_HASH.test(hash) ? 'log' : 'overview')
  );
}
