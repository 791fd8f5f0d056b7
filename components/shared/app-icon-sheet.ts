/**
 * The app icons of the catalogue as one stylesheet, for every element that shows them (customer-table's
 * rows, app-access-editor's checklist): one rule per app, `.app-icon[data-icon="n"] { background-image:
 * url(…) }`, adopted by the host's shadow root. A
 * rule's image value is resolved once and shared by every icon it matches, while an inline `style`
 * gives each icon a new value: every recycled row then loaded its icons again during style
 * recalculation, and an SVG data URL dropped from the memory cache is parsed into a new SVG
 * document each time.
 *
 * SVG icons are then rasterised: an SVG background is drawn again (text shaping included) wherever
 * it is painted, and scrolling paints the new rows' icons every frame; a bitmap drawn once paints
 * as a cached image (~4 ms less paint a frame when every row is new). 32 px, the icons' own size,
 * times the device pixel ratio. A PNG data URL, not a blob: URL, so a partner page whose CSP allows
 * data: images needs nothing more, and there is no URL to revoke.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { App } from '../../src/model/schemas.js';

export interface AppIconHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** What a row shows for an app id. */
export interface AppBadge {
  /** The app's name, or its id when the catalogue does not know it. */
  name: string;
  /** The number of its icon rule; undefined for an app without an icon (the badge shows initials). */
  icon: number | undefined;
}

const ICON_SIZE = 32;
/** Icons rasterised per task. */
const RASTER_BATCH = 40;

export class AppIconSheet implements ReactiveController {
  readonly #host: AppIconHost;
  readonly #sheet = new CSSStyleSheet();
  #apps: readonly App[] | null = null;
  #badges = new Map<string, AppBadge>();

  constructor(host: AppIconHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Shows this catalogue's icons (the same array again changes nothing). */
  use(apps: readonly App[]): void {
    if (apps === this.#apps) return;
    this.#apps = apps;
    this.#badges = new Map(apps.map((app, i) => [app.id, { name: app.name, icon: app.icon ? i : undefined }]));
    this.#setRules(apps.map((app) => app.icon));
    void this.#rasterise(apps);
  }

  badge(id: string): AppBadge {
    return this.#badges.get(id) ?? { name: id, icon: undefined };
  }

  hostConnected(): void {
    const root = this.#host.renderRoot;
    if (root instanceof ShadowRoot && !root.adoptedStyleSheets.includes(this.#sheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.#sheet];
    }
  }

  #setRules(urls: readonly (string | null)[]): void {
    // Every URL passed the AppIcon schema; JSON quoting keeps it one CSS string.
    this.#sheet.replaceSync(
      urls.map((url, i) => (url ? `.app-icon[data-icon="${i}"]{background-image:url(${JSON.stringify(url)})}` : '')).join('\n'),
    );
  }

  async #rasterise(apps: readonly App[]): Promise<void> {
    const size = Math.ceil(ICON_SIZE * devicePixelRatio);
    const urls: (string | null)[] = [];
    // In batches, yielding between them: a catalogue of a thousand apps drawn at once was one
    // main-thread task of most of a second (every decode resolving together, then every encode).
    for (let start = 0; start < apps.length; start += RASTER_BATCH) {
      if (start > 0) await new Promise((resolve) => setTimeout(resolve));
      if (apps !== this.#apps) return; // a newer catalogue arrived meanwhile
      const batch = await Promise.all(apps.slice(start, start + RASTER_BATCH).map(({ icon }) => rasterised(icon, size)));
      urls.push(...batch);
    }
    if (apps === this.#apps) this.#setRules(urls);
  }
}

/** An SVG icon drawn once as a PNG data URL of `size` pixels; any other icon as it is. */
async function rasterised(icon: string | null, size: number): Promise<string | null> {
  if (!icon?.startsWith('data:image/svg')) return icon;
  try {
    const image = new Image();
    image.src = icon;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size;
    canvas.getContext('2d')!.drawImage(image, 0, 0, size, size);
    return canvas.toDataURL('image/png');
  } catch {
    return icon; // keep the SVG
  }
}
