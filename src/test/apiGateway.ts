/** The API module against the gateway in-process, over the simulator, as in production. */
import { expect } from 'vitest';
import { testGateway, type TestGateway } from '../../server/testGateway.ts';
import { setFetch } from '../api/client';
import { ApiError } from '../api/errors';

/** Starts a gateway and routes the client's requests to it; `setFetch(null)` undoes it. */
export async function serveGateway(
  options: Parameters<typeof testGateway>[0] = {},
): Promise<TestGateway> {
  const gw = await testGateway(options);
  setFetch(async (input, init) =>
    gw.app.fetch(new Request(new URL(input, 'http://localhost'), init)),
  );
  return gw;
}

/** The ApiError a promise rejects with (the test fails if it resolves or throws another). */
export async function caught(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}
