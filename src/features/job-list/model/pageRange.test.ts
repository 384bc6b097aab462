import { describe, expect, it } from 'vitest';
import { pageCount, pageRangeLabel } from './pageRange';

describe('pageRangeLabel', () => {
  it('shows the range and the grouped total', () => {
    expect(pageRangeLabel(3, 20, 20, 1234)).toBe('41-60 of 1,234');
    expect(pageRangeLabel(1, 50, 7, 7)).toBe('1-7 of 7');
  });

  it('shows the range alone without a total, and 0 for nothing', () => {
    expect(pageRangeLabel(2, 20, 12, null)).toBe('21-32');
    expect(pageRangeLabel(1, 20, 0, 0)).toBe('0 of 0');
  });

  it('counts pages, at least one', () => {
    expect(pageCount(1234, 20)).toBe(62);
    expect(pageCount(40, 20)).toBe(2);
    expect(pageCount(0, 20)).toBe(1);
  });
});
