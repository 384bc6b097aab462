import { createBrowserRouter, redirect } from 'react-router';
import { JobDetailPage } from '../pages/JobDetailPage';
import { JobListPage } from '../pages/JobListPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { AppLayout } from './AppLayout';
import { RouteError } from './RouteError';
import { paths } from './paths';

export function createRouter() {
  return createBrowserRouter([
    {
      path: '/',
      element: <AppLayout />,
      errorElement: <RouteError />,
      children: [
        { index: true, loader: () => redirect(paths.jobs()) },
        { path: 'jobs', element: <JobListPage /> },
        { path: 'jobs/:jobId', element: <JobDetailPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
