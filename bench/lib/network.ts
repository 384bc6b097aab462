/** Request and byte accounting for the Job log API while a page follows a log. */
import type { RecordedLog } from './probe.ts';

export interface LogResponse {
  /** ms since the watch began */
  at: number;
  /** Body bytes as they crossed the wire (after any compression). */
  transferBytes: number;
  /** Decoded body bytes. */
  bodyBytes: number;
  /** Bytes of the log lines the body carried (their JSON). */
  lineBytes: number;
  lines: number;
}

export interface FollowCost {
  requests: number;
  /** Log lines the responses carried. */
  lines: number;
  transferBytes: number;
  bodyBytes: number;
  lineBytes: number;
  /** What refetching the whole log at each of these polls would have sent. */
  refetchAllBytes: number;
  /** bodyBytes / lineBytes: the goal is at most 1.1. */
  overhead: number;
}

/**
 * A refetch of the whole log at poll i would send every line held by then (`baseLineBytes`
 * held before the first) plus that response's envelope and job object.
 */
export function followCost(responses: readonly LogResponse[], baseLineBytes = 0): FollowCost {
  let held = baseLineBytes;
  let refetchAllBytes = 0;
  let transferBytes = 0;
  let bodyBytes = 0;
  let lineBytes = 0;
  let lines = 0;
  for (const r of responses) {
    held += r.lineBytes;
    refetchAllBytes += held + (r.bodyBytes - r.lineBytes);
    transferBytes += r.transferBytes;
    bodyBytes += r.bodyBytes;
    lineBytes += r.lineBytes;
    lines += r.lines;
  }
  return {
    requests: responses.length,
    lines,
    transferBytes,
    bodyBytes,
    lineBytes,
    refetchAllBytes,
    overhead: lineBytes > 0 ? bodyBytes / lineBytes : NaN,
  };
}

/** Bytes on the wire (compressed, headers excluded) per log line followed; NaN without lines. */
export function wirePerLine(cost: FollowCost): number {
  return cost.lines > 0 ? cost.transferBytes / cost.lines : NaN;
}

/** Bytes of the log lines in a Job log API body, as their JSON text; 0 for anything else. */
export function lineBytesOf(body: unknown): { bytes: number; lines: number } {
  const payload = (body as { payload?: { logs?: unknown } } | null)?.payload;
  const logs = Array.isArray(payload?.logs) ? (payload.logs as unknown[]) : [];
  const real = logs.filter((l) => l !== null && (l as { id?: unknown }).id != null);
  if (real.length === 0) return { bytes: 0, lines: 0 };
  // The lines as the array's items, separators included: `[a,b]` minus the brackets.
  return { bytes: Buffer.byteLength(JSON.stringify(real)) - 2, lines: real.length };
}

/** Requests that began within [from, to) ms. */
export function countBetween(times: readonly number[], from: number, to: number): number {
  return times.filter((t) => t >= from && t < to).length;
}

/** A resource timing entry of a log request (page time). */
export interface TimingEntry {
  url: string;
  start: number;
  /** The body as it crossed the wire (after compression). */
  encodedBodySize: number;
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * The answers that arrived in [from, to) (page time) priced: the body and its lines from the
 * page's copy, the wire bytes from the resource timing entry of the same URL whose request began
 * nearest (NaN when none: the sum then says the accounting failed rather than undercounting).
 */
export function logResponses(
  records: readonly RecordedLog[],
  entries: readonly TimingEntry[],
  from: number,
  to: number,
): LogResponse[] {
  const used = new Set<TimingEntry>();
  return records
    .filter((r) => r.end >= from && r.end < to)
    .sort((a, b) => a.end - b.end)
    .map((r) => {
      let match: TimingEntry | undefined;
      for (const e of entries) {
        if (e.url !== r.url || used.has(e)) continue;
        if (!match || Math.abs(e.start - r.start) < Math.abs(match.start - r.start)) match = e;
      }
      if (match) used.add(match);
      const lines = lineBytesOf(parsed(r.text));
      return {
        at: r.end - from,
        transferBytes: match?.encodedBodySize ?? NaN,
        bodyBytes: Buffer.byteLength(r.text),
        lineBytes: lines.bytes,
        lines: lines.lines,
      };
    });
}
