import {
  createTheme,
  localStorageColorSchemeManager,
  type CSSVariablesResolver,
} from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Links and primary text on white reach WCAG AA (4.5:1) from shade 7 of indigo.
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'sm',
  fontFamilyMonospace:
    'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace',
  // A visible focus ring for keyboard users on every control.
  focusRing: 'auto',
});

/** Light / dark / auto, remembered in localStorage. */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'jobscope.colorScheme' });

/** Mantine's default "dimmed" grey fails WCAG AA on both schemes' surfaces; one shade stronger passes. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
});
