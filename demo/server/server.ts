/**
 * Starting and stopping the reference server on a loopback address: used by main.ts (`npm start`),
 * the tests (random port) and the benchmark.
 */
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { getRequestListener, RequestError } from '@hono/node-server';
import { createApp, createServerContext, type AppOptions, type ServerOptions } from './app.js';
import type { ServerContext } from './context.js';
import { problemResponse, rawProblemResponse } from './problems.js';

export interface RunningServer {
  url: string;
  port: number;
  context: ServerContext;
  server: Server;
  /** Stops accepting connections, ends idle ones, and resolves when the server is closed. */
  close(): Promise<void>;
}

export interface ListenOptions extends ServerOptions, AppOptions {
  hostname?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Lets the embed routes (or a test) adjust the context before the app is built. */
  configure?: (context: ServerContext) => void;
}

export function startServer(options: ListenOptions): Promise<RunningServer> {
  const context = createServerContext(options);
  options.configure?.(context);
  const app = createApp(context, { countCache: options.countCache ?? true });
  const hostname = options.hostname ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = createServer(getRequestListener(app.fetch, { hostname, errorHandler: requestErrorAnswer }));
    server.listen(options.port ?? 0, hostname, () => {
      const info = server.address() as AddressInfo;
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        context,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeIdleConnections();
          }),
      });
    });
    server.once('error', reject);
    // Requests Node refuses before routing (headers over 16 KB, such as a 1 MB query string) still
    // get a problem+json answer rather than a bare status line.
    server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
      if (!socket.writable) return socket.destroy();
      const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
      socket.end(
        tooLarge
          ? rawProblemResponse(431, 'Request Header Fields Too Large', 'The request line and headers are limited to 16 KB.')
          : rawProblemResponse(400, 'Bad Request', 'The request could not be read as HTTP.'),
      );
    });
  });
}

/**
 * Requests that reach Node but cannot become a fetch Request (a target holding a backslash, such
 * as `/a\b`, which the adapter refuses to turn into a URL): a 400 problem rather than the adapter's
 * empty 400. Anything else here is a fault of the adapter itself.
 */
function requestErrorAnswer(error: unknown): Response {
  if (error instanceof RequestError) return problemResponse(400, 'Bad Request', 'The request target is not a valid path.');
  console.error(error);
  return problemResponse(500, 'Internal Server Error', 'The server failed; the request may not have been applied.');
}
