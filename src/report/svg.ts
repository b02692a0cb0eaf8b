/**
 * Renders Vega-Lite specifications to SVG in Node (no browser, no canvas: text widths are
 * estimated), for reports that must open offline.
 * @module
 */
import { parse, View } from "vega";
import { compile } from "vega-lite";
import type { VegaLiteSpec } from "./charts.js";

export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const full = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    config: { font: "DejaVu Sans, Arial, sans-serif" },
    ...spec,
  };
  const vega = compile(full as Parameters<typeof compile>[0]).spec;
  const view = new View(parse(vega), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
