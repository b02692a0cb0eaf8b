/**
 * The automation example runs through `levier run`: its document carries the value-capture
 * path, whose figures hold together (shares add up to 1; zero years of automation at the base
 * year; the EU's policies never lower its share; a faster rate never raises it), and its HTML
 * report opens in Chromium leading with the value-capture chart and what insures.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pct } from "../../src/report/format.js";
import type { RunDocument } from "../../src/run/document.js";
import { launchChromium, reportPage } from "../helpers/browser.js";
import { runCli } from "../helpers/cli.js";
import { requireTool, skipReason } from "../helpers/tools.js";

const ROOT = resolve(import.meta.dirname, "../..");
const FILE = "ai-automation-eu-manufacturing-2035";
const CHROMIUM = requireTool("chromium", "chromium", ["/usr/bin/chromium"]);

let out: string;
let doc: RunDocument;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "levier-automation-"));
  const r = await runCli(
    ["run", `examples/${FILE}.yaml`, "--json", "--out", out, "--format", "html"],
    ROOT,
  );
  if (r.code !== 0) throw new Error(`levier run exited ${r.code}: ${r.stderr}`);
  doc = JSON.parse(r.stdout);
}, 300_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("the automation example", () => {
  it("gives a value-capture path year by year, with and without the EU's policies", () => {
    const v = doc.valueCapture!;
    expect(v.years).toEqual([2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035]);
    expect(v.members.length).toBe(27);
    for (const path of [v.path, v.without!, v.low, v.high])
      for (const y of path) {
        const foreign = Object.values(y.foreign).reduce((s, x) => s + x, 0);
        const sum =
          y.origin.makers + y.origin.aiInputs + y.origin.other + y.origin.untraced + foreign;
        expect(Math.abs(sum - 1)).toBeLessThan(1e-9);
      }
    // The base year is the same on every path.
    expect(v.without![0]).toEqual(v.path[0]);
    expect(v.low[0]).toEqual(v.path[0]);
    // The EU's share falls along the path, more at a faster rate; the policies never lower it.
    v.path.forEach((y, i) => {
      expect(y.share).toBeGreaterThanOrEqual(v.without![i]!.share - 1e-12);
      expect(v.high[i]!.share).toBeLessThanOrEqual(y.share + 1e-12);
      expect(y.share).toBeLessThanOrEqual(v.low[i]!.share + 1e-12);
      if (i > 0) expect(y.origin.makers).toBeLessThan(v.path[i - 1]!.origin.makers);
    });
    // Plausible: the EU's own share of its manufacturing's value at baseline is near what
    // TiVA gives for the domestic value added of EU exports (~75%; docs/validation.md).
    expect(v.path[0]!.share).toBeGreaterThan(0.65);
    expect(v.path[0]!.share).toBeLessThan(0.85);
    // The cap on AI inputs costs the EU more as automation deepens, without its policies.
    const s = v.shocks!;
    expect(s.with.map((x) => x.year)).toEqual([2025, 2030, 2035]);
    expect(s.without![2]!.loss).toBeGreaterThan(s.without![0]!.loss);
  });

  it.skipIf(!CHROMIUM)(
    CHROMIUM
      ? "opens in Chromium, leading with the value-capture chart and what insures"
      : skipReason("chromium", "chromium"),
    async () => {
      const browser = await launchChromium(CHROMIUM!);
      try {
        const { page, requests, errors } = await reportPage(browser);
        await page.goto(`file://${join(out, `${FILE}.html`)}`);
        expect(await page.title()).toBe(doc.scenario.name);
        const order = await page
          .locator("body > *")
          .evaluateAll((els) =>
            els.slice(0, 5).map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}`),
          );
        expect(order).toEqual(["h1", "h2", "ul#bottom-line", "h2", "figure#chart-value-capture"]);
        expect(await page.locator("figure#chart-value-capture svg").count()).toBe(1);
        const lines = await page.locator("#bottom-line li").allTextContents();
        const v = doc.valueCapture!;
        expect(lines[0]).toContain(pct(v.path[0]!.share - v.path[v.path.length - 1]!.share));
        expect(lines.some((l) => l.includes("What does not insure"))).toBe(true);
        expect(lines.some((l) => l.includes("insure"))).toBe(true);
        const rows = await page.locator("table#value-capture-years tbody tr").allTextContents();
        expect(rows.length).toBe(v.years.length);
        rows.forEach((r, i) => expect(r).toContain(pct(v.path[i]!.share)));
        const embedded = JSON.parse((await page.locator("#levier-result").textContent()) ?? "null");
        expect(embedded).toEqual(doc);
        expect(errors).toEqual([]);
        expect(requests).toEqual([]);
        await page.close();
      } finally {
        await browser.close();
      }
    },
  );
});
