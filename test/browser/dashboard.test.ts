/**
 * The dashboard in Debian's Chromium (playwright-core, headless) against the real `levier serve`
 * on loopback with a temporary SQLite database: open it, open an actor, edit a scenario figure,
 * run it, see the chart change, compare two runs, toggle a Council vote and see the outcome
 * change, follow a shared URL to the same view, download a report, chart and table; the
 * axe-core audit (no serious or critical violation) on every view. Screenshots go to
 * test-artifacts/browser/ (git-ignored), with the first view's load timings in timing.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, chromium, type Download, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireTool, skipReason } from "../helpers/tools.js";
import { ROOT, type Served, serve } from "./serve.js";

const CHROMIUM = requireTool("chromium", "chromium", ["/usr/bin/chromium"]);
const ARTIFACTS = join(ROOT, "test-artifacts/browser");
/** Runs and profiles simulate; on two shared cores they take a while. */
const SLOW = 400_000;
const EXAMPLE = "The Netherlands and the EU cut lithography and its servicing to China";

let server: Served;
let browser: Browser;
let page: Page;
const runs: string[] = [];
const charts: string[] = [];

async function shot(name: string, p: Page = page): Promise<void> {
  await p.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The axe-core audit of the page as it is: no serious or critical violation. */
async function audit(name: string, p: Page = page): Promise<void> {
  const r = await new AxeBuilder({ page: p }).analyze();
  const bad = r.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join("; ")}`,
    );
  writeFileSync(join(ARTIFACTS, `${name}.axe.json`), JSON.stringify(r.violations, null, 2));
  expect(bad, `axe on the ${name} view`).toEqual([]);
}

async function saved(d: Promise<Download>): Promise<{ name: string; text: string }> {
  const dl = await d;
  const path = join(ARTIFACTS, "downloads", dl.suggestedFilename());
  await dl.saveAs(path);
  return { name: dl.suggestedFilename(), text: readFileSync(path, "utf8") };
}

/** The page's load timings (Performance API), when the chain view has just been shown. */
async function loadTiming(): Promise<Record<string, number>> {
  // Evaluated in the page (the test's own types have no DOM).
  return (await page.evaluate(`(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    return {
      domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd),
      loadMs: Math.round(nav.loadEventEnd),
      chainViewShownMs: Math.round(performance.now()),
      transferBytes: performance
        .getEntriesByType("resource")
        .reduce((s, r) => s + (r.transferSize || 0), nav.transferSize),
    };
  })()`)) as Record<string, number>;
}

function runIdOf(url: string): string {
  const id = /#\/run\?id=([^&]+)/.exec(url)?.[1];
  if (!id) throw new Error(`not a run's URL: ${url}`);
  return decodeURIComponent(id);
}

