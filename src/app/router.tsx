import { createBrowserRouter, redirect } from 'react-router';
import { NotFoundPage } from './NotFoundPage';
import { AppLayout } from './AppLayout';
import { RouteError } from './RouteError';
import { paths } from '../config/paths';

/**
 * Each page is its own chunk: the job list never loads the log panel's code and a deep link to
 * a job never loads the list's. The shell (React, Mantine, Query, the API module) is shared.
 */
export function createRouter() {
  return createBrowserRouter([
    {
      path: '/',
      element: <AppLayout />,
      errorElement: <RouteError />,
      children: [
        { index: true, loader: () => redirect(paths.jobs()) },
        {
          path: 'jobs',
          lazy: async () => ({ Component: (await import('../features/job-list')).JobListPage }),
        },
        {
          path: 'jobs/:jobId',
          lazy: async () => ({
            Component: (await import('../features/job-detail')).JobDetailPage,
          }),
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
