/**
 * The reach games (examples/reach/): the frontier-model-access game (the US offers full or
 * degraded models; the EU conditions its industrial data and machinery on full versions) and
 * the AI summit bargain (US, China and the EU choose a level of commitment), built from
 * simulations of the default world. The model-access game builds and solves the same twice,
 * a US that adopts the rule keeps the access conditioned on it bit for bit, and pays the rule's
 * cost; the summit's pure equilibria agree with an exact enumeration of every profile, its
 * two-player restrictions agree with lrsnash, its Nash bargaining point with the products of
 * gains over every profile, and its leverage level "as written" with the game itself.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/diagnostics/errors.js";
import { readRuleBook } from "../../src/diffusion/rules.js";
import { fileReader } from "../../src/io/world-files.js";
import { gameReport } from "../../src/report/game-report.js";
import { reportFiles } from "../../src/report/write.js";
import { buildGameRequest, type GameOutcome } from "../../src/run/game.js";
import { gameDocument } from "../../src/run/game-document.js";
import type { NormalFormGame } from "../../src/strategy/game.js";
import { extremeEquilibria } from "../../src/strategy/nash/extreme-equilibria.js";
import { Rational } from "../../src/strategy/rational.js";
import { pureEquilibria } from "../../src/strategy/solvers/pure-equilibria.js";
import { loadWorld } from "../../src/world/load.js";
import { launchChromium, reportPage } from "../helpers/browser.js";
import { requireTool, skipReason } from "../helpers/tools.js";
import { keysOfLrsnash, keysOfOurs, LrsnashRunner } from "../strategy/helpers/lrsnash.js";

const ROOT = join(import.meta.dirname, "../..");
const world = loadWorld(fileReader(ROOT)).world!;
const RULES = "data/diffusion/rules.yaml";
const book = readRuleBook(readFileSync(join(ROOT, RULES), "utf8"), RULES).book!;
const LRSNASH = requireTool("lrsnash", "lrslib", ["/usr/bin/lrsnash"]);
const CHROMIUM = requireTool("chromium", "chromium", ["/usr/bin/chromium"]);

/** The game's HTML report, as `levier game build --out` writes it. */
async function reportHtml(outcome: GameOutcome): Promise<string> {
  const files = await reportFiles(gameReport(gameDocument(outcome)), "html", "game");
  return files.get("game.html")!;
}

/** Opens the report in Chromium: what the page starts with, its bottom line, its embedded
 * document, the game table's rows, the figures drawn, page errors and outside requests. */
