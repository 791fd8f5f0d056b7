/**
 * Iframe origin lists: parsing what an admin types, normalising, and deciding whether an origin may
 * frame the console or call the API. Pure functions, no DOM: the reference server (CORS, embed
 * sessions), the bridge and the origin editor all use these.
 *
 * An origin is scheme + host + port and nothing else. Inputs are parsed with the WHATWG URL parser
 * (which lowercases the host, converts IDN to punycode and drops default ports), then compared as
 * whole strings with `===`. There is deliberately no substring, prefix, suffix, wildcard or regular
 * expression matching: `https://partner.com.evil.com` and `https://evilpartner.com` are simply
 * different strings from `https://partner.com`.
 */

/** Why an entry is not a valid origin; stable codes so an editor can translate the message. */
export type OriginRejection =
  | 'empty'
  | 'whitespace'
  | 'null'
  | 'wildcard'
  | 'missing-scheme'
  | 'scheme'
  | 'not-url'
  | 'encoded'
  | 'user-info'
  | 'path'
  | 'port'
  | 'insecure'
  | 'duplicate'
  | 'too-many';

export type NormalisedOrigin = { ok: true; origin: string } | { ok: false; reason: OriginRejection };

export interface RejectedOrigin {
  /** The entry as the admin typed it (trimmed). */
  entry: string;
  reason: OriginRejection;
  /** English message naming the entry and saying why. */
  message: string;
}

export interface ParsedOriginList {
  /** Normalised origins, in the order typed, without duplicates. */
  origins: string[];
  rejected: RejectedOrigin[];
}

/** Matches the customer schema's limit on `origins`. */
export const MAX_ORIGINS = 100;

/** Scheme at the start of the text, e.g. `https` in `https://…` or `javascript` in `javascript:…`. */
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;
// Whitespace, C0/C1 controls, and the invisible/bidi characters that make two entries look alike.
const INVISIBLE = /[\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/;

const HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)$/;

/**
 * Plain http is accepted only for hosts that never leave the machine, so development works without
 * certificates. The URL parser has already turned every IPv4 spelling (`0x7f.1`, `2130706433`)
 * into dotted decimal.
 */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * Normalises one origin, strictly: the text must be exactly `scheme://host[:port]` (a single
 * trailing `/` is tolerated). Callers that accept typed text trim it first; an origin coming from a
 * browser (`Origin` header, `MessageEvent.origin`) is passed as is.
 */
export function normaliseOrigin(text: string): NormalisedOrigin {
  const fail = (reason: OriginRejection): NormalisedOrigin => ({ ok: false, reason });
  if (text === '') return fail('empty');
  if (INVISIBLE.test(text)) return fail('whitespace');
  if (text.toLowerCase() === 'null') return fail('null');
  if (text.includes('*')) return fail('wildcard');

  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) return fail('missing-scheme');
  if (scheme !== 'https' && scheme !== 'http') return fail('scheme');
  const afterScheme = text.slice(scheme.length + 1);
  // `https:partner.com`, `https:\\partner.com` and `https:///partner.com` all parse to
  // https://partner.com; accept only the one spelling an admin or a browser would write.
  if (!afterScheme.startsWith('//') || afterScheme[2] === '/' || text.includes('\\')) return fail('not-url');
  if (text.includes('%')) return fail('encoded');

  const rest = afterScheme.slice(2);
  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
  const tail = authorityEnd === -1 ? '' : rest.slice(authorityEnd);
  if (authority.includes('@')) return fail('user-info');
  if (tail !== '' && tail !== '/') return fail('path');

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('not-url');
  }
  if (url.username !== '' || url.password !== '') return fail('user-info');
  if (url.port === '0') return fail('port');

  // `partner.com.` is the fully qualified spelling of the same DNS name; store it without the dot.
  let hostname = url.hostname;
  if (hostname.endsWith('.')) hostname = hostname.slice(0, -1);
  if (hostname === '' || hostname.startsWith('.') || hostname.includes('..') || hostname.endsWith('.')) {
    return fail('not-url');
  }
  // DNS names (letters, digits, hyphens; IDN is punycode by now) or IP literals only: the URL parser
  // lets through hosts such as `a$'b.example`, which name no real site and could break text that an
  // origin is later written into.
  if (!HOST.test(hostname)) return fail('not-url');
  if (scheme === 'http' && !isLoopbackHost(hostname)) return fail('insecure');

  return { ok: true, origin: `${scheme}://${hostname}${url.port === '' ? '' : `:${url.port}`}` };
}

