/** The job detail's public entry: what the router and its loader need. */
export { jobDetailOptions } from './api';
export { resolveDetailTab } from './model/detailTab';

/**
 * The page, loaded on demand: the route's loader imports this entry up front, and the page's
 * code must stay in a chunk of its own.
 */
export const loadJobDetailPage = () => import('./JobDetailPage').then((m) => m.JobDetailPage);
