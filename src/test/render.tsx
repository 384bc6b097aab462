import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderOptions } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { TimeZoneProvider } from '../ui/timeZone';
import { ClockToleranceProvider } from '../ui/clockTolerance';

/** Renders with the app's providers: a fresh QueryClient per test, no retries. */
export function renderWithProviders(
  ui: ReactElement,
  { route = '/', ...options }: RenderOptions & { route?: string } = {},
) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <QueryClientProvider client={queryClient}>
        <MantineProvider>
          <TimeZoneProvider>
            <ClockToleranceProvider>
              <MemoryRouter initialEntries={[route]}>{children}</MemoryRouter>
            </ClockToleranceProvider>
          </TimeZoneProvider>
        </MantineProvider>
      </QueryClientProvider>
    );
  }
  return { queryClient, ...render(ui, { wrapper: Wrapper, ...options }) };
}
