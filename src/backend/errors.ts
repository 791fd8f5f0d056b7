/**
 * Typed errors every Backend throws. MemoryBackend throws the same ones the HTTP client maps
 * problem+json answers to, so elements handle one set of errors whatever the backend.
 */
import type { Problem } from '../model/schemas.js';
import { formatPath, type FieldErrors } from '../model/problems.js';

// The problem+json helpers live with the domain (src/model/problems.ts); re-exported for the
// modules that have always imported them from here.
export { fieldErrorsFrom, formatPath, problem, type FieldErrors } from '../model/problems.js';

export class BackendError extends Error {
  override name = 'BackendError';
}

/** The server answered with an error status; `problem` is its problem+json body. */
export class HttpError extends BackendError {
  override name = 'HttpError';
  readonly status: number;
  readonly problem: Problem;
  readonly fieldErrors: FieldErrors;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.status = problem.status;
    this.problem = problem;
    this.fieldErrors = problem.errors ?? {};
  }
}

/** The request never got an answer (offline, refused, reset). */
export class NetworkError extends BackendError {
  override name = 'NetworkError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** No answer within the configured timeout. */
export class TimeoutError extends BackendError {
  override name = 'TimeoutError';
  readonly timeoutMs: number;
  constructor(timeoutMs: number) {
    super(`No answer within ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

/** The answer did not fit the contract; `path` names the first field that failed. */
export class SchemaError extends BackendError {
  override name = 'SchemaError';
  readonly path: string;
  readonly issues: readonly { path: readonly PropertyKey[]; message: string }[];
  constructor(what: string, issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
    const first = issues[0];
    const path = first ? formatPath(first.path) : '';
    super(`${what} did not match the contract at ${path || '(root)'}: ${first?.message ?? 'invalid'}`);
    this.path = path;
    this.issues = issues;
  }
}

/** The request was cancelled by its caller. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
