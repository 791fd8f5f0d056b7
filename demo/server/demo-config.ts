/**
 * `GET <api>/demo-config.json`: hands the demo page its API base and the admin token, so that
 * `npm start` works without a login. It is the one answer that holds a secret for the asking, so it
 * goes only to a page of this very server on this machine:
 * - the connection comes from loopback and reached a loopback address of the server;
 * - the `Host` is exactly that address and port (or `localhost` with that port, when the address is
 *   the one `localhost` names). A DNS-rebinding page (`evil.example` re-pointed at 127.0.0.1)
 *   sends its own host name and is refused;
 * - a browser's `Origin` or `Sec-Fetch-Site`, when sent, says the request comes from that same origin;
 * - it never carries CORS headers (the API's CORS middleware skips this path), so even an origin on
 *   the partner's or a customer's list cannot read it from another page.
 * The demo token is for the demo only; see README.
 */
import type { Context } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import type { ServerContext } from './context.js';
import { forbidden } from './problems.js';

/** The path under the API base. */
export const DEMO_CONFIG_PATH = '/demo-config.json';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1)$/;

/** `::ffff:127.0.0.1` (an IPv4 peer on a dual-stack socket) as `127.0.0.1`. */
const plainAddress = (address: string) => address.replace(/^::ffff:(?=\d+\.)/i, '');

/** The Host values that name the loopback address and port this connection reached; empty when none. */
export function servedLoopbackHosts(localAddress: string, localPort: number): string[] {
  const address = plainAddress(localAddress);
  if (!LOOPBACK.test(address)) return [];
  const hosts = [address.includes(':') ? `[${address}]:${localPort}` : `${address}:${localPort}`];
  if (address === '127.0.0.1' || address === '::1') hosts.push(`localhost:${localPort}`);
  return hosts;
}

/** Why this request may not have the demo configuration, or null when it may. */
export function demoConfigRefusal(c: Context): string | null {
  const socket = (c.env as Partial<HttpBindings> | undefined)?.incoming?.socket;
  if (!socket?.remoteAddress || !socket.localAddress || socket.localPort === undefined) {
    return 'The demo configuration is only served over a loopback connection.';
  }
  if (!LOOPBACK.test(plainAddress(socket.remoteAddress))) return 'The demo configuration is only served to loopback clients.';
  const host = (c.req.header('host') ?? '').toLowerCase();
  const hosts = servedLoopbackHosts(socket.localAddress, socket.localPort);
  if (!hosts.includes(host)) return `The demo configuration is only served for the host names ${hosts.join(', ') || '(none: not a loopback address)'}.`;
  const origin = c.req.header('origin');
  if (origin !== undefined && origin !== `http://${host}`) return 'The demo configuration is only served to pages of this server.';
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return 'The demo configuration is only served to pages of this server.';
  return null;
}

/** The route handler. */
export function demoConfig(context: Pick<ServerContext, 'apiBase' | 'adminToken'>) {
  return (c: Context) => {
    const refusal = demoConfigRefusal(c);
    if (refusal !== null) throw forbidden(refusal);
    return c.json({ api_base: context.apiBase, token: context.adminToken });
  };
}
