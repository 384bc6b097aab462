/** The job list's public entry: what the router needs. Other features never import the list. */
export { JobListPage } from './JobListPage';
