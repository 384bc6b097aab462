import { describe, expect, it } from 'vitest';
import { LOG_LEVELS } from './logLine';
import { contrast, DARK, LIGHT, parseHex } from './ansiPalette';
import { VOLUME_DARK, VOLUME_LIGHT } from './volumePalette';

describe('volume palette', () => {
  for (const [name, palette, scheme] of [
    ['light', VOLUME_LIGHT, LIGHT],
    ['dark', VOLUME_DARK, DARK],
  ] as const) {
    it(`holds 3:1 against the ${name} page for every level and the outline`, () => {
      for (const level of LOG_LEVELS) {
        expect(contrast(parseHex(palette.levels[level]), scheme.bg)).toBeGreaterThanOrEqual(3);
      }
      expect(contrast(parseHex(palette.text), scheme.bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(parseHex(palette.focus), scheme.bg)).toBeGreaterThanOrEqual(3);
    });
  }
});
