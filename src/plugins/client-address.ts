import type { IncomingMessage } from 'node:http';

/**
 * The address a request came from. Behind a proxy (`trustProxy`), the last entry of
 * X-Forwarded-For: the one the proxy itself appended, which a client cannot forge. Otherwise the
 * socket's remote address; `unknown` when there is neither (in-process `fetch`).
 */
export function clientAddress(request: Request, serverContext: unknown, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for');
    const last = forwarded?.split(',').at(-1)?.trim();
    if (last) return last.slice(0, 64);
  }
  const req = (serverContext as { req?: IncomingMessage } | undefined)?.req;
  return req?.socket?.remoteAddress ?? 'unknown';
}