async function openReport(html: string) {
  const dir = mkdtempSync(join(tmpdir(), "levier-game-report-"));
  const browser = await launchChromium(CHROMIUM!);
  try {
    writeFileSync(join(dir, "game.html"), html);
    const { page, requests, errors } = await reportPage(browser);
    await page.goto(`file://${join(dir, "game.html")}`);
    const order = await page
      .locator("body > *")
      .evaluateAll((els) =>
        els.slice(0, 4).map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}`),
      );
    const bottomLine = await page.locator("#bottom-line li").allTextContents();
    const embedded = JSON.parse((await page.locator("#levier-result").textContent()) ?? "null");
    const rows = await page.locator("table#game tbody tr").allTextContents();
    const figures = await page.locator("figure svg").count();
    return {
      title: await page.title(),
      order,
      bottomLine,
      embedded,
      rows,
      figures,
      errors,
      requests,
    };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const MODEL = "examples/reach/frontier-model-access-game.yaml";
const SUMMIT = "examples/reach/ai-summit-bargain.yaml";
const read = (f: string) => readFileSync(join(ROOT, f), "utf8");
const build = (file: string, text = read(file), leverage = false) =>
  buildGameRequest({ world, text, file, rules: () => book, leverage });

describe("the frontier-model-access game", () => {
  let a: GameOutcome;
  let b: GameOutcome;
  beforeAll(async () => {
    a = await build(MODEL);
    b = await build(MODEL);
  }, 300_000);

  it("builds and solves the same twice", () => {
    expect(JSON.stringify(gameDocument(b))).toBe(JSON.stringify(gameDocument(a)));
  });

  it("lifts the condition for a US that adopts the rule and charges it the rule's cost", () => {
    const p = (us: string, eu: string) =>
      a.built.profiles.find((x) => x.strategies[0] === us && x.strategies[1] === eu)!;
    // Full versions adopt full_model_access: the EU's condition caps nothing, bit for bit.
    expect(p("full", "condition").loss).toEqual(p("full", "open").loss);
    expect(p("full", "condition").securityIndexLoss).toEqual(p("full", "open").securityIndexLoss);
    // USD 4.5 bn a year over 24 months (the rule book's US figure), counted against the US.
    expect(p("full", "open").compliance).toEqual([9e9, 0]);
    expect(p("full", "open").payoffs[0]).toBe(-9);
    // A US that degrades loses the EU's data and machinery: the condition bites.
    expect(p("degraded", "condition").loss[0]).toBeGreaterThan(p("degraded", "open").loss[0]!);
    expect(p("degraded", "condition").loss[1]).toBeGreaterThan(p("degraded", "open").loss[1]!);
  });

  it("solves the threat: it is credible exactly when carrying it out pays the EU", () => {
    const seq = a.tree!;
    const execute = seq.threats!.find((t) => t.label.includes("carry out"))!;
    const pay = (x: string) => execute.actions.find((y) => y.action === x)!.payoff.toNumber();
    const credible = execute.actions.find((y) => y.action === "execute")!.credible;
    expect(credible).toBe(pay("execute") >= pay("back down"));
    expect(a.summary.join(" ")).toContain(
      `EU's threat to condition if US chooses degraded is ${credible ? "credible" : "not credible"}`,
    );
    expect(a.summary.join("\n")).toMatch(/^What the threat could reach: /m);
  });

  it("renders a report that leads with the answer and shows the game", async () => {
    const html = await reportHtml(a);
    expect(html).toContain('<ul id="bottom-line"><li>Subgame-perfect play: EU threatens');
    expect(html).toContain('<table id="game">');
    if (!CHROMIUM) return;
    const r = await openReport(html);
    expect(r.title).toBe("Full frontier models or degraded versions for the EU market");
    expect(r.order).toEqual(["h1", "h2", "ul#bottom-line", "h2"]);
    expect(r.bottomLine[0]).toMatch(/^Subgame-perfect play: /);
    expect(r.bottomLine[1]).toMatch(/^EU's threat to condition if US chooses degraded is /);
    expect(r.embedded).toEqual(JSON.parse(JSON.stringify(gameDocument(a))));
    expect(r.rows).toHaveLength(2);
    expect(r.rows[0]).toMatch(/^fullUS −9 · EU 0 \(Nash equilibrium\)/);
    expect(r.figures).toBeGreaterThanOrEqual(1);
    expect(r.errors).toEqual([]);
    expect(r.requests).toEqual([]);
  }, 120_000);

  it("refuses a rule the rule book does not have, at its line", async () => {
    const bad = read(MODEL).replace("adopts: [full_model_access]", "adopts: [no_such_rule]");
    const err = await build(MODEL, bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const issue = (err as InputError).issues[0]!;
    expect(issue.path).toBe("players[0].strategies[0].adopts[0]");
    expect(issue.message).toMatch(/^unknown rule "no_such_rule"; expected one of /);
    expect(issue.at?.line).toBe(
      read(MODEL)
        .split("\n")
        .findIndex((l) => l.includes("adopts:")) + 1,
    );
  });
});

/** Every pure equilibrium by exhaustive check: no player gains by a unilateral deviation. */
function pureByEnumeration(g: NormalFormGame): string[] {
  const sizes = g.strategies.map((s) => s.length);
  const total = sizes.reduce((x, y) => x * y, 1);
  const at = (k: number) => {
    const out: number[] = [];
    let r = k;
    for (const s of sizes) {
      out.push(r % s);
      r = Math.floor(r / s);
    }
    return out;
  };
  const index = (p: number[]) =>
    p.reduce((k, s, i) => k + s * sizes.slice(0, i).reduce((x, y) => x * y, 1), 0);
  const out: string[] = [];
  for (let k = 0; k < total; k++) {
    const p = at(k);
    const stable = p.every((_, i) =>
      Array.from({ length: sizes[i]! }, (_, t) => t).every((t) => {
        const q = [...p];
        q[i] = t;
        return !g.payoffs[i]![index(q)]!.gt(g.payoffs[i]![k]!);
      }),
    );
    if (stable) out.push(p.map((s, i) => g.strategies[i]![s]).join("/"));
  }
  return out;
}

/** The two-player game of players i and j with the third fixed at strategy s. */
function restriction(g: NormalFormGame, i: number, j: number, fixed: number, s: number) {
  const sizes = g.strategies.map((x) => x.length);
  const index = (p: number[]) => p[0]! + sizes[0]! * (p[1]! + sizes[1]! * p[2]!);
  const payoffs: Rational[][] = [[], []];
  for (let c = 0; c < sizes[j]!; c++)
    for (let r = 0; r < sizes[i]!; r++) {
      const p = [0, 0, 0];
      p[i] = r;
      p[j] = c;
      p[fixed] = s;
      payoffs[0]!.push(g.payoffs[i]![index(p)]!);
      payoffs[1]!.push(g.payoffs[j]![index(p)]!);
    }
  return {
    title: "restriction",
    comment: "",
    players: [g.players[i]!, g.players[j]!],
    strategies: [g.strategies[i]!, g.strategies[j]!],
    payoffs,
  } satisfies NormalFormGame;
}

