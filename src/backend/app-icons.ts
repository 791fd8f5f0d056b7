/**
 * App icons drawn locally as small SVG data URLs (a coloured rounded square with initials), so the
 * demo, stories and tests never fetch an image from the network.
 */

/** Up to two initials: the first letters of the first two words, or the first two of a single word. */
export function appInitials(name: string): string {
  const words = name.replace(/<[^>]*>/g, ' ').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const letters =
    words.length >= 2 ? [...words[0]!].slice(0, 1).concat([...words[1]!].slice(0, 1)) : [...(words[0] ?? '?')].slice(0, 2);
  return letters.join('').toUpperCase();
}

/** A stable hue for an id, so an app keeps its colour everywhere. */
function hueFor(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % 360;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `data:image/svg+xml;charset=utf-8,…` — fits the AppIcon schema (a data:image URL). */
export function appIconDataUrl(id: string, name: string): string {
  // Dark enough for white text to reach WCAG AA contrast at this size.
  const fill = `hsl(${hueFor(id)} 55% 34%)`;
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="32" height="32">' +
    `<rect width="32" height="32" rx="7" fill="${fill}"/>` +
    '<text x="16" y="20.5" text-anchor="middle" font-family="system-ui,sans-serif" font-size="12" ' +
    `font-weight="600" fill="#fff">${escapeXml(appInitials(name))}</text></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
