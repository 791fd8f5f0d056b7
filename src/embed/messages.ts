/**
 * The postMessage protocol between a partner page (host SDK) and the framed console (bridge).
 * Every message carries `channel` and `v` so either side can tell ours from other scripts' messages
 * and refuse a version it does not speak. Both sides parse every incoming message with these
 * schemas, once, where it enters; anything that does not fit is dropped.
 */
import * as z from 'zod/mini';

export const EMBED_CHANNEL = 'customers-console';
export const EMBED_PROTOCOL_VERSION = 1;

const envelope = {
  channel: z.literal(EMBED_CHANNEL),
  v: z.literal(EMBED_PROTOCOL_VERSION),
};

/**
 * A console route relative to the console's root, e.g. `customers/42/settings`: path characters
 * only, so a host cannot smuggle a scheme (`javascript:`), an origin (`//evil.com`) or markup.
 */
export const ConsoleRoute = z.string().check(
  z.maxLength(512),
  z.regex(/^(?!\/\/)[a-z0-9/_\-.~?=&%]*$/i, 'must be a relative console route'),
);

/** CSS custom property names the host may set, e.g. `--customers-console-accent`. */
const ThemePropertyName = z.string().check(z.maxLength(100), z.regex(/^--[a-z0-9-]+$/, 'must be a custom property name'));
/**
 * Values are plain tokens (colours, lengths, font stacks). No `url(`/`image(` so a host cannot make
 * the console fetch from elsewhere, and no `;{}` so a value cannot close its declaration.
 */
const ThemePropertyValue = z.string().check(
  z.maxLength(200),
  z.regex(/^(?![\s\S]*(url|image|image-set|src)\s*\()[^;{}<>\\]*$/i, 'must be a plain CSS value'),
);

/**
 * Why the console's server refused to open a session. Its refusal page tells the host at once, as
 * an `error` with one of these codes, so `ready` rejects without waiting for the handshake timeout.
 */
export const EMBED_REFUSALS = [
  'token-missing',
  'token-invalid',
  'token-expired',
  'token-too-long-lived',
  'token-issued-in-future',
  'token-reused',
  'origin-invalid',
  'origin-mismatch',
  'origin-not-allowed',
  'customer-not-found',
] as const;
export type EmbedRefusal = (typeof EMBED_REFUSALS)[number];

/** True for the codes of a refused session (as opposed to an error of a session that ran). */
export function isEmbedRefusal(code: string): code is EmbedRefusal {
  return (EMBED_REFUSALS as readonly string[]).includes(code);
}

// Console → host
export const ReadyMessage = z.object({ ...envelope, type: z.literal('ready'), route: ConsoleRoute, customer_id: z.int().check(z.gte(1)) });
export const ResizeMessage = z.object({ ...envelope, type: z.literal('resize'), height: z.number().check(z.gte(0), z.lte(1_000_000)) });
export const NavigatedMessage = z.object({ ...envelope, type: z.literal('navigated'), route: ConsoleRoute });
export const CustomerSelectMessage = z.object({ ...envelope, type: z.literal('customer-select'), customer_id: z.int().check(z.gte(1)) });
export const ErrorMessage = z.object({
  ...envelope,
  type: z.literal('error'),
  code: z.enum(['session-expired', 'signed-out', 'backend', 'bad-message', ...EMBED_REFUSALS]),
  message: z.string().check(z.maxLength(500)),
});
/** Sent once the server has ended the session after a host's `sign-out`. */
export const SignedOutMessage = z.object({ ...envelope, type: z.literal('signed-out') });

export const ConsoleMessage = z.discriminatedUnion('type', [
  ReadyMessage,
  ResizeMessage,
  NavigatedMessage,
  CustomerSelectMessage,
  ErrorMessage,
  SignedOutMessage,
]);
export type ConsoleMessage = z.infer<typeof ConsoleMessage>;

// Host → console
export const NavigateMessage = z.object({ ...envelope, type: z.literal('navigate'), route: ConsoleRoute });
/** The kit's two token sets (`data-theme` on the framed page's root). */
export const ColorScheme = z.enum(['light', 'dark']);
export type ColorScheme = z.infer<typeof ColorScheme>;
export const ThemeMessage = z.object({
  ...envelope,
  type: z.literal('theme'),
  properties: z.record(ThemePropertyName, ThemePropertyValue),
  scheme: z.optional(ColorScheme),
});
export const SignOutMessage = z.object({ ...envelope, type: z.literal('sign-out') });

export const HostMessage = z.discriminatedUnion('type', [NavigateMessage, ThemeMessage, SignOutMessage]);
export type HostMessage = z.infer<typeof HostMessage>;

/**
 * What the host asks the console to start with, so its first paint is already themed, in the
 * host's language and on the right page. The host SDK puts it in the frame URL's fragment, which
 * never reaches a server or a Referer; the console page parses it with this schema.
 */
export const FrameStart = z.object({
  theme: z.optional(z.record(ThemePropertyName, ThemePropertyValue)),
  scheme: z.optional(ColorScheme),
  /** A BCP 47 language tag, e.g. `de-DE`: the console's `lang` (numbers, dates). */
  locale: z.optional(z.string().check(z.maxLength(35), z.regex(/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i, 'must be a language tag'))),
  route: z.optional(ConsoleRoute),
});
export type FrameStart = z.infer<typeof FrameStart>;
/** The fragment parameter that carries FrameStart as JSON. */
export const FRAME_START_PARAM = 'cc-start';

/** A message without its envelope, as code on either side writes it. */
export type Unwrapped<M> = M extends unknown ? Omit<M, 'channel' | 'v'> : never;
export type ConsoleEvent = Unwrapped<ConsoleMessage>;
export type HostCommand = Unwrapped<HostMessage>;

/** Adds the envelope. */
export function wrap<M extends { type: string }>(message: M): M & { channel: typeof EMBED_CHANNEL; v: typeof EMBED_PROTOCOL_VERSION } {
  return { ...message, channel: EMBED_CHANNEL, v: EMBED_PROTOCOL_VERSION };
}

/** Drops the envelope again, so callbacks see only what happened. */
export function unwrap<M extends { channel: unknown; v: unknown }>(message: M): Omit<M, 'channel' | 'v'> {
  const { channel: _channel, v: _v, ...rest } = message;
  return rest;
}
