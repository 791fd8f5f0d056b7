import { ContextConsumer } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import type { Backend } from '../../src/backend/backend.js';
import { backendContext } from './backend-context.js';

/** An element with the kit's `backend` property. */
export interface BackendHost extends ReactiveControllerHost, HTMLElement {
  backend: Backend | undefined;
}

/**
 * The backend an element talks to: its own `backend` property, else the one an ancestor provides
 * through `backendContext` (a `<customer-console>`, or any page that provides one). The host
 * updates when the provided backend changes.
 */
export class BackendController {
  readonly #host: BackendHost;
  readonly #provided: ContextConsumer<typeof backendContext, BackendHost>;

  constructor(host: BackendHost) {
    this.#host = host;
    this.#provided = new ContextConsumer(host, { context: backendContext, subscribe: true });
  }

  /** The backend to use now, or undefined when neither is set. */
  get value(): Backend | undefined {
    return this.#host.backend ?? this.#provided.value;
  }
}
