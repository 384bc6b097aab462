import { defaultNamedColorsMap, namedColors, type ColorName } from 'ansi-sequence-parser';
import { describe, expect, it } from 'vitest';
import { styleMessage, type RunStyle, type StyledText } from './ansi';
import { NAMED_DARK, NAMED_LIGHT } from './ansiPalette';
import { displayText } from './logFormat';

const E = '\u001b';
const named = (name: ColorName) => `light-dark(${NAMED_LIGHT[name]}, ${NAMED_DARK[name]})`;
const RED = named('red');
/** Default text in a pair: black on the light page, Mantine's dark-0 on the dark one. */
const TEXT = 'light-dark(#000000, #c9c9c9)';
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

const styled = (text: string, ...runs: [number, number, RunStyle][]): StyledText => ({
  text,
  runs: runs.map(([start, end, style]) => ({ start, end, style })),
});

describe('styleMessage', () => {
  it('leaves messages without ESC or CR to displayText', () => {
    expect(styleMessage('plain text')).toBeNull();
    expect(styleMessage('two\nlines\u0007')).toBeNull();
  });

  it('maps the 16 named colours and their bright variants, as text and background', () => {
    namedColors.slice(0, 8).forEach((name, i) => {
      expect(styleMessage(`${E}[3${i}mx`)).toEqual(styled('x', [0, 1, { color: named(name) }]));
      const bright = namedColors[i + 8]!;
      expect(styleMessage(`${E}[9${i}mx`)).toEqual(styled('x', [0, 1, { color: named(bright) }]));
    });
    expect(styleMessage(`${E}[41mR${E}[101mr`)).toEqual(
      styled(
        'Rr',
        [0, 1, { color: TEXT, background: defaultNamedColorsMap.red }],
        // Dark-0 on bright red is under 3:1, so the text turns black in both schemes.
        [1, 2, { color: '#000000', background: defaultNamedColorsMap.brightRed }],
      ),
    );
  });

  it('maps the 256 table and true colour, adjusting lightness for the page', () => {
    expect(styleMessage(`${E}[38;5;1ma${E}[38;5;244mg${E}[38;5;196mr${E}[48;5;21mb`)).toEqual(
      styled(
        'agrb',
        [0, 1, { color: RED }],
        [1, 2, { color: 'light-dark(#767676, #8b8b8b)' }],
        [2, 3, { color: 'light-dark(#ee0000, #ff4242)' }],
        [3, 4, { color: '#ffffff', background: '#0000ff' }],
      ),
    );
    expect(styleMessage(`${E}[38;2;10;20;30mn${E}[48;2;255;255;0mY`)).toEqual(
      styled(
        'nY',
        [0, 1, { color: 'light-dark(#0a141e, #568ec7)' }],
        [1, 2, { color: '#0a141e', background: '#ffff00' }],
      ),
    );
  });

  it('applies decorations and their resets', () => {
    expect(styleMessage(`${E}[1;2;3;4;9mx${E}[22my${E}[23mz${E}[24mw${E}[29mv`)).toEqual(
      styled(
        'xyzwv',
        [0, 1, { bold: true, dim: true, italic: true, underline: true, strike: true }],
        [1, 2, { italic: true, underline: true, strike: true }],
        [2, 3, { underline: true, strike: true }],
        [3, 4, { strike: true }],
      ),
    );
    expect(
      styleMessage(`${E}[31;42ma${E}[39mb${E}[49mc${E}[1;31md${E}[0me${E}[4mf${E}[mg`),
    ).toEqual(
      styled(
        'abcdefg',
        [0, 1, { color: '#000000', background: defaultNamedColorsMap.green }],
        // Dark-0 on green is under 3:1 too.
        [1, 2, { color: '#000000', background: defaultNamedColorsMap.green }],
        [3, 4, { color: RED, bold: true }],
        [5, 6, { underline: true }],
      ),
    );
    expect(styleMessage(`${E}[;1mb`)).toEqual(styled('b', [0, 1, { bold: true }]));
  });

  it('folds inverse into colours, shows hidden text, and drops dim that would be illegible', () => {
    expect(styleMessage(`${E}[7mR${E}[27m ${E}[8msecret`)).toEqual(
      styled('R secret', [
        0,
        1,
        { color: 'light-dark(#ffffff, #242424)', background: 'light-dark(#000000, #c9c9c9)' },
      ]),
    );
    expect(styleMessage(`${E}[2mdim ${E}[31mred`)).toEqual(
      styled('dim red', [0, 4, { dim: true }], [4, 7, { color: RED }]),
    );
  });

  it('plays carriage returns to the final state, cells keeping their last style', () => {
    expect(styleMessage('abcdef\rXY')?.text).toBe('XYcdef');
    expect(styleMessage('10%\r100%')?.text).toBe('100%');
    expect(styleMessage('done\r')?.text).toBe('done');
    expect(styleMessage(`${E}[31mabcdef${E}[0m\rXY`)).toEqual(
      styled('XYcdef', [2, 6, { color: RED }]),
    );
    const bar = `[##   ] 40%\r${E}[K[#####] 100%\r\n${E}[32mdone${E}[0m`;
    expect(styleMessage(bar)).toEqual(
      styled('[#####] 100% \u21b5 done', [15, 19, { color: named('green') }]),
    );
  });

  it('erases in line: to the end, from the start, and whole', () => {
    expect(styleMessage('\r\u001b[K50%\r\u001b[0K100%')?.text).toBe('100%');
    expect(styleMessage('abcdef\rab\u001b[Kc')?.text).toBe('abc');
    expect(styleMessage('abcdef\rXY\u001b[1Kz')?.text).toBe('  zdef');
    expect(styleMessage(`${E}[31mabc${E}[2Kd`)).toEqual(styled('   d', [3, 4, { color: RED }]));
  });

  it('keeps line breaks as displayText marks them, with SGR state carried over', () => {
    expect(styleMessage(`${E}[31ma\r\nb\nc`)).toEqual(
      styled(
        'a \u21b5 b \u21b5 c',
        [0, 1, { color: RED }],
        [4, 5, { color: RED }],
        [8, 9, { color: RED }],
      ),
    );
    expect(styleMessage('one\r\r\ntwo\n')?.text).toBe('one \u21b5 two \u21b5 ');
  });

  it('removes OSC, other CSI and other escapes, and C0 controls but tab', () => {
    const link = `${E}]8;;https://example.com${E}\\docs${E}]8;;${E}\\ ${E}]0;title\u0007ok`;
    expect(styleMessage(link)).toEqual(styled('docs ok'));
    expect(styleMessage(`${E}[2J${E}[Hhome ${E}[?25lx${E}[>4;2my`)).toEqual(styled('home xy'));
    expect(styleMessage(`${E}(B${E}7a${E}8\u0000b\u0007c\u0008d\te${E}[1m`)).toEqual(
      styled('abcd\te'),
    );
  });

  it('survives malformed sequences without hiding the text after them', () => {
    expect(styleMessage(`${E}[`)).toEqual(styled('['));
    expect(styleMessage(`x${E}[38;5my${E}[38;5;300mz`)).toEqual(styled('xyz'));
    expect(styleMessage(`${E}[38;2;300;0;0mX`)).toEqual(
      styled('X', [0, 1, { color: 'light-dark(#ee0000, #ff4242)' }]),
    );
    expect(styleMessage(`x${E}`)).toEqual(styled('x'));
    expect(styleMessage(`${E}Xhello ${E}${E}[31mred`)).toEqual(
      styled('Xhello red', [7, 10, { color: RED }]),
    );
    expect(styleMessage(`${E}]8;;https://x unterminated`)).toEqual(
      styled(']8;;https://x unterminated'),
    );
    const runaway = `${E}[${'1'.repeat(200)}mtext`;
    expect(styleMessage(runaway)?.text).toBe(`[${'1'.repeat(200)}mtext`);
  });

  it('keeps HTML-looking text as the same literal characters', () => {
    const html = '<img src=x onerror=alert(1)>';
    expect(styleMessage(`${E}[31m${html}${E}[0m<b>&amp;</b>`)).toEqual(
      styled(`${html}<b>&amp;</b>`, [0, html.length, { color: RED }]),
    );
  });

  it('reveals bidi controls with runs following the revealed text', () => {
    expect(styleMessage(`a\u202eb${E}[32mc\u202ed\u2066`)).toEqual(
      styled('a<U+202E>bc<U+202E>d<U+2066>', [10, 28, { color: named('green') }]),
    );
  });

  it('shows the same text as displayText when only SGR, CSI and line breaks are involved', () => {
    const inputs = [
      `${E}[31mred${E}[0m text\u0007`,
      `two${E}[1m\nlines`,
      `${E}[38;5;196mx${E}[m\u0000y`,
      `a${E}[2Jb ${E}[`,
      `bidi \u202e${E}[32mgreen`,
      `tab\t${E}[4mu <script>`,
      `${E}Xletter`,
    ];
    for (const message of inputs) expect(styleMessage(message)?.text).toBe(displayText(message));
  });

  it('never lets ESC or a C0 control but tab through, and keeps runs well formed', () => {
    const alphabet = [E, '[', ']', '\\', '0', '1', '2', '3', '8', ';', 'm', 'K', '\r', '\n'];
    alphabet.push('\u0007', '\u0000', '\t', 'a', ' ', '\u202e', '<', '5', '(', '7');
    let seed = 42;
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    for (let n = 0; n < 300; n++) {
      const length = Math.floor(random() * 60);
      let message = '';
      for (let i = 0; i < length; i++) message += alphabet[Math.floor(random() * alphabet.length)];
      const styledText = styleMessage(message);
      expect(styledText?.text ?? displayText(message)).not.toMatch(CONTROL);
      let at = 0;
      for (const run of styledText?.runs ?? []) {
        expect(run.start).toBeGreaterThanOrEqual(at);
        expect(run.end).toBeGreaterThan(run.start);
        at = run.end;
      }
      expect(at).toBeLessThanOrEqual(styledText?.text.length ?? 0);
    }
  });

  it('finishes a hostile 64 KB message', () => {
    const sgr = `${E}[31ma${E}[0mb${E}[38;2;1;2;3mc${E}]0;t${E}[2K\r`.repeat(2048).slice(0, 65536);
    expect(styleMessage(sgr)?.text.length).toBeLessThan(65536);
    const unterminated = `${E}]${E}[${E}(`.repeat(65536 / 6);
    expect(styleMessage(unterminated)?.text).toBe('][('.repeat(65536 / 6));
    const erases = `${'x'.repeat(1000)}${`${E}[2K`.repeat(16000)}`;
    expect(styleMessage(erases)?.text).toBe(' '.repeat(1000));
  });
});
