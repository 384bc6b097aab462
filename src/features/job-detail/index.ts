/** The job detail's public entry: what the router needs. */
export { JobDetailPage } from './JobDetailPage';
export { jobDetailOptions } from './api';
