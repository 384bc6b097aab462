/** Terminal colours made legible on the log panel's light and dark backgrounds (WCAG 2.x contrast). */
import { createColorPalette, type Color, type ColorName } from 'ansi-sequence-parser';

export type Rgb = readonly [number, number, number];

/** A scheme's log panel: its background (--mantine-color-body) and default text colour. */
export interface Scheme {
  bg: Rgb;
  fg: Rgb;
}

export const LIGHT: Scheme = { bg: [0xff, 0xff, 0xff], fg: [0x00, 0x00, 0x00] };
/** Mantine's dark body is dark-7 (#242424): lighter than dark-8, so the harder case for light text. */
export const DARK: Scheme = { bg: [0x24, 0x24, 0x24], fg: [0xc9, 0xc9, 0xc9] };

/** WCAG AA for body text. */
export const TEXT_CONTRAST = 4.5;
/** Below this, a program's own foreground/background pair is replaced by black or white text. */
export const PAIR_CONTRAST = 3;
/** How dim (SGR 2) text is drawn, when it stays readable that way. */
export const DIM_OPACITY = 0.7;

/** The 16 named colours as text on the light page: each at least 4.5:1 against white. */
export const NAMED_LIGHT: Record<ColorName, string> = {
  black: '#000000',
  red: '#b02525',
  green: '#237032',
  yellow: '#8a5a00',
  blue: '#1864ab',
  magenta: '#a21caf',
  cyan: '#0b7285',
  white: '#737373',
  brightBlack: '#666666',
  brightRed: '#d92626',
  brightGreen: '#2b7a3b',
  brightYellow: '#9c6500',
  brightBlue: '#1971c2',
  brightMagenta: '#b0249c',
  brightCyan: '#0c7a8a',
  brightWhite: '#6b6b6b',
};

/** The 16 named colours as text on the dark page: each at least 4.5:1 against #242424. */
export const NAMED_DARK: Record<ColorName, string> = {
  black: '#959595',
  red: '#ff6b6b',
  green: '#51cf66',
  yellow: '#fcc419',
  blue: '#4dabf7',
  magenta: '#da77f2',
  cyan: '#22b8cf',
  white: '#c9c9c9',
  brightBlack: '#a3a3a3',
  brightRed: '#ff8787',
  brightGreen: '#8ce99a',
  brightYellow: '#ffe066',
  brightBlue: '#74c0fc',
  brightMagenta: '#e599f7',
  brightCyan: '#66d9e8',
  brightWhite: '#ffffff',
};

// The library's palettes resolve named, 256-table (its first 16 from the named map) and rgb
// colours, clamping rgb channels to 0-255. A pair with an explicit background keeps the classic
// terminal colours the program was written against.
const pagePalettes = new Map([
  [LIGHT, createColorPalette(NAMED_LIGHT)],
  [DARK, createColorPalette(NAMED_DARK)],
]);
const pairPalette = createColorPalette();
type Palette = typeof pairPalette;

export function parseHex(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

export function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** Relative luminance, WCAG 2.x. */
export function luminance([r, g, b]: Rgb): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** Contrast ratio, WCAG 2.x: 1 (none) to 21 (black on white). */
export function contrast(a: Rgb, b: Rgb): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function toHsl([r, g, b]: Rgb): [number, number, number] {
  const [rs, gs, bs] = [r / 255, g / 255, b / 255];
  const max = Math.max(rs, gs, bs);
  const min = Math.min(rs, gs, bs);
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0) return [0, 0, l];
  const s = d / (1 - Math.abs(2 * l - 1));
  const h = max === rs ? ((gs - bs) / d) % 6 : max === gs ? (bs - rs) / d + 2 : (rs - gs) / d + 4;
  return [h * 60, s, l];
}

