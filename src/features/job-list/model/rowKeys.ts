/**
 * React keys for the table's rows. Job ids are the natural key, but a misbehaving upstream can
 * send blank or repeated ids, and duplicate keys make React leave stale rows on screen: the
 * second and later rows with one id get an occurrence suffix.
 */
export function rowKeys(jobIds: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return jobIds.map((id) => {
    const count = seen.get(id) ?? 0;
    seen.set(id, count + 1);
    return count === 0 && id !== '' ? id : `${id}\u0000${count}`;
  });
}
