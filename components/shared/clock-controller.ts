/** An element with the kit's `now` property. */
export interface ClockHost {
  now: Date | undefined;
}

/**
 * The clock an element reads statuses, trials and date presets against: its `now` property, else
 * the time the element was created — one clock per element instance, so a list does not change
 * under the admin's eyes between two renders.
 */
export class ClockController {
  readonly #host: ClockHost;
  readonly #createdAt = new Date();

  constructor(host: ClockHost) {
    this.#host = host;
  }

  get now(): Date {
    return this.#host.now ?? this.#createdAt;
  }
}