function fromHsl(h: number, s: number, l: number): Rgb {
  const channel = (n: number) => {
    const k = (n + h / 30) % 12;
    const a = s * Math.min(l, 1 - l);
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [channel(0), channel(8), channel(4)];
}

/**
 * `rgb` when it reaches `min` against `bg`, else the same hue and saturation at the nearest
 * lightness that does: darker on a light page, lighter on a dark one. Luminance grows with HSL
 * lightness, so a bisection finds it; black or white always passes on our two pages.
 */
export function ensureContrast(rgb: Rgb, bg: Rgb, min: number): Rgb {
  if (contrast(rgb, bg) >= min) return rgb;
  const [h, s, l] = toHsl(rgb);
  let pass = luminance(bg) > 0.18 ? 0 : 1;
  let fail = l;
  for (let i = 0; i < 16; i++) {
    const mid = (pass + fail) / 2;
    if (contrast(fromHsl(h, s, mid), bg) >= min) pass = mid;
    else fail = mid;
  }
  return fromHsl(h, s, pass);
}

/** `a` drawn at opacity `weight` over `b`. */
function mix(a: Rgb, b: Rgb, weight: number): Rgb {
  const channel = (x: number, y: number) => Math.round(x * weight + y * (1 - weight));
  return [channel(a[0], b[0]), channel(a[1], b[1]), channel(a[2], b[2])];
}

function resolve(color: Color | null, palette: Palette): Rgb | null {
  // The library's types promise a string, but a 256-table index past 255 has none.
  const hex = color ? (palette.value(color) as string | undefined) : undefined;
  return hex ? parseHex(hex) : null;
}

/** What a cell shows in one scheme; null leaves the page's own colour. */
interface Paint {
  fg: Rgb | null;
  bg: Rgb | null;
}

function paint(fg: Color | null, bg: Color | null, inverse: boolean, scheme: Scheme): Paint {
  const background = resolve(bg, pairPalette);
  if (!background && !inverse) {
    const text = resolve(fg, pagePalettes.get(scheme)!);
    return { fg: text && ensureContrast(text, scheme.bg, TEXT_CONTRAST), bg: null };
  }
  let text = resolve(fg, pairPalette) ?? scheme.fg;
  let back = background ?? scheme.bg;
  if (inverse) [text, back] = [back, text];
  if (contrast(text, back) < PAIR_CONTRAST) {
    text = contrast(LIGHT.fg, back) >= contrast(LIGHT.bg, back) ? LIGHT.fg : LIGHT.bg;
  }
  return { fg: text, bg: back };
}

/** Dim is drawn as opacity, which fades the background too: keep it only while text stays AA. */
function dimReadable({ fg, bg }: Paint, scheme: Scheme): boolean {
  const text = mix(fg ?? scheme.fg, scheme.bg, DIM_OPACITY);
  const back = mix(bg ?? scheme.bg, scheme.bg, DIM_OPACITY);
  return contrast(text, back) >= TEXT_CONTRAST;
}

function css(light: Rgb | null, dark: Rgb | null): string | undefined {
  if (!light || !dark) return undefined;
  const [l, d] = [toHex(light), toHex(dark)];
  return l === d ? l : `light-dark(${l}, ${d})`;
}

export interface CellColors {
  color?: string;
  background?: string;
  /** Whether dim may be drawn (as DIM_OPACITY) without losing 4.5:1. */
  dimReadable: boolean;
}

/**
 * CSS colours for a parser token's foreground and background in both schemes. Without a
 * background, text is held to 4.5:1 against the page; with one (or inverse), the program's pair
 * is kept unless it falls under 3:1, when the text turns black or white.
 */
export function cellColors(fg: Color | null, bg: Color | null, inverse: boolean): CellColors {
  const light = paint(fg, bg, inverse, LIGHT);
  const dark = paint(fg, bg, inverse, DARK);
  const colors: CellColors = {
    dimReadable: dimReadable(light, LIGHT) && dimReadable(dark, DARK),
  };
  const color = css(light.fg, dark.fg);
  const background = css(light.bg, dark.bg);
  if (color) colors.color = color;
  if (background) colors.background = background;
  return colors;
}