async function waitForRun(): Promise<string> {
  await page.waitForURL(/#\/run\?id=/, { timeout: 60_000 });
  await page.locator('[data-status="done"]').waitFor({ timeout: SLOW });
  const first = page.locator(".chart-box[data-ready=true]").first();
  await first.waitFor({ timeout: 60_000 });
  return first.innerHTML();
}

describe.skipIf(!CHROMIUM)(
  `the dashboard in Chromium${CHROMIUM ? "" : ` (${skipReason("chromium", "chromium")})`}`,
  () => {
    beforeAll(async () => {
      mkdirSync(join(ARTIFACTS, "downloads"), { recursive: true });
      server = await serve();
      browser = await chromium.launch({
        executablePath: CHROMIUM as string,
        args: ["--no-sandbox"],
      });
      // A context of its own: axe-core needs one (not browser.newPage()).
      const context = await browser.newContext({
        viewport: { width: 1400, height: 1000 },
        acceptDownloads: true,
      });
      page = await context.newPage();
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it(
      "opens on the value chain, keyboard first, and records how fast",
      async () => {
        const errors: string[] = [];
        page.on("pageerror", (e) => errors.push(e.message));
        await page.goto(`${server.url}/`);
        await page.getByRole("link", { name: "EUV lithography" }).waitFor();
        const first = await loadTiming();
        // Again, with the server warm and the browser's cache as a returning analyst has it.
        await page.reload();
        await page.getByRole("link", { name: "EUV lithography" }).waitFor();
        const again = await loadTiming();
        const timing = { first, again };
        writeFileSync(join(ARTIFACTS, "timing.json"), `${JSON.stringify(timing, null, 2)}\n`);
        process.stdout.write(`first view: ${JSON.stringify(timing)}\n`);
        // The skip link is the first stop of the keyboard, and it moves focus to the view.
        await page.keyboard.press("Tab");
        expect(await page.evaluate("document.activeElement?.textContent")).toBe("Skip to content");
        await page.keyboard.press("Enter");
        expect(await page.evaluate("document.activeElement?.id")).toBe("main");
        // Choose a good by keyboard: focus its link, press Enter.
        await page.getByRole("link", { name: "EUV lithography" }).focus();
        await page.keyboard.press("Enter");
        await page.getByRole("table", { name: "Suppliers of EUV lithography" }).waitFor();
        expect(page.url()).toContain("#/chain?good=euv_lithography");
        await page
          .getByRole("table", { name: "The world's strongest chokepoints" })
          .waitFor({ timeout: SLOW });
        await shot("chain");
        await audit("chain");
        expect(errors).toEqual([]);
      },
      SLOW,
    );

    it(
      "opens an actor's profile",
      async () => {
        await page
          .getByRole("table", { name: "Suppliers of EUV lithography" })
          .getByRole("link", { name: "Netherlands" })
          .click();
        await page.getByRole("heading", { name: /Netherlands/ }).waitFor();
        await page.getByRole("heading", { name: "What it supplies" }).waitFor();
        await page
          .getByRole("heading", { name: "Leverage over and under the major powers" })
          .waitFor({ timeout: SLOW });
        expect(page.url()).toContain("#/actor?id=NL");
        const rows = await page
          .getByRole("table", { name: /withholding from each power/ })
          .locator("tbody tr")
          .count();
        expect(rows).toBeGreaterThan(3);
        await shot("actor");
        await audit("actor");
      },
      SLOW,
    );

    it(
      "edits a scenario figure, sees an error at its line, and runs it",
      async () => {
        await page.getByText("Settings").click();
        await page.getByLabel("Write token (kept in this browser)").fill(server.token);
        await page.getByRole("button", { name: "Save token" }).click();
        await page.getByRole("link", { name: "Scenarios and runs" }).click();
        await page.getByRole("link", { name: EXAMPLE }).click();
        await expect
          .poll(() => page.locator("#yaml-state").textContent(), { timeout: 60_000 })
          .toBe("The scenario is valid.");
        await shot("scenarios-editor");
        await audit("editor");
        // A horizon of -3 months is wrong: the API's issue is shown at the line that says it.
        await page.getByLabel("horizon (months)").fill("-3");
        await expect
          .poll(() => page.locator("#yaml-state").textContent(), { timeout: 30_000 })
          .toMatch(/issue/);
        const yaml = await page.locator("#yaml-text").inputValue();
        const line = yaml.split("\n").findIndex((l) => l.startsWith("horizon: -3")) + 1;
        expect(line).toBeGreaterThan(0);
        await expect.poll(() => page.locator(".issues").textContent()).toContain(`line ${line}`);
        expect(await page.locator(".gutter .bad").first().textContent()).toContain(String(line));
        await shot("editor-error");
        await page.getByLabel("horizon (months)").fill("24");
        // The file must ask for at least one draw; the run asks for none (central values).
        await page.getByLabel(/^Draws/).fill("0");
        await expect
          .poll(() => page.locator("#yaml-state").textContent(), { timeout: 30_000 })
          .toBe("The scenario is valid.");
        expect(await page.locator("#yaml-text").inputValue()).toMatch(/^horizon: 24$/m);
        await page.getByRole("button", { name: "Save and run" }).click();
        charts.push(await waitForRun());
        runs.push(runIdOf(page.url()));
        await shot("run-1");
        await audit("run");
      },
      SLOW,
    );

    it(
      "changes a measure's figure, runs again with draws, and the chart changes and has bands",
      async () => {
        await page.getByRole("link", { name: "Edit its scenario" }).click();
        await page.waitForURL(/#\/editor\?id=/);
        await expect
          .poll(() => page.locator("#yaml-state").textContent(), { timeout: 60_000 })
          .toBe("The scenario is valid.");
        await page.getByLabel("measure eu-litho-cut-cn: cap", { exact: true }).fill("0.6");
        // A few draws, so the results carry bands.
        await page.getByLabel(/^Draws/).fill("4");
        await expect.poll(() => page.locator("#yaml-text").inputValue()).toMatch(/cap: 0\.6/);
        await expect
          .poll(() => page.locator("#yaml-state").textContent(), { timeout: 30_000 })
          .toBe("The scenario is valid.");
        await page.getByRole("button", { name: "Save and run" }).click();
        charts.push(await waitForRun());
        runs.push(runIdOf(page.url()));
        expect(runs[1]).not.toBe(runs[0]);
        expect(charts[1]).not.toBe(charts[0]);
        // Run with draws: the actors' table gives each loss's 5th to 95th percentile.
        const table = page.getByRole("table", { name: /^Every actor's outcome/ });
        await expect
          .poll(() => table.locator("thead").textContent())
          .toContain("5th to 95th percentile");
        await shot("run-2");
      },
      SLOW,
    );

    it(
      "downloads the run's report, a chart and a table",
      async () => {
        const report = await saved(
          Promise.all([
            page.waitForEvent("download"),
            page.getByRole("link", { name: "HTML report (.html)" }).click(),
          ]).then(([d]) => d),
        );
        expect(report.text).toMatch(/<html/i);
        expect(report.text).toContain(EXAMPLE);
        const svg = await saved(
          Promise.all([
            page.waitForEvent("download"),
            page
              .getByRole("button", { name: /as SVG$/ })
              .first()
              .click(),
          ]).then(([d]) => d),
        );
        expect(svg.name).toMatch(/\.svg$/);
        expect(svg.text).toMatch(/^<svg/);
        const png = await Promise.all([
          page.waitForEvent("download"),
          page
            .getByRole("button", { name: /as PNG$/ })
            .first()
            .click(),
        ]).then(([d]) => d);
        expect(png.suggestedFilename()).toMatch(/\.png$/);
        const csv = await saved(
          Promise.all([
            page.waitForEvent("download"),
            page.getByRole("button", { name: /^Download “Every actor's outcome/ }).click(),
          ]).then(([d]) => d),
        );
        expect(csv.text.split("\r\n")[0]).toMatch(/^Actor,Loss \(USD\)/);
        expect(csv.text.split("\r\n").length).toBeGreaterThan(40);
      },
      SLOW,
    );

    it(
      "compares the two runs",
      async () => {
        await page.getByRole("link", { name: "Scenarios and runs" }).click();
        await page.getByLabel("First run").selectOption(runs[0]!);
        await page.getByLabel("Second run").selectOption(runs[1]!);
        await page.getByRole("button", { name: "Compare the two runs" }).click();
        await page.waitForURL(/#\/compare\?a=/);
        const table = page.getByRole("table", { name: /in each run, and the difference/ });
        await table.waitFor({ timeout: 60_000 });
        const first = table.locator("tbody tr").first().locator("td");
        expect(await first.nth(1).textContent()).not.toBe(await first.nth(2).textContent());
        await page.locator(".chart-box[data-ready=true]").nth(2).waitFor({ timeout: 60_000 });
        await shot("compare");
        await audit("compare");
      },
      SLOW,
    );

    it(
      "toggles Council votes and the outcome changes; a shared link shows the same",
      async () => {
        await page.goto(`${server.url}/#/council?run=${runs[1]}`);
        const qmv = page.locator('article[data-rule="qmv"] [data-outcome]');
        await qmv.waitFor({ timeout: 60_000 });
        await page.getByRole("heading", { name: "The least compensation" }).waitFor();
        await shot("council-run");
        await page.getByRole("button", { name: "Everyone yes" }).click();
        await expect.poll(() => qmv.textContent()).toBe("passes");
        for (const m of ["Germany", "France", "Italy", "Spain"])
          await page.getByLabel(`${m}: no`).check();
        await expect.poll(() => qmv.textContent()).toBe("fails");
        await shot("council");
        await audit("council");
        const shared = page.url();
        expect(shared).toContain("votes=");
        const fresh = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
        const other = await fresh.newPage();
        await other.goto(shared);
        const q2 = other.locator('article[data-rule="qmv"] [data-outcome]');
        await expect.poll(() => q2.textContent(), { timeout: 60_000 }).toBe("fails");
        expect(await other.getByLabel("Germany: no").isChecked()).toBe(true);
        expect(await other.getByLabel("Poland: yes").isChecked()).toBe(true);
        await fresh.close();
      },
      SLOW,
    );

    it(
      "maps a run's outcome over Europe and the world",
      async () => {
        await page.goto(`${server.url}/#/map?run=${runs[0]}&outcome=lossGdpShare&region=europe`);
        await page.locator(".chart-box[data-ready=true] svg").waitFor({ timeout: 120_000 });
        const shapes = await page.locator(".chart-box path").count();
        expect(shapes).toBeGreaterThan(40);
        await shot("map-europe");
        await audit("map");
        await page.getByLabel("Region").selectOption("world");
        await page.locator(".chart-box[data-ready=true] svg").waitFor({ timeout: 120_000 });
        expect(page.url()).toContain("region=world");
        await shot("map-world");
      },
      SLOW,
    );

    it(
      "builds and solves a game, with the credibility of its threats",
      async () => {
        await page.goto(`${server.url}/#/game`);
        const spec = readFileSync(
          join(ROOT, "examples/games/us-caps-vs-eu-retaliation.yaml"),
          "utf8",
        );
        await page.getByLabel("Game specification").fill(spec);
        await page.getByRole("button", { name: "Build and solve the game" }).click();
        await page
          .getByRole("table", { name: /Credibility of each move/ })
          .waitFor({ timeout: SLOW });
        expect(
          await page
            .getByRole("table", { name: /Nash equilibria/ })
            .locator("tbody tr")
            .count(),
        ).toBeGreaterThan(0);
        await shot("game");
        await audit("game");
      },
      SLOW,
    );

    it(
      "lists what is stored, and passes the audit there too",
      async () => {
        await page.goto(`${server.url}/#/scenarios`);
        await page.getByRole("link", { name: new RegExp(`Run ${runs[1]}`) }).waitFor();
        await shot("scenarios");
        await audit("scenarios");
      },
      SLOW,
    );
  },
);
