/**
 * "Notify me": the toggles the list rows and the job header show, and the watcher the app shell
 * mounts once. Watched jobs are remembered on this device and announced while Jobscope is open.
 */
export { WatchButton, WatchIconButton } from './components/WatchToggle';
export { JobWatcher } from './components/JobWatcher';
