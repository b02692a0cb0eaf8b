/**
 * Renders a report in one of the formats and returns the files to write (path relative to the
 * output directory → contents). Charts are rendered to SVG once and shared.
 * @module
 */
import type { Report } from "./blocks.js";
import { type ChartLinks, toHtml } from "./html.js";
import { toMarkdown } from "./markdown.js";
import { renderSvg } from "./svg.js";

export type ReportFormat = "md" | "html" | "json" | "xlsx";
export const REPORT_FORMATS: readonly ReportFormat[] = ["md", "html", "json", "xlsx"];

export async function chartSvgs(report: Report): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const b of report.blocks)
    if (b.kind === "chart") out.set(b.chart.id, await renderSvg(b.chart.spec));
  return out;
}

/** Files of a Markdown or HTML report named `name`; `links`: where its charts' own files are
 * (`--charts`), for download links under each figure of the HTML. */
export async function reportFiles(
  report: Report,
  format: "md" | "html",
  name: string,
  links?: ChartLinks,
): Promise<Map<string, string>> {
  const svgs = await chartSvgs(report);
  const files = new Map<string, string>();
  if (format === "html") {
    files.set(`${name}.html`, toHtml(report, svgs, links));
    return files;
  }
  files.set(
    `${name}.md`,
    toMarkdown(report, (id) => `${name}-charts/${id}.svg`),
  );
  for (const [id, svg] of svgs) files.set(`${name}-charts/${id}.svg`, svg);
  return files;
}
