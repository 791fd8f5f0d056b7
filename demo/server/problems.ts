/** problem+json answers: one error type the routes throw, and the response it becomes. */
import { problem, type FieldErrors } from '../../src/backend/errors.js';

/** Thrown by a route to answer with problem+json; never logged as a server fault. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldErrors,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
  }
}

export function problemResponse(status: number, title: string, detail?: string, errors?: FieldErrors, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem(status, title, detail, errors)), {
    status,
    headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...headers },
  });
}

export function responseFor(error: ProblemError): Response {
  return problemResponse(error.status, error.title, error.detail, error.errors, error.headers);
}

export const badRequest = (detail: string, errors?: FieldErrors) => new ProblemError(400, 'Bad Request', detail, errors);
export const unprocessable = (detail: string, errors: FieldErrors) => new ProblemError(422, 'Unprocessable Content', detail, errors);
export const forbidden = (detail: string) => new ProblemError(403, 'Forbidden', detail);
export const notFound = (detail: string) => new ProblemError(404, 'Not Found', detail);

/** A raw HTTP/1.1 answer for requests Node rejects before any route sees them (e.g. oversized headers). */
export function rawProblemResponse(status: number, title: string, detail: string): string {
  const body = JSON.stringify(problem(status, title, detail));
  return (
    `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}
