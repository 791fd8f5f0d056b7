/**
 * The customer version as an entity tag. The server sends `ETag: "<version>"` (a strong tag, the
 * version in double quotes) and accepts in `If-Match` exactly that form, nothing looser: not `W/"2"`
 * (a weak tag never matches under If-Match's strong comparison), not `"2` or `2"` or a bare `2`, not
 * `*` or a list. A client that sends anything else has a bug worth hearing about, not a write
 * applied on a guess.
 */

/** The ETag header value for a customer version. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

const STRONG_VERSION_TAG = /^"([1-9][0-9]{0,15})"$/;

/**
 * The version an `If-Match` value names, or null when it is not exactly `"<version>"` (a positive
 * safe integer in decimal, no leading zeros). The value arrives without surrounding whitespace
 * (HTTP parsers drop it).
 */
export function versionFromIfMatch(value: string): number | null {
  const match = STRONG_VERSION_TAG.exec(value);
  if (!match) return null;
  const version = Number(match[1]);
  return Number.isSafeInteger(version) ? version : null;
}
