/**
 * Renders a report to one self-contained HTML file: inline CSS, charts as inline SVG, the
 * result document embedded as JSON; it opens offline.
 * @module
 */
import type { Report } from "./blocks.js";

const CSS = `body{font-family:"DejaVu Sans",Arial,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#1a1a1a;line-height:1.45}
table{border-collapse:collapse;margin:0.5em 0 1.5em;font-size:0.9em}th,td{border-bottom:1px solid #ddd;padding:0.3em 0.6em;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}h1{font-size:1.7em}h2{margin-top:1.6em;border-bottom:2px solid #eee}
figure{margin:0.5em 0 1.5em}figure svg{max-width:100%;height:auto}`;

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

export function toHtml(
  report: Report,
  svgs: ReadonlyMap<string, string>,
  links?: ChartLinks,
): string {
  const out: string[] = [];
  for (const b of report.blocks) {
    switch (b.kind) {
      case "heading":
        out.push(`<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`);
        break;
      case "paragraph":
        out.push(`<p>${escapeHtml(b.text)}</p>`);
        break;
      case "list":
        out.push(`<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`);
        break;
      case "table": {
        const head = b.header.map((h) => `<th>${escapeHtml(h)}</th>`).join("");
        const rows = b.rows
          .map(
            (r) =>
              `<tr>${r.map((c, j) => `<td${b.align?.[j] === "right" ? ' class="num"' : ""}>${escapeHtml(c)}</td>`).join("")}</tr>`,
          )
          .join("\n");
        out.push(
          `<table${b.id ? ` id="${escapeHtml(b.id)}"` : ""}><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`,
        );
        break;
      }
      case "chart":
        out.push(
          `<figure id="chart-${escapeHtml(b.chart.id)}">${svgs.get(b.chart.id) ?? ""}${chartDownloads(b.chart.id, links)}</figure>`,
        );
        break;
    }
  }
  const data = JSON.stringify(report.data).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(report.title)}</title>
<meta name="generator" content="levier"><style>${CSS}</style></head>
<body>
${out.join("\n")}
<script type="application/json" id="levier-result">${data}</script>
</body></html>
`;
}

/** Where a chart's own files are (`--charts`), relative to the report, if they were written. */
export type ChartLinks = (id: string) => { svg: string; png: string } | undefined;

/** Download links under a chart's figure, to its SVG and PNG files; none without files. */
export function chartDownloads(id: string, links: ChartLinks | undefined): string {
  const at = links?.(id);
  if (!at) return "";
  return `<figcaption>Download: <a href="${escapeHtml(at.svg)}" download>SVG</a> · <a href="${escapeHtml(at.png)}" download>PNG</a></figcaption>`;
}
