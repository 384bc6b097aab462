import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import { OnDemandNotifications } from '../ui/OnDemand';
import { TimeZoneProvider } from '../ui/timeZone';
import { ClockToleranceProvider } from '../ui/clockTolerance';
import { colorSchemeManager, cssVariablesResolver, theme } from './theme';

// Devtools only in development builds; the production bundle never includes them.
const QueryDevtools = import.meta.env.DEV
  ? lazy(() =>
      import('@tanstack/react-query-devtools').then((m) => ({ default: m.ReactQueryDevtools })),
    )
  : null;

export function Providers({ client, children }: { client: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={client}>
      <MantineProvider
        theme={theme}
        colorSchemeManager={colorSchemeManager}
        cssVariablesResolver={cssVariablesResolver}
        defaultColorScheme="auto"
      >
        <OnDemandNotifications />
        <TimeZoneProvider>
          <ClockToleranceProvider>{children}</ClockToleranceProvider>
        </TimeZoneProvider>
      </MantineProvider>
      {QueryDevtools ? (
        <Suspense fallback={null}>
          <QueryDevtools buttonPosition="bottom-left" />
        </Suspense>
      ) : null}
    </QueryClientProvider>
  );
}
