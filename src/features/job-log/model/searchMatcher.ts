/**
 * The log search as a matcher: text (case-insensitive by default) or a regular expression,
 * tested on each line's shown text (`LogLine.text`), the same text its highlight marks.
 */

export interface SearchSpec {
  text: string;
  caseSensitive: boolean;
  regex: boolean;
}

/** `[start, end)` in UTF-16 offsets of a text. */
export interface TextRange {
  start: number;
  end: number;
}

export interface Matcher {
  /** Stands for the search: two matchers with one key match the same lines. */
  readonly key: string;
  test(text: string): boolean;
  /** The matches in `text`, in order, none empty. */
  ranges(text: string): TextRange[];
}

export type CompiledSearch =
  | { matcher: Matcher; error: null }
  | { matcher: null; error: string }
  | { matcher: null; error: null };

/** Past this many marks in one line the rest stay unmarked (the line still matches). */
const MAX_MARKS = 1000;

const ESCAPE = /[.*+?^${}()|[\]\\]/g;

function escapeRegExp(text: string): string {
  return text.replace(ESCAPE, '\\$&');
}

/** "Unterminated group" from "Invalid regular expression: /(a/: Unterminated group". */
function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
}

function rangesOf(pattern: RegExp, text: string): TextRange[] {
  const out: TextRange[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (end === start) {
      // An empty match (`x*`, `^`) marks nothing; step past it so the scan moves on.
      pattern.lastIndex = end + 1;
      continue;
    }
    out.push({ start, end });
    if (out.length >= MAX_MARKS) break;
  }
  return out;
}

/** The search's matcher; an empty search has none, an invalid pattern says why. */
export function compileSearch(spec: SearchSpec): CompiledSearch {
  const { text, caseSensitive, regex } = spec;
  if (text === '') return { matcher: null, error: null };
  const source = regex ? text : escapeRegExp(text);
  const flags = caseSensitive ? '' : 'i';
  let tester: RegExp;
  let marker: RegExp;
  try {
    tester = new RegExp(source, flags);
    marker = new RegExp(source, `${flags}g`);
  } catch (error) {
    return { matcher: null, error: `Invalid pattern: ${reason(error)}` };
  }
  const key = `${regex ? 're' : 'text'}:${caseSensitive ? 'case' : 'nocase'}:${text}`;
  // Plain text with case: `includes` is about twice as fast as a pattern (24 vs 42 ms over
  // 1,000,000 lines, measured with a tsx script); without case a pattern beats lower-casing
  // every line (42 vs 55-65 ms, and no string allocated per line).
  // A pattern can throw on a huge line (a stack overflow in backtracking): that line does not
  // match, and nothing else breaks.
  const test =
    !regex && caseSensitive
      ? (line: string) => line.includes(text)
      : (line: string) => {
          try {
            return tester.test(line);
          } catch {
            return false;
          }
        };
  const ranges = (line: string) => {
    try {
      return rangesOf(marker, line);
    } catch {
      return [];
    }
  };
  return { matcher: { key, test, ranges }, error: null };
}
