import { describe, expect, it } from 'vitest';
import { writeSearch } from '../../../lib/searchState';
import { detailSearch, resolveDetailTab } from './detailTab';

describe('resolveDetailTab', () => {
  it('reads a known tab and falls back to overview for an unknown one', () => {
    expect(resolveDetailTab('steps', '')).toBe('steps');
    expect(resolveDetailTab('raw', '#L12')).toBe('raw');
    expect(resolveDetailTab('nonsense', '')).toBe('overview');
    expect(resolveDetailTab(null, '')).toBe('overview');
  });

  it('opens the log for a log-line link without a tab', () => {
    expect(resolveDetailTab(null, '#L12')).toBe('log');
    expect(resolveDetailTab(null, '#L12-L40')).toBe('log');
    expect(resolveDetailTab(null, '#Lx')).toBe('overview');
    expect(resolveDetailTab(null, '#section')).toBe('overview');
  });
});

describe('writeSearch(detailSearch)', () => {
  it('changes only tab, keeping every other parameter', () => {
    expect(writeSearch(detailSearch, { tab: 'steps' }, '?level=ERROR&q=pump&tab=log')).toBe(
      '?level=ERROR&q=pump&tab=steps',
    );
    expect(writeSearch(detailSearch, { tab: 'raw' }, '')).toBe('?tab=raw');
    // Written even though it is the fallback: `#L12` with `tab=overview` stays on the overview.
    expect(writeSearch(detailSearch, { tab: 'overview' }, '?tab=log')).toBe('?tab=overview');
  });
});
