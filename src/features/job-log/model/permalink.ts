/** The `#L<id>` and `#L<a>-L<b>` hash of a permalinked log line or range. */
export interface LineRange {
  from: number;
  to: number;
}

export function parseLineHash(hash: string): LineRange | null {
  const match = /^#?L(\d+)(?:-L?(\d+))?$/.exec(hash);
  if (!match) return null;
  const a = Number(match[1]);
  const b = match[2] === undefined ? a : Number(match[2]);
  return { from: Math.min(a, b), to: Math.max(a, b) };
}

export function formatLineHash({ from, to }: LineRange): string {
  return from === to ? `#L${from}` : `#L${from}-L${to}`;
}

export function inRange(range: LineRange | null, id: number): boolean {
  return range !== null && id >= range.from && id <= range.to;
}
