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
    if (this.#attempt?.body !== text) this.#attempt = { body: text, key: crypto.randomUUID() };
    return this.#attempt.key;
  }

  /** The create succeeded: the next one, even with the same values, is a new customer. */
  succeeded(): void {
    this.#attempt = null;
  }
}
