/**
 * What the console's server puts into the framed page it serves: the embed session it opened after
 * checking the token and the parent origin. The page reads it from a JSON script element
 * (`<script type="application/json" id="embed-session">`) and parses it with this schema; the
 * token stays in the frame's memory and goes out as a bearer header only.
 */
import * as z from 'zod/mini';

export const FramedSession = z.object({
  /** The session token (bearer), scoped to one customer. */
  session: z.string().check(z.minLength(16), z.maxLength(512)),
  customer_id: z.int().check(z.gte(1)),
  /** The parent origin the server verified: the only one the bridge talks to. */
  origin: z.string().check(z.maxLength(2048)),
  expires_at: z.iso.datetime({ offset: true }),
  /** Where the console's API is, e.g. `/api` or `https://console.example.com/api`. */
  api_base: z.string().check(z.minLength(1), z.maxLength(2048)),
  /** Whose origin list allowed this frame. */
  origin_source: z.enum(['customer', 'partner']),
});
export type FramedSession = z.infer<typeof FramedSession>;

/** The id of the script element that carries the session. */
export const FRAMED_SESSION_ELEMENT_ID = 'embed-session';
