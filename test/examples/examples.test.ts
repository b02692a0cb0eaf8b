/**
 * Every example runs through `levier run`; its JSON document has the promised shape; its HTML
 * report opens in Chromium and states the same numbers as the JSON; bad scenarios get
 * file:line:col errors and exit 2.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pct, usd } from "../../src/report/format.js";
import { runReport } from "../../src/report/run-report.js";
import { chartSvgs } from "../../src/report/write.js";
import type { RunDocument } from "../../src/run/document.js";
import { launchChromium, reportPage } from "../helpers/browser.js";
import { runCli } from "../helpers/cli.js";
import { normaliseSvg } from "../helpers/svg.js";
import { requireTool, skipReason } from "../helpers/tools.js";

const ROOT = resolve(import.meta.dirname, "../..");
const EXAMPLES = readdirSync(join(ROOT, "examples"))
  .filter((f) => f.endsWith(".yaml"))
  .sort();
const CHROMIUM = requireTool("chromium", "chromium", ["/usr/bin/chromium"]);

let out: string;
const docs = new Map<string, Record<string, unknown>>();

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "levier-examples-"));
  for (const f of EXAMPLES) {
    const r = await runCli(
      ["run", `examples/${f}`, "--json", "--out", out, "--format", "html"],
      ROOT,
    );
    if (r.code !== 0) throw new Error(`levier run examples/${f} exited ${r.code}: ${r.stderr}`);
    docs.set(f, JSON.parse(r.stdout));
  }
  // Each example makes its 40 draws (options.draws): some 20–40 s each on two cores.
}, 900_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

type ActorDoc = {
  id: string;
  loss: number;
  finalUseLost: number;
  valueAddedLost: number;
  valueAddedLostShare: number;
  securityIndexLoss: number;
  members?: string[];
};

describe("the examples", () => {
  it("are the six questions of the paper", () => {
    expect(EXAMPLES).toEqual([
      "ai-automation-eu-manufacturing-2035.yaml",
      "eu-gigafactories-2030.yaml",
      "eu-lithography-retaliation.yaml",
      "nl-lithography-cut-to-china.yaml",
      "taiwan-fab-disruption.yaml",
      "us-ai-diffusion-caps-2025.yaml",
    ]);
  });

  it.each(EXAMPLES)("%s gives a JSON document with units and per-actor results", (f) => {
    const doc = docs.get(f)!;
    expect(doc.units).toBeTypeOf("object");
    const actors = doc.actors as ActorDoc[];
    expect(actors.length).toBe(45);
    for (const a of actors) {
      expect(a.id).toBeTypeOf("string");
      expect(Number.isFinite(a.valueAddedLost)).toBe(true);
      expect(Number.isFinite(a.securityIndexLoss)).toBe(true);
    }
    const eu = actors.find((a) => a.id === "EU")!;
    const members = actors.filter((a) => eu.members!.includes(a.id));
    expect(members.length).toBe(27);
    // The bloc is the sum of its members.
    const sum = members.reduce((s, m) => s + m.valueAddedLost, 0);
    expect(Math.abs(eu.valueAddedLost - sum)).toBeLessThanOrEqual(
      1e-6 * Math.max(1, Math.abs(sum)),
    );
    const c = doc.conservation as { maxOverShipped: number; maxOverUsed: number };
    expect(c.maxOverShipped).toBeLessThan(1e-6);
    expect(c.maxOverUsed).toBeLessThan(1e-6);
  });

  it("hurt the targets of their measures", () => {
    const byId = (f: string) => new Map((docs.get(f)!.actors as ActorDoc[]).map((a) => [a.id, a]));
    expect(byId("us-ai-diffusion-caps-2025.yaml").get("PL")!.valueAddedLost).toBeGreaterThan(0);
    expect(byId("nl-lithography-cut-to-china.yaml").get("NL")!.valueAddedLost).toBeGreaterThan(0);
    expect(byId("nl-lithography-cut-to-china.yaml").get("CN")!.valueAddedLost).toBeGreaterThan(0);
    expect(byId("eu-lithography-retaliation.yaml").get("US")!.valueAddedLost).toBeGreaterThan(0);
    const tw = byId("taiwan-fab-disruption.yaml");
    expect(tw.get("TW")!.valueAddedLost).toBeGreaterThan(0);
    expect(tw.get("US")!.valueAddedLost).toBeGreaterThan(0);
  });

  it("put the Council's view in reports of EU measures: the Netherlands bears most of the cost of cutting lithography to China", () => {
    const council = docs.get("nl-lithography-cut-to-china.yaml")!.council as {
      measure: string;
      rules: string[];
      members: { member: string; gain: number; costShare: number }[];
      vote: { pass: boolean; no: string[]; tally: { yes: number; yesPopulationShare: number } };
    };
    expect(council.measure).toBe("export-controls");
    expect(council.rules).toEqual(["qmv"]);
    const nl = council.members.find((m) => m.member === "NL")!;
    const actors = docs.get("nl-lithography-cut-to-china.yaml")!.actors as ActorDoc[];
    expect(nl.gain).toBe(-actors.find((a) => a.id === "NL")!.loss);
    expect(nl.costShare).toBeGreaterThan(0.5);
    expect(Math.max(...council.members.map((m) => m.costShare))).toBe(nl.costShare);
    expect(council.vote.no).toContain("NL");
    // A qualified majority (Art. 16(4) TEU): 55% of the members (15 of 27) representing 65% of
    // the EU's population; abstentions count as against.
    const { yes, yesPopulationShare } = council.vote.tally;
    expect(council.vote.pass).toBe(yes >= 15 && yesPopulationShare >= 0.65);
    const html = readFileSync(join(out, "nl-lithography-cut-to-china.html"), "utf8");
    expect(html).toContain(`the Netherlands bears ${pct(nl.costShare)} of it`);
    expect(docs.get("taiwan-fab-disruption.yaml")!.council).toBeUndefined();
  });

  it.each(EXAMPLES)("%s draws no chart whose values are all zero or flat", (f) => {
    const report = runReport(docs.get(f) as unknown as RunDocument);
    const charts = report.blocks.flatMap((b) => (b.kind === "chart" ? [b.chart] : []));
    expect(charts.length).toBeGreaterThan(0);
    for (const c of charts) {
      type Encoding = Record<string, { field?: string; type?: string }>;
      type Layer = { data?: { values?: Record<string, unknown>[] }; encoding?: Encoding };
      const spec = c.spec as {
        data?: { values: Record<string, unknown>[] };
        encoding?: Encoding;
        layer?: Layer[];
      };
      // Each encoding with the rows it draws. Where the chart has data of its own, a layer with
      // its own data is a reference mark (the paper's 2% line) and may be flat; where it has
      // none, each layer draws its own rows.
      const layers = (spec.layer ?? []).filter((l) => !spec.data || !l.data);
      const drawn = [
        { rows: spec.data?.values, encoding: spec.encoding },
        ...layers.map((l) => ({ rows: l.data?.values ?? spec.data?.values, encoding: l.encoding })),
      ];
      const fields = drawn.flatMap(({ rows, encoding }) =>
        Object.values(encoding ?? {})
          .filter((x) => x.type === "quantitative" && x.field && x.field !== "month")
          .map((x) => ({ field: x.field!, rows: rows ?? [] })),
      );
      expect(fields.length, c.id).toBeGreaterThan(0);
      for (const { field, rows } of fields) {
        const v = rows.map((r) => Number(r[field]));
        expect(v.length, `${f} ${c.id}`).toBeGreaterThan(0);
        expect(Math.max(...v) - Math.min(...v), `${f} ${c.id}: ${field} is flat`).toBeGreaterThan(
          0,
        );
      }
    }
    // What is not drawn says so in a sentence.
    const undrawn = report.blocks.filter(
      (b) => b.kind === "paragraph" && b.text.startsWith("Not drawn: "),
    );
    const expected = charts.length + undrawn.length;
    // The gigafactories add the capacity-share chart; the automation path its two value charts.
    const extra: Record<string, number> = {
      "eu-gigafactories-2030.yaml": 1,
      "ai-automation-eu-manufacturing-2035.yaml": 2,
    };
    expect(expected).toBe(4 + (extra[f] ?? 0));
  });

  // Golden files: every chart of every example report, as normalised SVG under test/output/,
  // so that a change to a chart (or to the numbers behind it) is a reviewable diff. Refresh
  // them with `UPDATE_GOLDEN=1 npx vitest run test/examples` and review the diff.
  it.each(EXAMPLES)("%s draws the charts kept in test/output/", async (f) => {
    const report = runReport(docs.get(f) as unknown as RunDocument);
    const dir = join(ROOT, "test/output", f.replace(".yaml", ""));
    const svgs = await chartSvgs(report);
    expect(svgs.size).toBeGreaterThan(0);
    if (process.env.UPDATE_GOLDEN === "1") {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      for (const [id, svg] of svgs) writeFileSync(join(dir, `${id}.svg`), normaliseSvg(svg));
    }
    const kept = readdirSync(dir)
      .filter((n) => n.endsWith(".svg"))
      .sort();
    expect(kept).toEqual([...svgs.keys()].map((id) => `${id}.svg`).sort());
    for (const [id, svg] of svgs)
      expect(normaliseSvg(svg), `${f}: chart ${id}`).toBe(
        readFileSync(join(dir, `${id}.svg`), "utf8"),
      );
  });

  it("state the EU's resulting share of world AI compute for the gigafactories, near the paper's 2%", () => {
    const share = docs.get("eu-gigafactories-2030.yaml")!.capacityShare as {
      baseline: number;
      horizon: number;
      added: number;
      paper: number;
    };
    expect(share.paper).toBe(0.02);
    expect(share.baseline).toBeCloseTo(0.06, 6);
    expect(share.added).toBeGreaterThan(0.01);
    expect(share.added).toBeLessThan(0.03);
    const html = readFileSync(join(out, "eu-gigafactories-2030.html"), "utf8");
    expect(html).toContain(
      `of which ${pct(share.added)} comes from this scenario&#39;s investments`.replace(
        "&#39;",
        "'",
      ),
    );
  });

  it.skipIf(!CHROMIUM)(
    CHROMIUM
      ? "open in Chromium as self-contained HTML whose numbers match --json"
      : skipReason("chromium", "chromium"),
    async () => {
      const browser = await launchChromium(CHROMIUM!);
      try {
        for (const f of EXAMPLES) {
          const { page, requests, errors } = await reportPage(browser);
          await page.goto(`file://${join(out, f.replace(".yaml", ".html"))}`);
          const doc = docs.get(f)!;
          expect(await page.title()).toBe((doc.scenario as { name: string }).name);
          expect(await page.locator("figure svg").count()).toBeGreaterThanOrEqual(1);
          // It opens with its answer: the title, the bottom line, then the headline chart, all
          // on the first screen.
          // (the page's own DOM, read with a selector rather than the browser's globals)
          const order = await page
            .locator("body > *")
            .evaluateAll((els) =>
              els.slice(0, 5).map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}`),
            );
          const headline =
            f === "eu-gigafactories-2030.yaml"
              ? "capacity-share"
              : f === "ai-automation-eu-manufacturing-2035.yaml"
                ? "value-capture"
                : "hardest-hit";
          expect(order).toEqual(["h1", "h2", "ul#bottom-line", "h2", `figure#chart-${headline}`]);
          const lines = await page.locator("#bottom-line li").allTextContents();
          expect(lines.length).toBeGreaterThanOrEqual(2);
          const firstFigure = page.locator("figure").first();
          const box = await firstFigure.boundingBox();
          expect(box).not.toBeNull();
          expect(box!.y + box!.height).toBeLessThan(1400);
          await page.screenshot({ path: join(out, f.replace(".yaml", ".png")) });
          const embedded = JSON.parse(
            (await page.locator("#levier-result").textContent()) ?? "null",
          );
          expect(embedded).toEqual(doc);
          // The EU member table states each member's loss as the JSON has it.
          const rows = await page.locator("table#eu-members").locator("tbody tr").allTextContents();
          const eu = doc.eu as { members: ActorDoc[] };
          expect(rows.length).toBe(eu.members.length);
          eu.members.forEach((m, i) => {
            expect(rows[i]).toContain((m as ActorDoc & { name: string }).name);
            expect(rows[i]).toContain(usd(m.loss));
            expect(rows[i]).toContain(usd(m.finalUseLost));
            expect(rows[i]).toContain(usd(m.valueAddedLost));
          });
          expect(errors).toEqual([]);
          expect(requests).toEqual([]);
          await page.close();
        }
      } finally {
        await browser.close();
      }
    },
  );
});

describe("the game examples", () => {
  const GAMES = readdirSync(join(ROOT, "examples/games"))
    .filter((f) => f.endsWith(".yaml"))
    .sort();
  it.each(GAMES)("%s builds, solves and explains itself", async (f) => {
    const r = await runCli(["game", "build", `examples/games/${f}`, "--json"], ROOT);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.profiles).toHaveLength(4);
    expect(doc.solution.equilibria.length).toBeGreaterThan(0);
    expect(doc.summary.length).toBeGreaterThan(1);
    if (doc.sequential) expect(doc.summary.join(" ")).toMatch(/threat to .* is (not )?credible/);
    if (doc.bargaining)
      expect(doc.summary.join(" ")).toMatch(/Nash bargaining over the deals|no agreement/);
  });
});

describe("report formats", () => {
  it("writes Markdown with SVG charts, JSON and XLSX whose numbers match --json", async () => {
    const dir = mkdtempSync(join(tmpdir(), "levier-formats-"));
    try {
      const f = "examples/taiwan-fab-disruption.yaml";
      for (const format of ["md", "json", "xlsx"]) {
        const r = await runCli(["run", f, "--out", dir, "--format", format], ROOT);
        expect(r.code).toBe(0);
      }
      const doc = docs.get("taiwan-fab-disruption.yaml")!;
      expect(JSON.parse(readFileSync(join(dir, "taiwan-fab-disruption.json"), "utf8"))).toEqual(
        doc,
      );
      const md = readFileSync(join(dir, "taiwan-fab-disruption.md"), "utf8");
      expect(md).toContain(
        "![World output of the key goods, % of baseline](taiwan-fab-disruption-charts/goods-output.svg)",
      );
      expect(
        readFileSync(join(dir, "taiwan-fab-disruption-charts/goods-output.svg"), "utf8"),
      ).toMatch(/^<svg/);
      // The Markdown opens with its bottom line too.
      expect(md.split("\n").slice(0, 4)).toEqual([
        `# ${(doc.scenario as { name: string }).name}`,
        "",
        "## Bottom line",
        "",
      ]);
      expect(md.split("\n")[4]).toMatch(/^- The United States loses most: \$/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(dir, "taiwan-fab-disruption.xlsx"));
      const summary = wb.getWorksheet("Summary")!;
      const texts = summary.getColumn(2).values.filter((v): v is string => typeof v === "string");
      expect(texts.some((t) => t.startsWith("The United States loses most: $"))).toBe(true);
      const sheet = wb.getWorksheet("Actors")!;
      const actors = doc.actors as ActorDoc[];
      actors.forEach((a, i) => {
        expect(sheet.getRow(i + 2).getCell(1).value).toBe(a.id);
        expect(sheet.getRow(i + 2).getCell(4).value).toBe(a.loss);
      });
      // Header rows frozen and filterable, on every sheet of data.
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1, xSplit: 2 });
      expect(sheet.autoFilter).toBeTruthy();
      const goods = wb.getWorksheet("Goods by month")!;
      expect(goods.views[0]).toMatchObject({ state: "frozen", ySplit: 1, xSplit: 3 });
      expect(readdirSync(dir).filter((x) => x.includes(".tmp-"))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Three runs of the example with its 40 draws each.
  }, 600_000);
});

describe("bad scenarios", () => {
  const CASES: [string, string][] = [
    [
      "unknown-actor.yaml",
      'unknown-actor.yaml:4:46: error[unknown-id] measures[0].to[0]: unknown actor "XX"; expected an actor id or a group id of the world or the scenario',
    ],
    [
      "cap-above-one.yaml",
      "cap-above-one.yaml:4:82: error[schema] measures[0].cap: expected at most 1, found 1.5",
    ],
    [
      "decline-of-all.yaml",
      "decline-of-all.yaml:4:86: error[schema] measures[0].ratePerYear: expected more than -1, found -1",
    ],
    [
      "end-before-start.yaml",
      "end-before-start.yaml:4:102: error[range] measures[0].end: expected an end month >= start (6), found 3",
    ],
    [
      "unknown-good.yaml",
      'unknown-good.yaml:4:46: error[unknown-id] measures[0].goods[0]: unknown good "unobtainium"; expected one of the ids in goods',
    ],
    [
      "unknown-type.yaml",
      'unknown-type.yaml:4:13: error[schema] measures[0].type: expected one of "export_control", "capacity_shock", "investment", "agreement", "stockpile", "capacity_growth", "lift_control", "conditional_access", found "embargo"',
    ],
    [
      "cap-and-quantity.yaml",
      "cap-and-quantity.yaml:4:5: error[schema] measures[0]: expected exactly one of cap and quantity, found both",
    ],
    [
      "start-after-horizon.yaml",
      "start-after-horizon.yaml:4:94: error[range] measures[0].start: expected a start month within the horizon (1–12), found 13",
    ],
    [
      "bloc-investment.yaml",
      "bloc-investment.yaml:4:32: error[bloc-not-allowed] measures[0].actor: EU is a bloc; expected one investment per member state",
    ],
    [
      "bad-world-patch.yaml",
      "bad-world-patch.yaml:5:50: error[shares-sum] world.suppliers[0].share: supplier shares of euv_lithography add up to 0.5 of world output (NL 0.5); expected 1 ± 0.01",
    ],
    [
      "negative-horizon.yaml",
      "negative-horizon.yaml:2:10: error[schema] horizon: expected at least 1, found -3",
    ],
    [
      "headline-without-share.yaml",
      "headline-without-share.yaml:5:13: error[no-capacity-share] report.headline: the headline capacity-share needs report.capacityShare (the actors and the good whose share of world capacity to follow)",
    ],
    [
      "syntax.yaml",
      "syntax.yaml:5:1: error[syntax] a { mapping above is not closed; expected } before this line",
    ],
  ];
  it.each(CASES)("%s exits 2 with its error at file:line:col", async (file, expected) => {
    const r = await runCli(["run", `test/fixtures/bad-scenarios/${file}`, "--json"], ROOT);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")[0]).toBe(`test/fixtures/bad-scenarios/${expected}`);
  });

  it("rejects bad flags with exit 2", async () => {
    expect(
      (await runCli(["run", "examples/taiwan-fab-disruption.yaml", "--format", "pdf"], ROOT)).code,
    ).toBe(2);
    expect(
      (await runCli(["run", "examples/taiwan-fab-disruption.yaml", "--months", "0"], ROOT)).code,
    ).toBe(2);
    expect((await runCli(["run", "no/such/file.yaml"], ROOT)).code).toBe(2);
  });

  it("--months cuts the horizon and the measures with it", async () => {
    const r = await runCli(
      ["run", "examples/taiwan-fab-disruption.yaml", "--months", "6", "--json"],
      ROOT,
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.scenario.horizon).toBe(6);
    expect(doc.scenario.measures[0].end).toBe(6);
  });

  it("--months below a measure's start leaves it out with a located warning, on stderr and in the document", async () => {
    const file = "examples/eu-lithography-retaliation.yaml";
    const r = await runCli(["run", file, "--months", "3", "--json", "--draws", "0"], ROOT);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.scenario.horizon).toBe(3);
    expect(doc.scenario.measures).toHaveLength(1);
    expect(doc.scenario.measures[0].id).toBe("us-caps-eu");
    const warning = `${file}:32:12: starts in month 4, after the 3-month horizon; left out of the run`;
    expect(r.stderr).toContain(warning);
    expect(
      doc.warnings.some(
        (w: { at: { line: number; col: number }; message: string }) =>
          w.at.line === 32 && w.at.col === 12 && w.message.startsWith("starts in month 4"),
      ),
    ).toBe(true);
  });
});

describe("per node and month results", () => {
  it("give every node's output and shortfall and every pool's stock, consistent with the goods' totals", () => {
    const doc = docs.get("taiwan-fab-disruption.yaml")! as {
      nodes: {
        id: string;
        good: string;
        baseline: number;
        output: number[];
        shortfall: number[];
      }[];
      pools: { stock: number[] }[];
      goods: { id: string; output: number[] }[];
      scenario: { horizon: number };
    };
    expect(doc.nodes.length).toBeGreaterThan(400);
    const tw = doc.nodes.find((n) => n.id === "TW:leading_edge_logic")!;
    expect(tw.output).toHaveLength(doc.scenario.horizon);
    tw.output.forEach((y, t) => expect(tw.shortfall[t]).toBe(tw.baseline - y));
    expect(Math.min(...tw.output)).toBeLessThan(tw.baseline * 0.5);
    const good = doc.goods.find((g) => g.id === "leading_edge_logic")!;
    const sum = doc.nodes
      .filter((n) => n.good === "leading_edge_logic")
      .reduce((s, n) => s + n.output[5]!, 0);
    expect(Math.abs(sum - good.output[5]!)).toBeLessThanOrEqual(1e-9 * good.output[5]!);
    expect(doc.pools.every((p) => p.stock.every((x) => x >= 0))).toBe(true);
  });
});
