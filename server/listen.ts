import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener, RequestError } from '@hono/node-server';
import type { Hono } from 'hono';
import { SECURITY_HEADERS } from './security/headers.ts';

export interface Listening {
  server: Server;
  /** The address really bound, IPv6 in brackets. */
  address: string;
  port: number;
  /** Stops accepting connections and resolves once open requests have finished. */
  close(): Promise<void>;
}

/**
 * Serves the app over HTTP. Requests Node cannot even turn into a Request (a backslash in the
 * path, a bad Host) never reach Hono, so they get their JSON answer and headers here.
 */
export function listen(app: Hono, port: number, host?: string): Promise<Listening> {
  const listener = getRequestListener(app.fetch, {
    errorHandler: (error) => {
      const badRequest = error instanceof RequestError;
      if (!badRequest) console.error('Request failed:', error);
      const body = { message: badRequest ? 'Bad request' : 'Internal server error' };
      return new Response(JSON.stringify(body), {
        status: badRequest ? 400 : 500,
        headers: { 'Content-Type': 'application/json', ...SECURITY_HEADERS },
      });
    },
  });
  const server = createServer((incoming, outgoing) => void listener(incoming, outgoing));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const bound = server.address() as AddressInfo;
      resolve({
        server,
        address: bound.family === 'IPv6' ? `[${bound.address}]` : bound.address,
        port: bound.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeIdleConnections();
          }),
      });
    });
  });
}
