import { namedColors, type Color } from 'ansi-sequence-parser';
import { describe, expect, it } from 'vitest';
import {
  DARK,
  LIGHT,
  NAMED_DARK,
  NAMED_LIGHT,
  cellColors,
  contrast,
  ensureContrast,
  luminance,
  parseHex,
  toHex,
  type Rgb,
} from './ansiPalette';

/** The light and dark values of a CSS colour written by cellColors. */
function schemes(css: string | undefined): [Rgb, Rgb] {
  const [light = '', dark = light] = css?.match(/#[0-9a-f]{6}/g) ?? [];
  return [parseHex(light), parseHex(dark)];
}

function textContrasts(fg: Color | null, bg: Color | null, inverse = false): [number, number] {
  const colors = cellColors(fg, bg, inverse);
  const [fgLight, fgDark] = schemes(colors.color);
  const [bgLight, bgDark] = colors.background ? schemes(colors.background) : [LIGHT.bg, DARK.bg];
  return [contrast(fgLight, bgLight), contrast(fgDark, bgDark)];
}

describe('ansiPalette', () => {
  it('computes WCAG 2.x luminance and contrast', () => {
    expect(luminance([255, 255, 255])).toBe(1);
    expect(luminance([0, 0, 0])).toBe(0);
    expect(contrast([0, 0, 0], [255, 255, 255])).toBe(21);
    expect(contrast([255, 255, 255], [0, 0, 0])).toBe(21);
    expect(contrast(parseHex('#777777'), LIGHT.bg)).toBeCloseTo(4.48, 2);
    expect(toHex(parseHex('#0a141e'))).toBe('#0a141e');
  });

  it('gives every named colour at least 4.5:1 on its own scheme', () => {
    for (const name of namedColors) {
      expect(
        contrast(parseHex(NAMED_LIGHT[name]), LIGHT.bg),
        `light ${name}`,
      ).toBeGreaterThanOrEqual(4.5);
      expect(contrast(parseHex(NAMED_DARK[name]), DARK.bg), `dark ${name}`).toBeGreaterThanOrEqual(
        4.5,
      );
    }
  });

  it('keeps a legible colour and moves an illegible one along lightness only', () => {
    expect(ensureContrast([0x0a, 0x14, 0x1e], LIGHT.bg, 4.5)).toEqual([0x0a, 0x14, 0x1e]);
    const yellow = ensureContrast([255, 255, 0], LIGHT.bg, 4.5);
    expect(contrast(yellow, LIGHT.bg)).toBeGreaterThanOrEqual(4.5);
    expect(yellow[0]).toBe(yellow[1]);
    expect(yellow[2]).toBe(0);
    const navy = ensureContrast([0, 0, 128], DARK.bg, 4.5);
    expect(contrast(navy, DARK.bg)).toBeGreaterThanOrEqual(4.5);
    expect(navy[0]).toBe(navy[1]);
    expect(navy[2]).toBeGreaterThan(navy[0]);
  });

  it('holds every 256-table and a spread of true colours to 4.5:1 on both pages', () => {
    const colors: Color[] = Array.from({ length: 256 }, (_, index) => ({ type: 'table', index }));
    for (let v = 0; v <= 255; v += 51) {
      colors.push(
        { type: 'rgb', rgb: [v, 255 - v, (v * 7) % 256] },
        { type: 'rgb', rgb: [v, v, v] },
      );
    }
    for (const color of colors) {
      const [light, dark] = textContrasts(color, null);
      expect(light, JSON.stringify(color)).toBeGreaterThanOrEqual(4.5);
      expect(dark, JSON.stringify(color)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("keeps a program's own fg/bg pair unless it falls under 3:1", () => {
    const black: Color = { type: 'named', name: 'black' };
    const white: Color = { type: 'named', name: 'white' };
    const blue: Color = { type: 'named', name: 'blue' };
    expect(cellColors(black, white, false)).toEqual({
      color: '#000000',
      background: '#eeeeee',
      dimReadable: true,
    });
    // Dark blue on black (1.4:1) becomes white on black.
    expect(cellColors(blue, black, false)).toMatchObject({
      color: '#ffffff',
      background: '#000000',
    });
    for (const bg of namedColors) {
      const [light, dark] = textContrasts(null, { type: 'named', name: bg });
      expect(Math.min(light, dark), bg).toBeGreaterThanOrEqual(3);
    }
  });

  it('folds inverse into the colours, the page swapping with its text when none is set', () => {
    expect(cellColors(null, null, true)).toEqual({
      color: 'light-dark(#ffffff, #242424)',
      background: 'light-dark(#000000, #c9c9c9)',
      dimReadable: true,
    });
    expect(cellColors({ type: 'named', name: 'red' }, null, true)).toMatchObject({
      color: '#ffffff',
      background: '#bb0000',
    });
  });

  it('allows dim only where opacity keeps 4.5:1', () => {
    expect(cellColors(null, null, false)).toEqual({ dimReadable: true });
    expect(cellColors({ type: 'named', name: 'red' }, null, false).dimReadable).toBe(false);
  });
});
