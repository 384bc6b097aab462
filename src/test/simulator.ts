/** Drives the simulator's control routes in-process, which the app itself never calls. */
import type { Simulator } from '../../server/demo/index.ts';

export async function demoCall<T = unknown>(
  sim: Simulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await sim.app.request(path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
