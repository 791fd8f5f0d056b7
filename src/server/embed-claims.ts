/**
 * The rules for the claims of an embed token, once its signature, audience and expiry have been
 * verified: which customer `sub` names, and whether the token's remaining life fits the limit by
 * the server's own clock. The token's `iat` is the minting server's word; trusting it would let a
 * token "issued" tomorrow with `exp` a day ahead pass a check of `exp − iat`.
 */
import { parseCustomerPathSegment } from '../backend/backend.js';

/** How far ahead of the server's clock a minting server's clock may run. */
export const CLOCK_SKEW_SECONDS = 60;

/**
 * The User ID `sub` names, only in its canonical form: the decimal digits the server itself writes
 * (`"42"`), no sign, spaces, exponent, hex or leading zeros, within safe integers. Everything else
 * (`" 1"`, `"1e0"`, `"0x1"`, `"+1"`, `"01"`) is null, not a second spelling of customer 1.
 */
export function userIdFromSubject(sub: unknown): number | null {
  if (typeof sub !== 'string') return null;
  const ref = parseCustomerPathSegment(sub);
  return typeof ref === 'number' && Number.isSafeInteger(ref) ? ref : null;
}

export type TokenTimeRefusal = 'token-issued-in-future' | 'token-too-long-lived';

/**
 * Why a token's times are refused at `nowSeconds` (the server's clock), or null: issued in the
 * future beyond the clock skew, or expiring more than `maxLifetimeSeconds` from now (or from its own
 * `iat`, when that is earlier).
 */
export function tokenTimeRefusal(
  claims: { iat?: number | undefined; exp: number },
  nowSeconds: number,
  maxLifetimeSeconds: number,
): TokenTimeRefusal | null {
  if (claims.iat !== undefined && claims.iat > nowSeconds + CLOCK_SKEW_SECONDS) return 'token-issued-in-future';
  if (claims.exp - nowSeconds > maxLifetimeSeconds) return 'token-too-long-lived';
  if (claims.iat !== undefined && claims.exp - claims.iat > maxLifetimeSeconds) return 'token-too-long-lived';
  return null;
}
