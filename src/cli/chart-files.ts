/**
 * `--charts DIR`: every chart of the report a command makes, as DIR/<chart>.svg and
 * DIR/<chart>.png (PNG at twice the SVG's size, white background). The directory follows
 * `--out`'s rules and is made ready before any work; each file is written whole or not at all.
 * An HTML report written in the same command links each figure to its two files.
 * @module
 */
import { join, relative, sep } from "node:path";
import { writeFileAtomic } from "../io/write-files.js";
import { svgToPng } from "../node/png.js";
import type { Report } from "../report/blocks.js";
import { chartFileSvgs } from "../report/chart-files.js";
import type { ChartLinks } from "../report/html.js";
import { type CliContext, outDirOf, println } from "./context.js";

export const CHARTS_FLAGS = "--charts <dir>";
export const CHARTS_HELP = "write each chart of the report as DIR/<chart>.svg and DIR/<chart>.png";

/** The directory `--charts` names, ready to write (exit 2 in one sentence if not). */
export function chartsDirOf(ctx: CliContext, charts: string | undefined): string | undefined {
  return outDirOf(ctx, charts, "--charts");
}

/** Writes the report's charts into `dir` (`shown` as the user wrote it); returns their ids. */
export async function writeChartFiles(
  ctx: CliContext,
  dir: string,
  shown: string,
  report: Report,
): Promise<string[]> {
  const svgs = await chartFileSvgs(report);
  for (const [id, svg] of svgs) {
    writeFileAtomic(join(dir, `${id}.svg`), svg);
    writeFileAtomic(join(dir, `${id}.png`), svgToPng(svg));
  }
  println(
    ctx.stderr,
    svgs.size === 0
      ? `levier: the report has no charts; nothing written in ${shown}`
      : `levier: wrote ${svgs.size} chart(s) as SVG and PNG in ${shown}`,
  );
  return [...svgs.keys()];
}

/** Links from a report in `outDir` to the chart files in `chartsDir`, relative, so that the
 * two folders can move together. */
export function chartLinksFrom(
  outDir: string,
  chartsDir: string,
  ids: readonly string[],
): ChartLinks {
  const rel = relative(outDir, chartsDir).split(sep).filter(Boolean).map(encodeURIComponent);
  const href = (file: string) => [...rel, file].join("/");
  const known = new Set(ids);
  return (id) => (known.has(id) ? { svg: href(`${id}.svg`), png: href(`${id}.png`) } : undefined);
}
