/** How a QR matrix is laid out as an image: pixels per module and the quiet zone around it. */

/** The standard's quiet zone: four modules of light on every side. */
export const QUIET_MODULES = 4;
/** Pixels per module in the files and on screen: at least 4 so a phone reads it off a screen. */
export const MODULE_PX = 8;

export interface QrLayout {
  /** Pixels per module. */
  scale: number;
  /** Light modules on every side. */
  quiet: number;
}

export const DEFAULT_LAYOUT: QrLayout = { scale: MODULE_PX, quiet: QUIET_MODULES };

/** The image's side in pixels. */
export function imageSide(size: number, layout: QrLayout = DEFAULT_LAYOUT): number {
  return (size + 2 * layout.quiet) * layout.scale;
}
