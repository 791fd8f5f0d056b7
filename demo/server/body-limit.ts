/**
 * Request body limits. Every route of the server gets one (the API, the framed console's form POST,
 * the demo pages, unknown paths), so no request can make the server buffer more than the limit: a
 * declared Content-Length over it is refused before a byte of the body is read, and a chunked body
 * is counted as it arrives and refused as soon as it passes the limit.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { problemResponse } from './problems.js';

/** Refuses bodies over `maxBytes` with a 413 problem+json, reading no further. */
export function limitRequestBodies(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    // The unread rest of the body makes the connection unusable, so the client is told to close it
    // (and Node closes it once the answer is sent, rather than reading the rest).
    onError: () =>
      problemResponse(413, 'Content Too Large', `Request bodies here are limited to ${maxBytes} bytes.`, undefined, {
        Connection: 'close',
      }),
  });
}
