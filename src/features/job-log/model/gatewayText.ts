/** What the log panel says about the gateway's copy of a job's log, in operators' words. */
import type { LogGatewayStatus } from '../../../contract';

/** "The Job log API has no log for this job (id 42)"; without an id, the gateway's reason. */
export function missingLogText(gateway: LogGatewayStatus): string {
  const sentence = 'The Job log API has no log for this job';
  if (gateway.logJobId !== null) return `${sentence} (id ${gateway.logJobId})`;
  return gateway.reason ? `${sentence}: ${gateway.reason}` : sentence;
}

/**
 * The last upstream failure while the gateway serves what it holds, e.g. "the Job log API is
 * failing (answered 500: Simulated failure)"; null when there was none.
 */
export function staleText(gateway: LogGatewayStatus | null): string | null {
  // Once `final`, the whole log is held: a later failure takes nothing from it.
  if (!gateway?.reason || gateway.state !== 'live') return null;
  const detail = gateway.reason.replace(/^The Job log API /, '').replace(/\.$/, '');
  return `the Job log API is failing (${detail})`;
}

/** When the gateway last heard from the Job log API (ms), or null when it does not say. */
export function upstreamReadAt(gateway: LogGatewayStatus | null): number | null {
  const at = gateway?.readAt ? Date.parse(gateway.readAt) : NaN;
  return Number.isFinite(at) ? at : null;
}

/** What the empty list says: loading, still searching, nothing kept, no log, or no lines yet. */
export function emptyListText(o: {
  answered: boolean;
  searching: boolean;
  held: number;
  gateway: LogGatewayStatus | null | undefined;
}): string {
  if (!o.answered) return 'Loading log...';
  if (o.searching) return 'Searching...';
  if (o.held > 0) return 'No lines match the filters.';
  if (o.gateway?.state === 'missing') return `${missingLogText(o.gateway)}.`;
  return 'No log lines yet.';
}
