import type { WorkflowJob } from '../../../api/schemas';
import type { WorkflowOption } from './WorkflowSelect';

/** The workflows the given jobs belong to, by name; each id once. */
export function workflowOptions(...lists: ReadonlyArray<readonly WorkflowJob[] | undefined>) {
  const byId = new Map<string, string>();
  for (const jobs of lists) {
    for (const job of jobs ?? []) {
      const id = job.metadata.workflowId;
      if (id && !byId.has(id)) byId.set(id, job.metadata.workflowName?.trim() || id);
    }
  }
  const options: WorkflowOption[] = [...byId].map(([id, name]) => ({ id, name }));
  return options.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
