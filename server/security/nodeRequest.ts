import type { Context } from 'hono';

/** What the security checks read of Node's own request: the line and headers as sent. */
export interface NodeRequest {
  /** The request target exactly as sent (the parsed URL hides `%2e%2e` and absolute forms). */
  url?: string;
  /** Name, value, name, value... including repeated headers. */
  rawHeaders: string[];
  socket?: { remoteAddress?: string };
}

/** Node's IncomingMessage behind this request; undefined outside Node's server (in tests). */
export function nodeRequestOf(c: Context): NodeRequest | undefined {
  const env: unknown = c.env;
  const incoming = (env as { incoming?: Partial<NodeRequest> } | undefined)?.incoming;
  if (!incoming || !Array.isArray(incoming.rawHeaders)) return undefined;
  return incoming as NodeRequest;
}

/** The peer's address, or undefined when it is not known. */
export function clientAddressOf(c: Context): string | undefined {
  return nodeRequestOf(c)?.socket?.remoteAddress;
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 addresses. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4) || address === '::1';
}
