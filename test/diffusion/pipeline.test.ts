/**
 * Conditional access through the pipeline (src/run/adoption.ts, runScenarioRequest) on the
 * default world, small enough to stay cheap (three candidates, 12 months): the caps compile as
 * export controls that end the month before each target adopts (the same run, bit for bit, as
 * the scenario written with export controls); the first round's access values are the
 * simulator's V_i(∅) = L_i(∅) − L_i({i}), checked against runs of explicit export controls;
 * the document says per actor whether, when and under which condition it adopted; a scenario
 * naming an unknown rule is an input error at its line.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/diagnostics/errors.js";
import { readRuleBook } from "../../src/diffusion/rules.js";
import { fileReader } from "../../src/io/world-files.js";
import { realiseLoaded } from "../../src/run/realise.js";
import { runScenarioRequest } from "../../src/run/scenario.js";
import { runScenario } from "../../src/run/scenario-run.js";
import type { Scenario } from "../../src/scenario/schema.js";
import { loadWorld } from "../../src/world/load.js";

const ROOT = join(import.meta.dirname, "../..");
const world = loadWorld(fileReader(ROOT)).world!;
const RULES = "data/diffusion/rules.yaml";
const book = readRuleBook(readFileSync(join(ROOT, RULES), "utf8"), RULES).book!;
const CANDIDATES = ["UK", "CH", "NO"];

const text = (rule = "co_production", extra = "") => `
name: test
horizon: 12
measures:
  - id: cond
    type: conditional_access
    from: [EU]
    to: [${CANDIDATES.join(", ")}]
    goods: [machinery, automated_systems]
    rule: ${rule}
adoption:
  roundMonths: 4
  target: 0
${extra}`;

describe("conditional access on the default world", () => {
  it("adopts, compiles to caps that lift at adoption, and values access as the simulator does", async () => {
    const { doc } = await runScenarioRequest({
      world,
      text: text("co_production", "  influence: 0.001"),
      file: "t.yaml",
      rules: () => book,
    });
    const a = doc.adoption!;
    expect(a.actors.map((x) => x.id)).toEqual(CANDIDATES);
    for (const x of a.actors) {
      expect(x.condition).toContain("co-production");
      if (x.adopted) expect(x.month).toBe(1 + (x.round! - 1) * 4);
      else expect(x.month).toBeUndefined();
    }
    expect(a.actors.some((x) => x.adopted)).toBe(true);
    // The same run written with export controls that end the month before each adoption.
    const real = realiseLoaded(world);
    const explicit = (ends: Record<string, number>): Scenario => ({
      name: "explicit",
      horizon: 12,
      measures: CANDIDATES.flatMap((c) =>
        (ends[c] ?? 12) < 1
          ? []
          : [
              {
                type: "export_control" as const,
                from: ["EU"],
                to: [c],
                goods: ["machinery", "automated_systems"],
                cap: 0,
                end: ends[c] ?? 12,
              },
            ],
      ),
    });
    const ends = Object.fromEntries(
      a.actors.filter((x) => x.adopted).map((x) => [x.id, x.month! - 1]),
    );
    const ref = runScenario({ scenario: explicit(ends), world: real }).result.actors;
    for (const r of ref) expect(doc.actors.find((x) => x.id === r.id)!.loss).toBe(r.loss);
    // Round 1: V_i(∅) = L_i(everyone cut) − L_i(everyone but i cut).
    const lossOf = (s: Scenario, id: string) =>
      runScenario({ scenario: s, world: real }).result.actors.find((x) => x.id === id)!.loss;
    const everyone = explicit({});
    const first = a.actors.find((x) => x.round === 1 || !x.adopted);
    if (first) {
      const without = explicit({ [first.id]: 0 });
      const v = lossOf(everyone, first.id) - lossOf(without, first.id);
      expect(first.value).toBeCloseTo(v, 0);
    }
    // Shares: the EU's own from month 1, rising with each adopter, never falling.
    const g = a.timeline.map((t) => t.gdpShare);
    for (let t = 1; t < g.length; t++) expect(g[t]!).toBeGreaterThanOrEqual(g[t - 1]!);
    expect(a.ownCost.withCascade).toBeLessThanOrEqual(a.ownCost.nobodyAdopts + 1);
  }, 120_000);

  it("is deterministic, and a larger compliance cost adopts no sooner", async () => {
    const run = async (scale: number) =>
      (
        await runScenarioRequest({
          world,
          text: text("co_production", `  influence: 0.001\n  costScale: ${scale}`),
          file: "t.yaml",
          rules: () => book,
        })
      ).doc.adoption!;
    const once = await run(1);
    expect(await run(1)).toEqual(once);
    const dearer = await run(1.5);
    for (const x of dearer.actors) {
      const before = once.actors.find((y) => y.id === x.id)!;
      expect(x.month ?? Infinity).toBeGreaterThanOrEqual(before.month ?? Infinity);
    }
  }, 120_000);

  it("names the line of a rule the book does not have", async () => {
    const err = await runScenarioRequest({
      world,
      text: text("no_such_rule"),
      file: "t.yaml",
      rules: () => book,
    }).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    const issue = (err as InputError).issues[0]!;
    expect(issue.message).toContain(
      'unknown rule "no_such_rule"; expected one of code_of_practice',
    );
    expect(issue.at).toMatchObject({ file: "t.yaml", line: 10 });
  });
});
