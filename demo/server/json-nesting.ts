/**
 * How deep a JSON text nests, found by one loop over its characters, before anything parses or
 * walks it. Request bodies are refused past a small depth: no body of the contract nests deeper
 * than 3 levels, while code that walks a parsed value recursively (the canonical JSON that
 * idempotency keys hash, schema validation, JSON.stringify) overflows the stack on a body nested
 * a few thousand levels deep, which a 512 KB body can easily be.
 */

/** The deepest request body the server reads; the contract's bodies need 3. */
export const MAX_JSON_NESTING = 16;

/**
 * Whether objects and arrays in `text` nest deeper than `limit`. Brackets inside strings do not
 * count. Meant for text about to be parsed: a malformed text gets some answer and fails to parse.
 */
export function jsonNestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c /* \ */) i++; // the escaped character cannot end the string
      else if (ch === 0x22 /* " */) inString = false;
    } else if (ch === 0x22) {
      inString = true;
    } else if (ch === 0x7b /* { */ || ch === 0x5b /* [ */) {
      if (++depth > limit) return true;
    } else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) {
      depth--;
    }
  }
  return false;
}
