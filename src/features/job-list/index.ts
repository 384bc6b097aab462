/**
 * The job list's public entry: what the router and its loader need. Other features never import
 * the list.
 */
export { freshnessOptions, jobCountsOptions, jobListOptions, type JobListFilters } from './api';
export { parseJobListParams, viewToFilters } from './model/listParams';
export { applicableView, capabilitiesOf } from './model/listCapabilities';

/**
 * The page, loaded on demand: the route's loader imports this entry up front, and the page's
 * code must stay in a chunk of its own.
 */
export const loadJobListPage = () => import('./JobListPage').then((m) => m.JobListPage);
