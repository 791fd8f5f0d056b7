/**
 * The Idempotency-Key of a create: one per body. A retry of the same values after a failure sends
 * the same key, so a server that stored the first attempt answers with that customer instead of
 * adding a second one; changed values (or a create that succeeded) start a new key.
 */
export class IdempotencyKeys {
  #attempt: { body: string; key: string } | null = null;

  /** The key for sending `body`: the last one when the body is unchanged since it was made. */
  keyFor(body: unknown): string {
    const text = JSON.stringify(body);
    if (this.#attempt?.body !== text) this.#attempt = { body: text, key: randomKey() };
    return this.#attempt.key;
  }

  /** The create succeeded: the next one, even with the same values, is a new customer. */
  succeeded(): void {
    this.#attempt = null;
  }
}

/** A random UUID; `crypto.randomUUID` only exists on secure origins, `getRandomValues` everywhere. */
function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
