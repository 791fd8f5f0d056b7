/** Chromium's flags for this closed network (see chromium-path.mjs). */
export const CHROMIUM_ARGS: string[];
/** CHROME_PATH, else Debian's chromium on PATH, else null. */
export function findChromium(): string | null;
export const INSTALL_HINT: string;
