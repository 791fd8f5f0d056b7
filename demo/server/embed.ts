/**
 * Embed routes (`POST /embed/session`, the framed console page). Owned by the embed helper (issue 5);
 * this minimal module registers nothing yet so the server can mount it from the start.
 */
import { Hono } from 'hono';
import type { ServerContext } from './context.js';

export function embedRoutes(_context: ServerContext): Hono {
  return new Hono();
}
