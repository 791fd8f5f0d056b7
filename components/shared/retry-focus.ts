import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { deepActiveElement, focusIsLost } from './deep-active-element.js';

export interface RetryFocusOptions {
  /** Whether the load Retry started is over (loaded or failed again). */
  settled: () => boolean;
  /** Where focus waits while it loads (in the render root): the loading message (tabindex="-1") or a control that stays. */
  waiting: string;
  /**
   * Where focus goes once it has settled, the first one found that takes focus: put the Retry of
   * the error shown again first, then the new content's meaningful target.
   */
  targets: readonly string[];
}

/**
 * Retry goes with its error message, so the focus it had would fall to `<body>`. Call `retried()`
 * in Retry's click handler, before running the task: while the task runs, focus waits in the
 * element on `waiting`; once it settles, it goes to the first of `targets` shown. If the admin has
 * moved focus anywhere else meanwhile, it stays where they put it.
 */
export class RetryFocusController implements ReactiveController {
  private active = false;
  /** Where focus was put to wait; focus still there (or dropped) is still ours to move. */
  private parked: Element | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment },
    private readonly options: RetryFocusOptions,
  ) {
    host.addController(this);
  }

  /** Retry was pressed: look after focus until the load settles. */
  retried(): void {
    this.active = true;
    this.parked = null;
  }

  hostUpdated(): void {
    if (!this.active) return;
    const current = deepActiveElement();
    if (!focusIsLost() && (this.parked === null || current !== this.parked)) {
      // The admin moved on: focus stays where they put it.
      this.active = false;
      this.parked = null;
      return;
    }
    const root = this.host.renderRoot;
    if (!this.options.settled()) {
      const waiting = root.querySelector<HTMLElement>(this.options.waiting);
      if (waiting && current !== waiting) waiting.focus();
      this.parked = waiting && deepActiveElement() === waiting ? waiting : null;
      return;
    }
    this.active = false;
    this.parked = null;
    for (const selector of this.options.targets) {
      const target = root.querySelector<HTMLElement>(selector);
      if (!target) continue;
      target.focus();
      if (deepActiveElement() === target) return;
    }
  }

  hostDisconnected(): void {
    this.active = false;
    this.parked = null;
  }
}
