import { describe, expect, it } from 'vitest';
import { resolveDetailTab, searchWithTab } from './detailTab';

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

describe('searchWithTab', () => {
  it('changes only tab, keeping every other parameter', () => {
    expect(searchWithTab('?level=ERROR&q=pump&tab=log', 'steps')).toBe(
      '?level=ERROR&q=pump&tab=steps',
    );
    expect(searchWithTab('', 'raw')).toBe('?tab=raw');
  });
});
