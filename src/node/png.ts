/**
 * SVG to PNG with resvg (`@resvg/resvg-js`, whose native binary comes in the npm package):
 * at twice the SVG's size for crisp images on high-density screens and in slides, on a white
 * background, with the system's fonts (DejaVu, Liberation) for the charts' text.
 * @module
 */
import { Resvg } from "@resvg/resvg-js";

/** PNGs are this many pixels per SVG unit. */
export const PNG_SCALE = 2;

export function svgToPng(svg: string, scale = PNG_SCALE): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "white",
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
  });
  return resvg.render().asPng();
}
