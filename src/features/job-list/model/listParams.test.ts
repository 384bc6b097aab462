import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW,
  clearFilters,
  hasFilters,
  jobListSearch,
  parseJobListParams,
  updateView,
  viewToFilters,
  type JobListView,
} from './listParams';

describe('parseJobListParams', () => {
  it('gives the defaults for an empty query', () => {
    expect(parseJobListParams('')).toEqual(DEFAULT_VIEW);
  });

  it('reads every value of a shared link', () => {
    expect(
      parseJobListParams(
        '?status=Active,Paused&workflow=wf-1&q=pump&sort=title&order=asc&page=3&limit=50&mine=1',
      ),
    ).toEqual({
      status: ['Active', 'Paused'],
      workflowId: 'wf-1',
      q: 'pump',
      sort: 'title',
      order: 'asc',
      page: 3,
      limit: 50,
      mine: true,
    });
  });

  it('falls back to defaults for invalid values, without throwing', () => {
    const view = parseJobListParams('sort=priority&order=up&page=-2&limit=33&mine=maybe&status=,,');
    expect(view).toEqual(DEFAULT_VIEW);
    expect(parseJobListParams('page=abc').page).toBe(1);
    expect(parseJobListParams('page=0').page).toBe(1);
    expect(parseJobListParams('page=2.5').page).toBe(1);
    expect(parseJobListParams('page=99999999999999999999').page).toBe(1);
    expect(parseJobListParams('limit=1000').limit).toBe(20);
  });

  it('keeps unknown status strings (the server may use any) and drops duplicates', () => {
    expect(parseJobListParams('status=Quarantined,Active,Quarantined').status).toEqual([
      'Quarantined',
      'Active',
    ]);
  });

  it('trims the search text', () => {
    expect(parseJobListParams('q=%20%20pump%20').q).toBe('pump');
  });
});

describe('jobListSearch', () => {
  it('leaves defaults out', () => {
    expect(jobListSearch(DEFAULT_VIEW)).toBe('');
  });

  it('round-trips a full view, keeping commas readable', () => {
    const view: JobListView = {
      status: ['Active', 'Paused'],
      workflowId: 'wf 1',
      q: 'pump & valve',
      sort: 'created',
      order: 'asc',
      page: 4,
      limit: 100,
      mine: true,
    };
    const search = jobListSearch(view);
    expect(search).toContain('status=Active,Paused');
    expect(parseJobListParams(search)).toEqual(view);
  });
});

describe('viewToFilters', () => {
  it('turns page and size into skip and limit', () => {
    const filters = viewToFilters({ ...DEFAULT_VIEW, page: 3, limit: 50 });
    expect(filters).toMatchObject({ skip: 100, limit: 50, sort: 'updated', order: 'desc' });
    expect(filters.status).toBeUndefined();
    expect(filters.mine).toBeUndefined();
  });

  it('passes the filters through', () => {
    expect(
      viewToFilters({ ...DEFAULT_VIEW, status: ['Paused'], workflowId: 'w', q: 'x', mine: true }),
    ).toMatchObject({ status: ['Paused'], workflowId: 'w', q: 'x', mine: true, skip: 0 });
  });
});

describe('updateView', () => {
  const onPage3: JobListView = { ...DEFAULT_VIEW, page: 3 };

  it('resets to page 1 when a filter, the sort or the page size changes', () => {
    expect(updateView(onPage3, { status: ['Active'] }).page).toBe(1);
    expect(updateView(onPage3, { q: 'pump' }).page).toBe(1);
    expect(updateView(onPage3, { sort: 'title' }).page).toBe(1);
    expect(updateView(onPage3, { limit: 50 }).page).toBe(1);
    expect(updateView(onPage3, { mine: true }).page).toBe(1);
  });

  it('changes only the page when paging', () => {
    expect(updateView(onPage3, { page: 4 })).toEqual({ ...onPage3, page: 4 });
    expect(updateView(onPage3, { page: 0 }).page).toBe(1);
  });
});

describe('hasFilters / clearFilters', () => {
  it('tells filtered views from unfiltered ones', () => {
    expect(hasFilters(DEFAULT_VIEW)).toBe(false);
    expect(hasFilters({ ...DEFAULT_VIEW, sort: 'title', page: 2 })).toBe(false);
    expect(hasFilters({ ...DEFAULT_VIEW, q: 'x' })).toBe(true);
    expect(hasFilters({ ...DEFAULT_VIEW, mine: true })).toBe(true);
  });

  it('clears filters but keeps sort and page size', () => {
    const view: JobListView = {
      ...DEFAULT_VIEW,
      status: ['Active'],
      q: 'x',
      workflowId: 'w',
      mine: true,
      sort: 'title',
      limit: 50,
      page: 2,
    };
    expect(clearFilters(view)).toEqual({ ...DEFAULT_VIEW, sort: 'title', limit: 50 });
  });
});
