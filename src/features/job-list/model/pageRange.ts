const numberFormat = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return numberFormat.format(n);
}

/** "41-60 of 1,234", "41-52" when the total is unknown, "0 of 0" for nothing. */
export function pageRangeLabel(page: number, limit: number, shown: number, total: number | null) {
  const first = (page - 1) * limit + 1;
  const last = first + shown - 1;
  const range = shown > 0 ? `${formatCount(first)}-${formatCount(last)}` : '0';
  return total === null ? range : `${range} of ${formatCount(total)}`;
}

/** The number of pages; at least 1 so an empty list still has a page. */
export function pageCount(total: number, limit: number): number {
  return Math.max(1, Math.ceil(total / limit));
}
