/**
 * A local stand-in for an upstream API: answers JSON (a log envelope for the Job log API's
 * path, `[]` for anything else) and records every request it gets.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

export interface Upstream {
  url: string;
  port: number;
  seen: SeenRequest[];
  close(): Promise<void>;
}

export async function startUpstream(): Promise<Upstream> {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    req.resume();
    res.setHeader('content-type', 'application/json');
    const log = /^\/api\/v1\/job\/([^/]+)\/details/.exec(req.url ?? '');
    res.end(
      log
        ? JSON.stringify({ status: 'SUCCESS', payload: { job: { id: log[1] }, logs: [] } })
        : '[]',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A request with the path exactly as written (no normalisation), e.g. `/a/..%2f..` or `//x`. */
export function rawRequest(
  port: number,
  path: string,
  {
    method = 'GET',
    body,
    headers = {},
  }: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method, headers: { ...headers, connection: 'close' } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}
