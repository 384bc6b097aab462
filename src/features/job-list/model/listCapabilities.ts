/**
 * What the list may claim, from the gateway's freshness answer: with its job index the server
 * applies filters, sort, totals and counts; without it the list is the Jobs API's own pages.
 * The view is cut down to what the server will honour, and the rest is named, never shown as
 * applied.
 */
import type { Freshness } from '../../../contract';
import { DEFAULT_VIEW, type JobListView } from './listParams';

export interface ListCapabilities {
  /** Filters, sort, totals and counts are applied by the server. */
  index: boolean;
  indexReason: string | null;
  mine: boolean;
  mineReason: string | null;
}

/** Until the server has said, the controls work as with the index (its usual state). */
export const ASSUMED: ListCapabilities = {
  index: true,
  indexReason: null,
  mine: true,
  mineReason: null,
};

export function capabilitiesOf(freshness: Freshness | undefined): ListCapabilities {
  if (!freshness) return ASSUMED;
  return {
    index: freshness.index === 'on',
    indexReason: freshness.index === 'off' ? freshness.reason : null,
    mine: freshness.mine.available,
    mineReason: freshness.mine.reason,
  };
}

/** The view the server will honour, and the names of what the link asked that it cannot. */
export function applicableView(
  view: JobListView,
  caps: ListCapabilities,
): { view: JobListView; dropped: string[] } {
  const dropped: string[] = [];
  const applied = { ...view };
  if (!caps.index) {
    if (view.status.length) dropped.push('status');
    if (view.workflowId) dropped.push('workflow');
    if (view.q) dropped.push('search');
    if (view.sort !== DEFAULT_VIEW.sort || view.order !== DEFAULT_VIEW.order) dropped.push('sort');
    Object.assign(applied, {
      status: [],
      workflowId: '',
      q: '',
      sort: DEFAULT_VIEW.sort,
      order: DEFAULT_VIEW.order,
    });
  }
  if (!caps.mine && view.mine) {
    dropped.push('My jobs');
    applied.mine = false;
  }
  return { view: applied, dropped };
}
