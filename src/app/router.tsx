import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, redirect, type RouteObject } from 'react-router';
import { loadJobDetailPage } from '../features/job-detail';
import { loadJobListPage } from '../features/job-list';
import { NotFoundPage } from './NotFoundPage';
import { AppLayout } from './AppLayout';
import { RouteError } from './RouteError';
import { jobDetailLoader, jobListLoader, type HashOf } from './loaders';
import { paths } from '../config/paths';

/**
 * Each page is its own chunk: the job list never loads the log panel's code and a deep link to
 * a job never loads the list's. The shell (React, Mantine, Query, the API module, the routes'
 * queries) is shared. A route's loader starts its queries while its page's code downloads.
 */
export function routes(queryClient: QueryClient, hashOf: HashOf): RouteObject[] {
  return [
    {
      path: '/',
      element: <AppLayout />,
      errorElement: <RouteError />,
      children: [
        { index: true, loader: () => redirect(paths.jobs()) },
        {
          path: 'jobs',
          loader: jobListLoader(queryClient),
          lazy: async () => ({ Component: await loadJobListPage() }),
        },
        {
          path: 'jobs/:jobId',
          loader: jobDetailLoader(queryClient, hashOf),
          lazy: async () => ({ Component: await loadJobDetailPage() }),
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}

export function createRouter(queryClient: QueryClient) {
  // A loader's request has no hash: it is the navigation's, or the page's on the first load.
  // The router runs its first loaders while it is being created, before it can be read here.
  const made: { router?: ReturnType<typeof createBrowserRouter> } = {};
  const hashOf = () => made.router?.state.navigation.location?.hash ?? window.location.hash;
  made.router = createBrowserRouter(routes(queryClient, hashOf));
  return made.router;
}
