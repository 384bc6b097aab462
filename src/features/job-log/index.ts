/** The job log's public entry: the panel the detail page shows, and its query for the router. */
export { JobLogPanel } from './components/JobLogPanel';
export { logTailOptions } from './tail/logTailQuery';
export { useStepErrorCounts, type StepErrorCounts } from './hooks/useStepErrorCounts';
export { fetchLogPage } from './api/fetchLogPage';