describe("the AI summit bargain", () => {
  let s: GameOutcome;
  let lrs: LrsnashRunner | undefined;
  beforeAll(async () => {
    s = await build(SUMMIT, read(SUMMIT), true);
    if (LRSNASH) lrs = new LrsnashRunner(LRSNASH);
  }, 600_000);
  afterAll(() => lrs?.dispose());

  it("has the pure equilibria an exhaustive check of its 27 profiles finds", () => {
    const g = s.built.normal;
    expect(s.built.profiles).toHaveLength(27);
    const ours = pureEquilibria(g).map((e) =>
      e.profile.map((x, i) => g.strategies[i]![x]).join("/"),
    );
    expect(ours).toEqual(pureByEnumeration(g));
    expect(s.normal.method).toBe("pure-equilibria");
    expect(s.normal.pure.map((p) => p.profile.join("/"))).toEqual(ours);
  });

  it("has each pure equilibrium as a pure equilibrium of every two-player restriction through it", () => {
    const g = s.built.normal;
    for (const [i, j, k] of [
      [0, 1, 2],
      [0, 2, 1],
      [1, 2, 0],
    ] as const)
      for (let level = 0; level < 3; level++) {
        const two = restriction(g, i, j, k, level);
        const ext = extremeEquilibria(two).equilibria;
        // A pure equilibrium of the three is a pure equilibrium of each restriction through it.
        for (const e of pureEquilibria(g).filter((x) => x.profile[k] === level))
          expect(
            ext.some(
              (x) =>
                x.strategies[0]![e.profile[i]!]!.eq(Rational.ONE) &&
                x.strategies[1]![e.profile[j]!]!.eq(Rational.ONE),
            ),
          ).toBe(true);
      }
  });

  it.skipIf(!LRSNASH)(
    LRSNASH
      ? "has, fixing any one bloc's commitment, the equilibria lrsnash finds in the two-player game left"
      : skipReason("lrsnash", "lrslib"),
    () => {
      const g = s.built.normal;
      let games = 0;
      for (const [i, j, k] of [
        [0, 1, 2],
        [0, 2, 1],
        [1, 2, 0],
      ] as const)
        for (let level = 0; level < 3; level++) {
          const two = restriction(g, i, j, k, level);
          const ours = keysOfOurs(extremeEquilibria(two).equilibria);
          expect(ours.length).toBeGreaterThan(0);
          expect(ours).toEqual(keysOfLrsnash(lrs!.equilibria(two)));
          games++;
        }
      expect(games).toBe(9);
    },
  );

  it("puts the Nash bargaining point where the product of gains over the profiles is largest", () => {
    const d = s.built.deals!;
    expect(d.deals).toHaveLength(27);
    const product = (u: number[]) =>
      u.every((x, i) => x >= d.disagreement[i]!)
        ? u.reduce((p, x, i) => p * (x - d.disagreement[i]!), 1)
        : Number.NEGATIVE_INFINITY;
    const best = Math.max(...d.deals.map((x) => product(x.payoffs)));
    const f = s.bargaining!.finite;
    if (best > 0) {
      expect(f.agreement).toBe(true);
      const point = (f as { point: Rational[] }).point.map((x) => x.toNumber());
      expect(product(point)).toBeCloseTo(best, 6);
    } else expect(f.agreement).toBe(false);
  });

  it("renders a report that leads with the answer and shows all 27 profiles", async () => {
    const html = await reportHtml(s);
    if (!CHROMIUM) {
      expect(html).toContain('<ul id="bottom-line">');
      return;
    }
    const r = await openReport(html);
    expect(r.order).toEqual(["h1", "h2", "ul#bottom-line", "h2"]);
    expect(r.bottomLine.join("\n")).toMatch(/^Nash equilibrium: |^There is no pure/m);
    expect(r.bottomLine.join("\n")).toMatch(/^With EU withholding nothing \(nothing\): /m);
    expect(r.rows).toHaveLength(27);
    expect(r.embedded).toEqual(JSON.parse(JSON.stringify(gameDocument(s))));
    // The payoffs chart and the leverage chart.
    expect(r.figures).toBe(2);
    expect(r.errors).toEqual([]);
    expect(r.requests).toEqual([]);
  }, 120_000);

  it("sweeps the EU's leverage: the level as written is the game itself", () => {
    const lev = s.leverage!;
    expect(lev.map((l) => l.level.id)).toEqual([
      "nothing",
      "data",
      "data-machinery",
      "with-lithography",
    ]);
    const asWritten = lev.find((l) => l.level.id === "data-machinery")!;
    expect(asWritten.built.profiles).toEqual(s.built.profiles);
    // Withholding nothing: the EU's commitments cost others nothing, so profiles in which only
    // the EU commits are the status quo for the US and China but for the EU's own cost.
    const nothing = lev.find((l) => l.level.id === "nothing")!;
    const euAlone = nothing.built.profiles.find(
      (p) => p.strategies.join("/") === "none/none/strong",
    )!;
    expect(euAlone.loss).toEqual([0, 0, 0]);
    expect(s.summary.join("\n")).toMatch(/How the outcome moves with EU's leverage/);
  });
});
