/**
 * The Steps, Metadata and Raw tabs load when first opened: a deep link to the overview or the
 * log (the usual ways in) does not download their tables and lists.
 */
import { Loader, Stack } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';

export const LazyStepsTable = lazy(() =>
  import('./StepsTable').then((m) => ({ default: m.StepsTable })),
);
export const LazyJobMetadataPanel = lazy(() =>
  import('./JobMetadataPanel').then((m) => ({ default: m.JobMetadataPanel })),
);
export const LazyRawJsonView = lazy(() =>
  import('./RawJsonView').then((m) => ({ default: m.RawJsonView })),
);

/**
 * Around a whole tab panel: while its code loads, a spinner stands in for the panel, so the
 * panel (role tabpanel) appears once, with its content.
 */
export function TabLoading({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <Stack align="center" py="md">
          <Loader size="sm" />
        </Stack>
      }
    >
      {children}
    </Suspense>
  );
}
