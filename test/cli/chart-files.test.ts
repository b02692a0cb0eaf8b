/**
 * `--charts DIR` in-process: each chart of the report as an SVG (with the chart's title) and
 * a PNG at twice its size (read back by an independent PNG reader: signature, IHDR size,
 * pixels that are not blank, white where nothing is drawn), with or without `--out`; an HTML
 * report written with it links each figure to its two files.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { inkShare, PNG_SIGNATURE, readPng } from "../helpers/png.js";
import { FIXTURES } from "../helpers/world.js";

const tmp = mkdtempSync(join(tmpdir(), "levier-charts-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const PROFILE = ["report", "profile", "AB", "--powers", "CC,DD", "--threads", "1"];
const PROFILE_CHARTS: Record<string, string> = {
  "profile-chokepoints": "Chokepoint scores of Union of AA and BB",
  "profile-exposure": "Value added Union of AA and BB loses if the supplier withholds the good",
  "profile-leverage": "Damage of withholding everything",
};

function profile(argv: string[]) {
  return runCli([...PROFILE, ...argv, "--world", "analysis/chain.yaml"], FIXTURES);
}

/** The SVG's width and height attributes. */
function svgSize(svg: string): [number, number] {
  const open = /^<svg[^>]*>/.exec(svg)![0];
  return [Number(/ width="([\d.]+)"/.exec(open)![1]), Number(/ height="([\d.]+)"/.exec(open)![1])];
}

function checkChart(dir: string, id: string, title: string) {
  const svg = readFileSync(join(dir, `${id}.svg`), "utf8");
  expect(svg.startsWith("<svg")).toBe(true);
  expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
  expect(svg).toContain(title);
  const bytes = readFileSync(join(dir, `${id}.png`));
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  const png = readPng(bytes);
  const [w, h] = svgSize(svg);
  expect([png.width, png.height]).toEqual([Math.round(2 * w), Math.round(2 * h)]);
  const ink = inkShare(png);
  expect(ink).toBeGreaterThan(0.01);
  expect(ink).toBeLessThan(0.6);
  // The background is white and opaque: the top-left pixel.
  expect([...png.pixels.subarray(0, png.channels)]).toEqual(
    png.channels === 4 ? [255, 255, 255, 255] : [255, 255, 255],
  );
}

describe("--charts", () => {
  it("report profile without --out: the summary on stdout, the three charts as files", async () => {
    const dir = join(tmp, "alone");
    const r = await profile(["--charts", dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Union of AA and BB \(AB\)/);
    expect(readdirSync(dir).sort()).toEqual(
      Object.keys(PROFILE_CHARTS)
        .flatMap((id) => [`${id}.png`, `${id}.svg`])
        .sort(),
    );
    for (const [id, title] of Object.entries(PROFILE_CHARTS)) checkChart(dir, id, title);
    expect(r.stderr).toContain(`wrote 3 chart(s) as SVG and PNG in ${dir}`);
  });

  it("with --out and HTML: each figure links to its SVG and PNG, relative to the report", async () => {
    const out = join(tmp, "report");
    const charts = join(tmp, "report-charts", "png and svg");
    const r = await profile(["--out", out, "--charts", charts]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(out, "profile-AB.html"), "utf8");
    for (const id of Object.keys(PROFILE_CHARTS)) {
      const figure = new RegExp(`<figure id="chart-${id}">[\\s\\S]*?</figure>`).exec(html)![0];
      const hrefs = [...figure.matchAll(/<a href="([^"]+)" download>(SVG|PNG)<\/a>/g)];
      expect(hrefs.map((m) => m[2])).toEqual(["SVG", "PNG"]);
      expect(hrefs.map((m) => m[1])).toEqual([
        `../report-charts/png%20and%20svg/${id}.svg`,
        `../report-charts/png%20and%20svg/${id}.png`,
      ]);
      for (const m of hrefs) expect(existsSync(resolve(out, decodeURIComponent(m[1]!)))).toBe(true);
    }
  });

  it("an HTML report without --charts has no download links", async () => {
    const out = join(tmp, "plain");
    expect((await profile(["--out", out])).code).toBe(0);
    expect(readFileSync(join(out, "profile-AB.html"), "utf8")).not.toContain("<figcaption>");
  });

  it("run: the charts of the report --out would write, without --out", async () => {
    const dir = join(tmp, "run");
    const r = await runCli([
      "run",
      "examples/nl-lithography-cut-to-china.yaml",
      "--months",
      "2",
      "--draws",
      "0",
      "--charts",
      dir,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^The Netherlands and the EU cut lithography/);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(expect.arrayContaining(["goods-output.svg", "hardest-hit.png"]));
    const ids = files.filter((f) => f.endsWith(".svg")).map((f) => f.slice(0, -4));
    expect(files).toEqual(ids.flatMap((id) => [`${id}.png`, `${id}.svg`]).sort());
    checkChart(dir, "goods-output", "World output of the key goods, % of baseline");
    checkChart(dir, "hardest-hit", "Who loses and who gains: loss over the horizon, USD bn");
  });
});
