/**
 * Renders a report to one self-contained HTML file: inline CSS, charts as inline SVG, the
 * result document embedded as JSON; it opens offline.
 * @module
 */
import type { Report } from "./blocks.js";

const CSS = `body{font-family:"DejaVu Sans",Arial,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#1a1a1a;line-height:1.45}
table{border-collapse:collapse;margin:0.5em 0 1.5em;font-size:0.9em}th,td{border-bottom:1px solid #ddd;padding:0.3em 0.6em;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}h1{font-size:1.7em}h2{margin-top:1.6em;border-bottom:2px solid #eee}
figure{margin:0.5em 0 1.5em}figure svg{max-width:100%;height:auto}
#bottom-line{background:#f6f8fa;border-left:4px solid #2b6cb0;padding:0.8em 1em 0.8em 2em;margin:0.5em 0 1em}#bottom-line li{margin:0.25em 0}`;

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function idOf(id: string | undefined): string {
  return id ? ` id="${escapeHtml(id)}"` : "";
}

function tipOf(tip: string | undefined): string {
  return tip ? ` title="${escapeHtml(tip)}"` : "";
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
        out.push(`<p${idOf(b.id)}>${escapeHtml(b.text)}</p>`);
        break;
      case "list":
        out.push(
          `<ul${idOf(b.id)}>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`,
        );
        break;
      case "table": {
        const head = b.header.map((h) => `<th>${escapeHtml(h)}</th>`).join("");
        const rows = b.rows
          .map(
            (r, i) =>
              `<tr>${r.map((c, j) => `<td${b.align?.[j] === "right" ? ' class="num"' : ""}${tipOf(b.tips?.[i]?.[j])}>${escapeHtml(c)}</td>`).join("")}</tr>`,
          )
          .join("\n");
        out.push(
          `<table${idOf(b.id)}><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`,
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
