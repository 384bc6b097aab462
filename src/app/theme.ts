import { createTheme, localStorageColorSchemeManager } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  fontFamilyMonospace:
    'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace',
  // A visible focus ring for keyboard users on every control.
  focusRing: 'auto',
});

/** Light / dark / auto, remembered in localStorage. */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'jobscope.colorScheme' });
