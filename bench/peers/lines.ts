/** The lines a peer viewer is handed, fetched before any timing starts. */
export interface PeerLine {
  id: number;
  level: string;
  message: string;
  creationDate: string;
}

export function formatLine(line: PeerLine): string {
  return `${line.id} ${line.creationDate} ${line.level.padEnd(5)} ${line.message}`;
}

/** Every line of a job from a server that sends them all in one response (LOG_CACHE=off). */
export async function fetchLines(jobId: string): Promise<PeerLine[]> {
  const response = await fetch(`/api/v1/job/${encodeURIComponent(jobId)}/details/0`);
  const body = (await response.json()) as { payload: { logs: (PeerLine | null)[] } };
  return body.payload.logs.filter((l): l is PeerLine => l !== null && l.id !== null);
}

/** `count` more lines shaped like the last ones, with fresh ids: what a poll would bring. */
export function moreLines(from: readonly PeerLine[], count: number, nextId: number): PeerLine[] {
  const out: PeerLine[] = [];
  const now = new Date().toISOString();
  for (let i = 0; i < count; i++) {
    const model = from[(from.length - count + i + from.length) % from.length]!;
    out.push({ ...model, id: nextId + i, creationDate: now });
  }
  return out;
}
