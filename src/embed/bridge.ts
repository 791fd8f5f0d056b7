/**
 * The console side of the iframe protocol. The framed console page creates one bridge with the
 * origin the server verified and kept in the embed session; from then on the bridge talks to that
 * origin only:
 * - it posts with that exact target origin (never `*`), so if the parent navigated elsewhere the
 *   browser drops the message instead of delivering it to a stranger;
 * - it accepts a message only when `event.origin` is that origin AND `event.source` is its parent
 *   window (another window or frame of the same origin is not the host);
 * - it parses every message with the protocol schema and drops what does not fit.
 */
import { normaliseOrigin } from './origins.js';
import { HostMessage, unwrap, wrap, type ConsoleEvent, type HostCommand } from './messages.js';

export interface BridgeOptions {
  /** The host's origin, as verified by the server for this session. */
  origin: string;
  /** Called for each valid command from the host. */
  onCommand: (command: HostCommand) => void;
  /** The console's window; defaults to the global one (tests pass another). */
  window?: Window;
}

export interface Bridge {
  /** Whether the console is framed at all; when not, `send` does nothing. */
  readonly framed: boolean;
  /** Posts an event to the host, to the session's origin only. */
  send(event: ConsoleEvent): void;
  /**
   * Reports `element`'s content height as `resize` whenever it changes, so the host can size the
   * frame without scrollbars. Returns a function that stops observing.
   */
  observeHeight(element: Element): () => void;
  /** Stops listening and observing. */
  destroy(): void;
}

export function createBridge(options: BridgeOptions): Bridge {
  const win = options.window ?? window;
  const normalised = normaliseOrigin(options.origin);
  if (!normalised.ok) throw new Error(`The embed session's origin "${options.origin}" is not a valid origin (${normalised.reason}).`);
  const origin = normalised.origin;
  const parent = win.parent;
  const framed = parent !== win;
  const observers = new Set<ResizeObserver>();

  const onMessage = (event: MessageEvent) => {
    if (event.origin !== origin || event.source !== parent) return;
    const parsed = HostMessage.safeParse(event.data);
    if (!parsed.success) return;
    options.onCommand(unwrap(parsed.data) as HostCommand);
  };
  win.addEventListener('message', onMessage);

  const send = (event: ConsoleEvent) => {
    if (framed) parent.postMessage(wrap(event), origin);
  };

  return {
    framed,
    send,
    observeHeight(element) {
      let last = -1;
      const report = () => {
        // Bottom edge in document coordinates: includes the body's margin above the content.
        const height = Math.ceil(element.getBoundingClientRect().bottom + win.scrollY);
        if (height === last) return;
        last = height;
        send({ type: 'resize', height });
      };
      const observer = new ResizeObserver(report);
      observer.observe(element);
      observers.add(observer);
      report();
      return () => {
        observer.disconnect();
        observers.delete(observer);
      };
    },
    destroy() {
      win.removeEventListener('message', onMessage);
      for (const observer of observers) observer.disconnect();
      observers.clear();
    },
  };
}
