/** ANSI-styled log messages: the text a terminal would end up showing, with its styled runs. */
import {
  createAnsiSequenceParser,
  type Color,
  type DecorationType,
  type ParseToken,
} from 'ansi-sequence-parser';
import { revealBidi } from '../../../lib/bidi';
import { cellColors } from './ansiPalette';

/**
 * How a run looks. Colours are CSS values, mostly `light-dark(<light>, <dark>)`, already made
 * legible (see ansiPalette). Flags are present only when true. Inverse (SGR 7) is folded into the
 * colours; hidden (SGR 8) and blink are ignored so no log text is ever hidden from an operator;
 * dim is dropped where drawing it at DIM_OPACITY would take the text under 4.5:1.
 */
export interface RunStyle {
  readonly color?: string;
  readonly background?: string;
  readonly bold?: true;
  readonly dim?: true;
  readonly italic?: true;
  readonly underline?: true;
  readonly strike?: true;
  readonly overline?: true;
}

/** `[start, end)` in UTF-16 offsets of the visible text. Style objects are shared: do not mutate. */
export interface StyledRun {
  start: number;
  end: number;
  style: RunStyle;
}

/** Visible text and its non-default runs, sorted and non-overlapping. */
export interface StyledText {
  text: string;
  runs: StyledRun[];
}

type Parser = ReturnType<typeof createAnsiSequenceParser>;
type MutableStyle = { -readonly [K in keyof RunStyle]: RunStyle[K] };

/** As displayText shows a line break, so that a row stays one line high in the no-wrap mode. */
const LINE_BREAK = ' \u21b5 ';

