/**
 * Starting and stopping the reference server on a loopback address: used by main.ts (`npm start`),
 * the tests (random port) and the benchmark.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp, createServerContext, type AppOptions, type ServerOptions } from './app.js';
import type { ServerContext } from './context.js';
import { rawProblemResponse } from './problems.js';

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
    const server = serve({ fetch: app.fetch, hostname, port: options.port ?? 0 }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        context,
        server: server as Server,
        close: () =>
          new Promise<void>((done) => {
            (server as Server).close(() => done());
            (server as Server).closeIdleConnections();
          }),
      });
    }) as Server;
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
