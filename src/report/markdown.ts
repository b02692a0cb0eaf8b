/**
 * Renders a report to Markdown; charts are referenced as SVG files written beside it.
 * @module
 */
import type { Report } from "./blocks.js";

export function toMarkdown(report: Report, chartPath: (id: string) => string): string {
  const out: string[] = [];
  for (const b of report.blocks) {
    switch (b.kind) {
      case "heading":
        out.push(`${"#".repeat(b.level)} ${b.text}`, "");
        break;
      case "paragraph":
        out.push(b.text, "");
        break;
      case "list":
        out.push(...b.items.map((i) => `- ${i}`), "");
        break;
      case "table": {
        const esc = (c: string) => c.replace(/\|/g, "\\|");
        out.push(`| ${b.header.map(esc).join(" | ")} |`);
        out.push(
          `| ${b.header.map((_, j) => (b.align?.[j] === "right" ? "---:" : "---")).join(" | ")} |`,
        );
        for (const row of b.rows) out.push(`| ${row.map(esc).join(" | ")} |`);
        out.push("");
        break;
      }
      case "chart":
        out.push(`![${b.chart.title}](${chartPath(b.chart.id)})`, "");
        break;
    }
  }
  return out.join("\n");
}
