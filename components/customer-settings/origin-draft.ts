/**
 * The origin editor's state as pure functions: entries added from typed or pasted text (split,
 * normalised and checked by src/embed/origins.ts, never by rules of its own), duplicates merged, and
 * what a list would do to framing before it is saved.
 */
import { MAX_ORIGINS, describeRejection, effectiveOrigins, parseOriginList, type RejectedOrigin } from '../../src/embed/origins.js';

export interface OriginTextAdded {
  /** The list with the new, valid origins appended (normalised, in the order typed). */
  origins: string[];
  /** Entries that are not valid origins, each with its reason; the editor keeps them for fixing. */
  rejected: RejectedOrigin[];
  /** Entries that were already on the list (or typed twice), merged into the one origin. */
  merged: string[];
}

/**
 * Adds what the admin typed or pasted (comma- or line-separated) to `current`. Valid entries are
 * normalised and appended; one already listed, or typed twice, is merged and named in `merged`;
 * past MAX_ORIGINS an entry is rejected as too many.
 */
export function addOriginText(current: readonly string[], text: string): OriginTextAdded {
  const parsed = parseOriginList(text);
  const origins = [...current];
  const merged: string[] = [];
  const rejected: RejectedOrigin[] = [];
  for (const rejection of parsed.rejected) {
    if (rejection.reason === 'duplicate') merged.push(rejection.entry);
    else rejected.push(rejection);
  }
  for (const origin of parsed.origins) {
    if (origins.includes(origin)) merged.push(origin);
    else if (origins.length >= MAX_ORIGINS) rejected.push({ entry: origin, reason: 'too-many', message: describeRejection(origin, 'too-many') });
    else origins.push(origin);
  }
  return { origins, rejected, merged };
}

/** Splits what is typed into the entries that are complete (before the last comma or line break) and the rest. */
export function completedEntries(text: string): { complete: string; rest: string } {
  const last = Math.max(text.lastIndexOf(','), text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return last === -1 ? { complete: '', rest: text } : { complete: text.slice(0, last), rest: text.slice(last + 1) };
}

export interface OriginListWarnings {
  /** Nobody could frame the customer: no origin of its own and none to inherit. */
  unframeable: boolean;
  /**
   * Origins that may frame the customer now and would not after the save. An embed session keeps
   * the origin it was opened with, so a session open from one of these may be live: the kit cannot
   * see sessions, so it names every origin the save takes away.
   */
  dropped: string[];
  /** The customer inherits the partner's origins now and its own list would replace them. */
  replacesInherited: boolean;
}

/** What saving `next` as the customer's own list would do, against its list now and the partner's. */
export function originListWarnings(
  current: readonly string[],
  next: readonly string[],
  partnerOrigins: readonly string[],
): OriginListWarnings {
  const partner = { origins: partnerOrigins };
  const before = effectiveOrigins({ origins: current }, partner);
  const after = effectiveOrigins({ origins: next }, partner);
  return {
    unframeable: after.origins.length === 0,
    dropped: before.origins.filter((origin) => !after.origins.includes(origin)),
    replacesInherited: before.source === 'partner' && after.source === 'customer' && before.origins.length > 0,
  };
}
