import { QueryClient } from '@tanstack/react-query';
import { isRetryable } from '../api/errors';

/** Retries back off exponentially to 30 s; errors a retry cannot fix (4xx, bad data) fail at once. */
export const MAX_RETRY_DELAY_MS = 30_000;

export function retryDelay(attempt: number): number {
  return Math.min(1000 * 2 ** attempt, MAX_RETRY_DELAY_MS);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => failureCount < 3 && isRetryable(error),
        retryDelay,
        staleTime: 2_000,
        // Polling pauses in hidden tabs; coming back refetches at once.
        refetchIntervalInBackground: false,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}