const REASONS: Record<OriginRejection, string> = {
  empty: 'is empty',
  whitespace: 'contains spaces or invisible characters; separate origins with commas or new lines',
  null: 'is the opaque "null" origin, which any sandboxed page can claim',
  wildcard: 'contains a wildcard; list each origin separately',
  'missing-scheme': 'has no scheme; write it as https://host',
  scheme: 'is not an https origin',
  'not-url': 'is not a valid origin (scheme://host[:port])',
  encoded: 'contains percent-encoding; write the host as plain text',
  'user-info': 'contains user info (user@ or user:password@); an origin is scheme, host and port only',
  path: 'contains a path, query or fragment; an origin is scheme, host and port only',
  port: 'has an invalid port',
  insecure: 'uses http; only https is allowed, except for localhost and 127.x.x.x during development',
  duplicate: 'is listed twice',
  'too-many': `is beyond the limit of ${MAX_ORIGINS} origins`,
};

/** The English message for a rejected entry; it names the entry (quoted) and says why. */
export function describeRejection(entry: string, reason: OriginRejection): string {
  return `"${entry}" ${REASONS[reason]}.`;
}

/**
 * Parses an origin list as an admin types it: entries separated by commas or new lines, surrounding
 * spaces ignored, blank entries skipped. Every entry that is not a valid origin is reported by name.
 */
export function parseOriginList(text: string): ParsedOriginList {
  const origins: string[] = [];
  const rejected: RejectedOrigin[] = [];
  const reject = (entry: string, reason: OriginRejection) =>
    rejected.push({ entry, reason, message: describeRejection(entry, reason) });

  for (const raw of text.split(/[,\r\n]+/)) {
    const entry = raw.trim();
    if (entry === '') continue;
    const result = normaliseOrigin(entry);
    if (!result.ok) reject(entry, result.reason);
    else if (origins.includes(result.origin)) reject(entry, 'duplicate');
    else if (origins.length >= MAX_ORIGINS) reject(entry, 'too-many');
    else origins.push(result.origin);
  }
  return { origins, rejected };
}

/** An origin list as an editor shows it: one origin per line. */
export function formatOriginList(origins: readonly string[]): string {
  return origins.join('\n');
}

/**
 * Whether `origin` is on `allowed`, by exact comparison of normalised origins. An origin that does
 * not normalise (`null`, a path, user info …) is never allowed; invalid list entries never match.
 */
export function isOriginAllowed(origin: string, allowed: readonly string[]): boolean {
  const candidate = normaliseOrigin(origin);
  if (!candidate.ok) return false;
  return allowed.some((entry) => {
    const listed = normaliseOrigin(entry.trim());
    return listed.ok && listed.origin === candidate.origin;
  });
}

export interface EffectiveOrigins {
  /** Normalised origins that may frame the console for this customer. */
  origins: string[];
  /** Whose list applies: the customer's own, or the partner's inherited because the customer's is empty. */
  source: 'customer' | 'partner';
}

/**
 * Checks an origin list sent as an array (a PATCH body's `origins`): each entry normalised, duplicates
 * dropped, and each bad entry reported under `origins[i]` so a form can show it next to that entry.
 */
export function validateOriginEntries(
  entries: readonly string[],
): { ok: true; origins: string[] } | { ok: false; errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  const origins: string[] = [];
  entries.forEach((value, i) => {
    const entry = value.trim();
    const result = normaliseOrigin(entry);
    if (!result.ok) errors[`origins[${i}]`] = [describeRejection(entry, result.reason)];
    else if (!origins.includes(result.origin)) origins.push(result.origin);
  });
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, origins };
}

/**
 * The customer's own list, or the partner's when the customer's is empty. "Empty" means the stored
 * list has no entries: a list whose entries are all invalid does not fall back to the partner's
 * (that would widen access by mistake); it allows nobody.
 */
export function effectiveOrigins(
  customer: { readonly origins: readonly string[] },
  partner: { readonly origins: readonly string[] },
): EffectiveOrigins {
  const source = customer.origins.length > 0 ? 'customer' : 'partner';
  const list = source === 'customer' ? customer.origins : partner.origins;
  const origins: string[] = [];
  for (const entry of list) {
    const result = normaliseOrigin(entry.trim());
    if (result.ok && !origins.includes(result.origin)) origins.push(result.origin);
  }
  return { origins, source };
}
