/**
 * Hostile and odd strings an upstream may send: markup, dangerous URLs, huge words, bidi and
 * zero-width characters, terminal colours, astral characters, NUL. Jobscope must show each as
 * text, keep its layout, and never run anything.
 */

/** One named input, so a test can say which one broke. */
export interface HostileString {
  name: string;
  value: string;
}

export const LONG_WORD = `${'W'.repeat(9_990)}-longword`;

export const HOSTILE_STRINGS: readonly HostileString[] = [
  { name: 'html', value: '<b>bold?</b> <img src=x onerror="alert(\'img\')"> <a href="#">a</a>' },
  { name: 'script', value: '<script>alert("script")</script>' },
  { name: 'svg', value: '<svg onload=alert(1)><circle r=9 /></svg>' },
  { name: 'javascript-url', value: 'javascript:alert(document.domain)' },
  { name: 'data-url', value: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' },
  { name: 'long-word', value: LONG_WORD },
  { name: 'rtl-override', value: 'invoice-\u202Etxt.exe\u202C done' },
  { name: 'zero-width', value: 'zero\u200Bwidth\u200Cjoin\u200Dchars\uFEFFhere' },
  { name: 'ansi', value: '\u001b[31mred alert\u001b[0m then \u001b[1;32mbold green\u001b[0m' },
  {
    name: 'ansi-markup',
    value:
      '\u001b[38;5;196m<img src=x onerror="alert(\'ansi\')">\u001b[0m \u001b[48;2;255;0;0;38;2;255;255;254mon red\u001b[0m',
  },
  { name: 'carriage-return', value: 'Fetching 10%\rFetching 55%\r\u001b[KFetching 100% done' },
  {
    name: 'ansi-broken',
    value:
      '\u001b]8;;javascript:alert(1)\u0007link\u001b]8;;\u0007 \u001b[38;5m half \u001b[ lone \u001b',
  },
  { name: 'emoji', value: 'Pump 🚀 ok 👩‍🔧 🏳️‍🌈 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝟘𝟙𝟚 \u{1F9EA}' },
  { name: 'nul', value: 'before\u0000after' },
  { name: 'template', value: '{{constructor.constructor("alert(1)")()}} ${alert(1)}' },
  { name: 'entities', value: '&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; &#x3C;' },
];

export const hostile = (name: string): string => {
  const found = HOSTILE_STRINGS.find((s) => s.name === name);
  if (!found) throw new Error(`No hostile string named ${name}`);
  return found.value;
};

/** Marks the start and the end of the 1 MB log line, so a test can find both. */
export const MEGA_LINE_START = 'MEGA-LINE-START';
export const MEGA_LINE_END = 'MEGA-LINE-END';
export const MEGA_LINE_BYTES = 1_048_576;

/** A single log line of 1 MB: words, then one unbroken run, between two markers. */
export function megaLine(): string {
  const filler = MEGA_LINE_BYTES - MEGA_LINE_START.length - MEGA_LINE_END.length - 2;
  const words = 'lorem ipsum dolor sit amet '.repeat(Math.floor(filler / 2 / 27));
  return `${MEGA_LINE_START} ${words}${'x'.repeat(filler - words.length)} ${MEGA_LINE_END}`;
}
