/**
 * "12,345". One shared formatter: `Number#toLocaleString` builds a new one per call, which the
 * panel would pay on every append.
 */
const NUMBER = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return NUMBER.format(n);
}
