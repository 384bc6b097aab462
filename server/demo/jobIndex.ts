/**
 * Sorted orders of the population, kept between requests. Between two requests only a few
 * jobs change, so an order is repaired by lifting those out and merging them back in: linear,
 * where a fresh sort of 100,000 jobs would cost a list request its budget.
 */
import type { SimJob } from './model.ts';

/** The list's order (most recently updated first) and the engine's (oldest first). */
export type SortKey = 'updated' | 'created';
type Compare = (a: SimJob, b: SimJob) => number;

const byId = (a: SimJob, b: SimJob) => (a.jobId < b.jobId ? -1 : a.jobId > b.jobId ? 1 : 0);

const comparators: Record<SortKey, Compare> = {
  updated: (a, b) => a.updated - b.updated || byId(a, b),
  created: (a, b) => a.created - b.created || byId(a, b),
};

/** Keys whose order a change of `updated` can break. */
const TOUCHED_KEYS: SortKey[] = ['updated'];

/**
 * In place, allocating nothing but `moved`: the orders of a big population are large, and
 * fresh copies on every request would keep the garbage collector busy.
 */
function repair(jobs: SimJob[], changed: Set<SimJob>, compare: Compare): void {
  const moved = [...changed].filter((job) => !job.removed).sort(compare);
  let kept = 0;
  for (let r = 0; r < jobs.length; r++) {
    const job = jobs[r] as SimJob;
    if (!job.removed && !changed.has(job)) jobs[kept++] = job;
  }
  const total = kept + moved.length;
  // Grow by push: a larger `length` would leave holes, and a holey array is slower to walk.
  if (total < jobs.length) jobs.length = total;
  while (jobs.length < total) jobs.push(moved[0] as SimJob);
  // Merge from the back, so nothing is overwritten before it is read.
  let i = kept - 1;
  let j = moved.length - 1;
  for (let k = jobs.length - 1; j >= 0; k--) {
    const next = moved[j] as SimJob;
    if (i >= 0 && compare(jobs[i] as SimJob, next) > 0) jobs[k] = jobs[i--] as SimJob;
    else {
      jobs[k] = next;
      j--;
    }
  }
}

interface Order {
  jobs: SimJob[];
  /** Jobs added or changed since the order was last repaired. */
  changed: Set<SimJob>;
  removals: boolean;
}

export class JobIndex {
  private readonly orders = new Map<SortKey, Order>();

  add(job: SimJob): void {
    for (const order of this.orders.values()) order.changed.add(job);
  }

  /** The job is flagged `removed` by the caller; orders drop it at the next read. */
  remove(): void {
    for (const order of this.orders.values()) order.removals = true;
  }

  /** A job's updated time or status changed. */
  touch(job: SimJob): void {
    for (const key of TOUCHED_KEYS) this.orders.get(key)?.changed.add(job);
  }

  /** Ascending order for `key`; callers iterate backwards for descending. */
  sorted(key: SortKey, all: () => Iterable<SimJob>): SimJob[] {
    const compare = comparators[key];
    let order = this.orders.get(key);
    if (!order) {
      order = { jobs: [...all()].sort(compare), changed: new Set(), removals: false };
      this.orders.set(key, order);
      return order.jobs;
    }
    if (order.changed.size === 0 && !order.removals) return order.jobs;
    repair(order.jobs, order.changed, compare);
    order.changed.clear();
    order.removals = false;
    return order.jobs;
  }
}
