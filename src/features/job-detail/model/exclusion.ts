/**
 * A readable reason from `jobExclusion`, whose shape the upstream does not document: strings,
 * or objects carrying a `reason`/`message`/`description`.
 */
export function exclusionReason(exclusions: unknown[] | null | undefined): string | null {
  const reasons = (exclusions ?? [])
    .map((e) => {
      if (typeof e === 'string') return e;
      if (e && typeof e === 'object') {
        const o = e as Record<string, unknown>;
        for (const key of ['reason', 'message', 'description', 'name']) {
          if (typeof o[key] === 'string' && o[key]) return o[key];
        }
      }
      return null;
    })
    .filter((r): r is string => !!r);
  return reasons.length ? reasons.join('; ') : null;
}
