/**
 * The volume histogram's colours on its canvas, per scheme: the level chips' hues, in shades
 * that hold WCAG AA's 3:1 for graphics against each scheme's page (the test checks), since a
 * canvas cannot take the CSS `light-dark()` pairs the rows use.
 */
import { DEFAULT_THEME } from '@mantine/core';
import type { LogLevel } from './logLine';

const { red, yellow, blue, gray } = DEFAULT_THEME.colors;

export interface VolumePalette {
  levels: Record<LogLevel, string>;
  /** Axis labels and the outline of the range on screen. */
  text: string;
  /** Laid over the bars outside the time filter, so its range stands out. */
  dim: string;
  /** The bar chosen with the keyboard. */
  focus: string;
}

export const VOLUME_LIGHT: VolumePalette = {
  // Mantine's darkest yellow (#e67700) is 2.999:1 on white: a shade darker.
  levels: { ERROR: red[9], WARN: '#cc7000', INFO: blue[9], DEBUG: gray[7], OTHER: gray[6] },
  text: '#000000',
  dim: 'rgba(255, 255, 255, 0.7)',
  focus: blue[9],
};

export const VOLUME_DARK: VolumePalette = {
  levels: { ERROR: red[6], WARN: yellow[5], INFO: blue[5], DEBUG: gray[6], OTHER: gray[4] },
  text: '#c9c9c9',
  dim: 'rgba(36, 36, 36, 0.7)',
  focus: blue[4],
};
