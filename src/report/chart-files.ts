/**
 * A report's charts as files of their own (`--charts DIR`): each chart's SVG, titled (in a
 * report its title is the heading above it; alone, the file carries it).
 * @module
 */
import type { Report } from "./blocks.js";
import { renderSvg } from "./svg.js";

/** A chart id as a file name: lower case letters, digits and hyphens. */
const ID = /^[a-z0-9][a-z0-9-]*$/;

/** Chart id → its titled SVG, in the report's order. */
export async function chartFileSvgs(report: Report): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const b of report.blocks) {
    if (b.kind !== "chart") continue;
    const { id, title, spec } = b.chart;
    if (!ID.test(id))
      throw new Error(`chartFileSvgs: chart id ${JSON.stringify(id)} is no file name`);
    out.set(id, await renderSvg({ ...spec, title: spec.title ?? title }));
  }
  return out;
}
