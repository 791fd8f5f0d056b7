/**
 * problem+json bodies (RFC 9457) as the domain builds them: the one shape every backend answers an
 * error with, so the domain commands can say what went wrong and a backend only decides how to
 * deliver it (a thrown HttpError in memory, a response on the server). No zod, no DOM, no Node.
 */
import type { Problem } from './schemas.js';

/** Messages per field, keyed by the field's dotted path (`origins[1]`, `plan_id`). */
export type FieldErrors = Record<string, string[]>;

/** A failed schema check or rule as zod reports it: where, and what. */
export interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** The problem+json body for a status; shared by MemoryBackend, the commands and the reference server. */
export function problem(status: number, title: string, detail?: string, errors?: FieldErrors): Problem {
  return {
    type: `https://customers-console.dev/problems/${status}`,
    title,
    status,
    ...(detail === undefined ? {} : { detail }),
    ...(errors === undefined ? {} : { errors }),
  };
}

/** `a.b[0].c` for the path `['a', 'b', 0, 'c']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

/** Turns zod issues into `{field: [messages]}` keyed by the dotted path. */
export function fieldErrorsFrom(issues: readonly Issue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = formatPath(issue.path) || '_';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
