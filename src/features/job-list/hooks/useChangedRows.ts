import { useState } from 'react';
import type { WorkflowJob } from '../../../contract';
import { changedJobIds } from '../model/rowCells';

interface ChangedRows {
  jobs: readonly WorkflowJob[] | undefined;
  changed: ReadonlySet<string>;
  /** Bumped on every refresh that changed a row, so the highlight can restart. */
  generation: number;
}

/**
 * The rows whose status or current step changed between the last two data sets. Kept as state
 * derived during render (React's "adjust state on prop change"): no effect, no extra paint.
 */
export function useChangedRows(jobs: readonly WorkflowJob[] | undefined): ChangedRows {
  const [state, setState] = useState<ChangedRows>({ jobs, changed: new Set(), generation: 0 });
  if (jobs && jobs !== state.jobs) {
    const changed = state.jobs ? changedJobIds(state.jobs, jobs) : new Set<string>();
    setState({
      jobs,
      changed,
      generation: changed.size ? state.generation + 1 : state.generation,
    });
  }
  return state;
}