// Only these need more than displayText; checked first because it runs for every rendered row.
// eslint-disable-next-line no-control-regex
const NEEDS_STYLING = /[\u001b\r]/;
// C0 controls but tab (line feeds are split off first) and DEL: ESC and CR are interpreted, the
// rest dropped as displayText drops them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
// CSI: parameters, intermediates, final byte; bounded so a runaway "ESC[1234..." stays text.
// eslint-disable-next-line no-control-regex
const CSI = /\u001b\[([0-?]{0,128})([ -/]{0,8})([@-~])/y;
// OSC (hyperlinks, window titles) ends with BEL or ESC \. It cannot run past the line, whose
// break was split off, nor past the next ESC, so an unterminated one costs linear time.
// eslint-disable-next-line no-control-regex
const OSC = /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/y;
// Charset designations (ESC ( B, as tput sgr0 writes), cursor save/restore and keypad modes. An
// ESC before anything else is dropped alone, so a stray one never takes a letter of text with it.
// eslint-disable-next-line no-control-regex
const SHORT_ESCAPE = /\u001b(?:[#%(-/]{1,2}[0-~]|[78=>])/y;
const SGR_PARAMS = /^[\d;:]*$/;
const ERASE_PARAMS = /^[012]?$/;
// eslint-disable-next-line no-control-regex
const REWRITES = /\r|\u001b\[[012]?K/;

type Chunk = [text: string, style: RunStyle | null];

/** One terminal line: a cell per code point, each keeping the style it was last written with. */
class Line {
  private readonly chars: string[] = [];
  private readonly styles: (RunStyle | null)[] = [];
  cursor = 0;
  /** Cells before this are known blank, so repeated erases at one column cost nothing. */
  private blankTo = 0;

  write(text: string, style: RunStyle | null): void {
    if (this.cursor < this.blankTo) this.blankTo = this.cursor;
    for (const char of text) {
      this.chars[this.cursor] = char;
      this.styles[this.cursor] = style;
      this.cursor++;
    }
  }

  /** EL: 0 cursor to end, 1 start to cursor, 2 whole line. The cursor stays where it is. */
  erase(mode: number): void {
    if (mode !== 1) {
      this.chars.length = Math.min(this.chars.length, this.cursor);
      this.styles.length = this.chars.length;
    }
    if (mode === 0) return;
    const end = Math.min(this.chars.length, mode === 1 ? this.cursor + 1 : this.cursor);
    for (let i = this.blankTo; i < end; i++) {
      this.chars[i] = ' ';
      this.styles[i] = null;
    }
    this.blankTo = Math.max(this.blankTo, end);
  }

  /** The cells as text, a chunk per stretch of one style. */
  chunks(): Chunk[] {
    const chunks: Chunk[] = [];
    for (let from = 0, to = 1; from < this.chars.length; from = to++) {
      const style = this.styles[from] ?? null;
      while (to < this.chars.length && this.styles[to] === style) to++;
      chunks.push([this.chars.slice(from, to).join(''), style]);
    }
    return chunks;
  }
}

const DECORATION_BITS: Record<DecorationType, number> = {
  bold: 1,
  dim: 2,
  italic: 4,
  underline: 8,
  strikethrough: 16,
  overline: 32,
  reverse: 64,
  // Ignored: log text is never hidden from an operator.
  hidden: 0,
};

function colorKey(color: Color | null): string {
  if (!color) return '';
  if (color.type === 'named') return color.name;
  return color.type === 'table' ? `${color.index}` : color.rgb.join(',');
}

/** Styles by parser state; shared across calls, emptied between calls once it grows. */
const styleCache = new Map<string, RunStyle | null>();

function styleOf(token: ParseToken): RunStyle | null {
  let bits = 0;
  for (const decoration of token.decorations) bits |= DECORATION_BITS[decoration];
  const key = `${colorKey(token.foreground)}/${colorKey(token.background)}/${bits}`;
  let style = styleCache.get(key);
  if (style === undefined) {
    style = buildStyle(token, bits);
    styleCache.set(key, style);
  }
  return style;
}

function buildStyle(token: ParseToken, bits: number): RunStyle | null {
  const colors = cellColors(token.foreground, token.background, (bits & 64) !== 0);
  const style: MutableStyle = {};
  if (colors.color) style.color = colors.color;
  if (colors.background) style.background = colors.background;
  if (bits & 1) style.bold = true;
  if (bits & 2 && colors.dimReadable) style.dim = true;
  if (bits & 4) style.italic = true;
  if (bits & 8) style.underline = true;
  if (bits & 16) style.strike = true;
  if (bits & 32) style.overline = true;
  return Object.keys(style).length > 0 ? style : null;
}

/** Plays one line's escapes: SGR goes to the parser with the text, CR and EL move cells here. */
function playLine(source: string, parser: Parser): Chunk[] {
  // Most lines are only ever appended to; cells (a string per code point) are for rewrites.
  const line = REWRITES.test(source) ? new Line() : null;
  const appended: Chunk[] = [];
  let pending = '';
  const flush = () => {
    for (const token of pending ? parser.parse(pending) : []) {
      if (line) line.write(token.value, styleOf(token));
      else appended.push([token.value, styleOf(token)]);
    }
    pending = '';
  };
  let from = 0;
  CONTROL.lastIndex = 0;
  for (let match = CONTROL.exec(source); match; match = CONTROL.exec(source)) {
    const at = match.index;
    pending += source.slice(from, at);
    from = at + 1;
    if (match[0] === '\r' && line) {
      flush();
      line.cursor = 0;
    } else if (match[0] === '\u001b') {
      CSI.lastIndex = OSC.lastIndex = SHORT_ESCAPE.lastIndex = at;
      const csi = CSI.exec(source);
      const [, params = '', intermediates, final] = csi ?? [];
      if (csi && final === 'm' && !intermediates && SGR_PARAMS.test(params)) {
        // The parser skips empty parameters, which terminals read as 0 ("ESC[m" resets).
        pending += `\u001b[${params
          .split(';')
          .map((param) => param || '0')
          .join(';')}m`;
      } else if (csi && final === 'K' && !intermediates && ERASE_PARAMS.test(params) && line) {
        flush();
        line.erase(Number(params));
      }
      // Any other sequence is dropped whole; a lone or malformed ESC alone, keeping what follows.
      const escape = csi ?? OSC.exec(source) ?? SHORT_ESCAPE.exec(source);
      if (escape) from = at + escape[0].length;
    }
    CONTROL.lastIndex = from;
  }
  pending += source.slice(from);
  flush();
  return line ? line.chunks() : appended;
}

/** Appends text and merges runs as it goes. */
class Output {
  private readonly parts: string[] = [];
  private length = 0;
  readonly runs: StyledRun[] = [];

  push(text: string, style: RunStyle | null): void {
    if (!text) return;
    if (style) {
      const last = this.runs.at(-1);
      if (last?.style === style && last.end === this.length) last.end += text.length;
      else this.runs.push({ start: this.length, end: this.length + text.length, style });
    }
    this.parts.push(text);
    this.length += text.length;
  }

  get text(): string {
    return this.parts.join('');
  }
}

/**
 * The message as a terminal would leave it: SGR styles as runs, each line's carriage-return
 * rewrites and erases played to their final state, other escapes and controls removed, line
 * breaks and bidi controls shown as displayText shows them. Null when the message holds no ESC
 * and no CR: then displayText(message) is the whole story.
 */
export function styleMessage(message: string): StyledText | null {
  if (!NEEDS_STYLING.test(message)) return null;
  if (styleCache.size > 1024) styleCache.clear();
  // One parser for the message: SGR state carries over a line break, as in a terminal.
  const parser = createAnsiSequenceParser();
  const out = new Output();
  message.split(/\r?\n/).forEach((source, index) => {
    if (index > 0) out.push(LINE_BREAK, null);
    // Per chunk, so a revealed "<U+202E>" keeps its chunk's style and runs stay aligned.
    for (const [text, style] of playLine(source, parser)) out.push(revealBidi(text), style);
  });
  return { text: out.text, runs: out.runs };
}
