/**
 * How this feature's in-app notices look. Mantine greys a titled notice's text with gray-6 (light)
 * and dark-2 (dark), under WCAG AA on both surfaces; the app's own dimmed colour passes. Its
 * close button has no name of its own: screen readers would announce a bare "button".
 */
export const NOTICE_PROPS = {
  styles: { description: { color: 'var(--mantine-color-dimmed)' } },
  closeButtonProps: { 'aria-label': 'Dismiss notification' },
} as const;
