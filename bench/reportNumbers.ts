/** Number formatting and the median as the report's tables and goals both use them. */

export const n = (lines: number) => lines.toLocaleString('en-US');

/** The lower median of the finite values (NaN when none): always a value that was measured. */
export const med = (values: number[]) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : NaN;
};
