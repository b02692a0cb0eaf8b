/**
 * Export controls as standing measures of the baseline year, checked against hand computations
 * on the tiny world (test/fixtures/worlds/tiny.yaml) and on the default world: a barred route
 * carries nothing and a buyer left without any allowed supplier does without the good; a partial
 * cap holds the route at cap + leakage x (1 - cap) of its uncontrolled flow and RAS still
 * balances rows and columns to 1e-12; a buyer whose allowed suppliers cannot cover its use is
 * scaled to what they can give; a control not in force changes nothing. Bounded RAS itself, on
 * hand-computed cases, is test/world/ras-bounded.test.ts.
 */

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileReader } from "../../src/io/world-files.js";
import { compileWorld, findNode } from "../../src/network/compile-world.js";
import { parseYaml } from "../../src/parse/yaml.js";
import { realise } from "../../src/run/realise.js";
import { type Baseline, baselineOf, type GoodBaseline } from "../../src/world/baseline.js";
import { inForceAt } from "../../src/world/controls.js";
import { controlsSummary } from "../../src/world/controls-summary.js";
import { type LoadedWorld, loadWorld, patchWorld } from "../../src/world/load.js";
import { central } from "../../src/world/quantity.js";
import type { WorldDoc } from "../../src/world/schema.js";
import { deficientSet, maxFlow, unusableRoutes } from "../../src/world/transport.js";
import { runCli } from "../helpers/cli.js";
import { FIXTURES, loadFixture } from "../helpers/world.js";

function tiny(): LoadedWorld {
  const { world } = loadFixture("worlds/tiny.yaml");
  if (!world) throw new Error("tiny world does not load");
  return world;
}

/** The tiny world with a patch (controls and any figures) given as YAML. */
function patched(yaml: string, base: LoadedWorld = tiny()): LoadedWorld {
  const { doc } = parseYaml(yaml, "patch.yaml");
  if (!doc) throw new Error("patch does not parse");
  const { world, issues } = patchWorld(base, doc.value as WorldDoc, doc);
  if (!world) throw new Error(issues.map((i) => i.message).join("; "));
  return world;
}

const control = (fields: string) =>
  `controls:\n  - { id: c1, name: test control, source: hand, year: 2025, ${fields} }\n`;

function good(b: Baseline, id: string): GoodBaseline {
  return b.goods.find((g) => g.good === id)!;
}

function flow(gb: GoodBaseline, from: string, to: string): number {
  const s = gb.suppliers.indexOf(from);
  const u = gb.users.indexOf(to);
  return s < 0 || u < 0 ? 0 : gb.flows[s * gb.users.length + u]!;
}

/** The largest relative gap of a row sum to its output or a column sum to its use. */
function imbalance(gb: GoodBaseline): number {
  const U = gb.users.length;
  let worst = 0;
  gb.suppliers.forEach((_, s) => {
    let t = 0;
    for (let u = 0; u < U; u++) t += gb.flows[s * U + u]!;
    worst = Math.max(worst, Math.abs(t / gb.output[s]! - 1));
  });
  gb.users.forEach((_, u) => {
    let t = 0;
    gb.suppliers.forEach((__, s) => {
      t += gb.flows[s * U + u]!;
    });
    worst = Math.max(worst, gb.use[u]! > 0 ? Math.abs(t / gb.use[u]! - 1) : Math.abs(t));
  });
  return worst;
}

describe("a control in force in the baseline year", () => {
  it("bars a route outright: a buyer with no allowed supplier does without the good", () => {
    // tool: AA makes all 10. Chip makers use 0.05 a chip: BB 70 chips -> 3.5, CC 30 -> 1.5;
    // final demand 10 - 5 = 5, all BB's. Barring AA -> CC leaves CC without tools: its 1.5 is
    // dropped and goes to BB's final use (its only other buyer): BB uses 3.5 + 6.5 = 10.
    const w = patched(control('from: [AA], to: [CC], goods: [tool], cap: 0, since: "2024-01"'));
    const b = baselineOf(realise(w.world));
    const tool = good(b, "tool");
    expect(flow(tool, "AA", "CC")).toBe(0);
    expect(flow(tool, "AA", "BB")).toBeCloseTo(10, 12);
    expect(tool.needScale[tool.users.indexOf("CC")]).toBe(0);
    expect(tool.finalUse[tool.users.indexOf("BB")]).toBeCloseTo(6.5, 12);
    expect(b.notes.map((n) => [n.kind, n.actor, n.controls])).toEqual([["dropped", "CC", ["c1"]]]);
    // The network: CC's chips need no tools; BB's still need 0.05 each.
    const net = compileWorld(realise(w.world));
    const coef = (actor: string) => {
      const k = findNode(net, actor, "chip");
      return net.linkCoef[net.linkStart[k]!]!;
    };
    expect(coef("CC")).toBe(0);
    expect(coef("BB")).toBe(0.05);
    expect(net.standing?.map((r) => [r.id, r.edges.length])).toEqual([["c1", 1]]);
  });

  it("holds a capped route at cap + leakage x (1 - cap) of its uncontrolled flow; RAS balances the rest", () => {
    // chip: BB makes 70, CC 30. Use: AA 20 (cars) + 25 final = 45; CC 30 (cars) + 25 = 55.
    // The uncontrolled baseline is the pooled market itself: BB -> AA = 0.7 x 45 = 31.5. The
    // control lets 0.5 + 0.2 x 0.5 = 0.6 of it through: 18.9; the margins fix the other three
    // cells: CC -> AA = 45 - 18.9, BB -> CC = 70 - 18.9, CC -> CC = 30 - 26.1.
    const w = patched(
      control('from: [BB], to: [AA], goods: [chip], cap: 0.5, leakage: 0.2, since: "2024-01"'),
    );
    const chip = good(baselineOf(realise(w.world)), "chip");
    expect(
      flow(good(baselineOf(realise(w.world), { controls: false }), "chip"), "BB", "AA"),
    ).toBeCloseTo(31.5, 12);
    expect(flow(chip, "BB", "AA")).toBeCloseTo(18.9, 9);
    expect(flow(chip, "CC", "AA")).toBeCloseTo(26.1, 9);
    expect(flow(chip, "BB", "CC")).toBeCloseTo(51.1, 9);
    expect(flow(chip, "CC", "CC")).toBeCloseTo(3.9, 9);
    expect(imbalance(chip)).toBeLessThan(1e-12);
    expect(controlsSummary(w.world).controls[0]!.trade).toEqual({
      uncontrolled: expect.closeTo(31.5 * 3, 9),
      baseline: expect.closeTo(18.9 * 3, 9),
    });
  });

  it("scales a buyer's need to what its allowed suppliers can give, and says so", () => {
    // Barring BB -> CC leaves CC only its own 30 chips for a use of 55: CC is scaled to 30
    // (needScale 30/55), and BB's 70 all go to AA, whose final use rises by 25 to 50.
    const w = patched(control('from: [BB], to: [CC], goods: [chip], cap: 0, since: "2024-01"'));
    const b = baselineOf(realise(w.world));
    const chip = good(b, "chip");
    const cc = chip.users.indexOf("CC");
    const aa = chip.users.indexOf("AA");
    expect(chip.needScale[cc]).toBeCloseTo(30 / 55, 12);
    expect(chip.use[cc]).toBeCloseTo(30, 9);
    expect(chip.finalUse[cc]).toBeCloseTo((25 * 30) / 55, 9);
    expect(chip.finalUse[aa]).toBeCloseTo(50, 9);
    expect(flow(chip, "BB", "AA")).toBeCloseTo(70, 9);
    expect(flow(chip, "CC", "CC")).toBeCloseTo(30, 9);
    expect(flow(chip, "CC", "AA")).toBe(0);
    expect(flow(chip, "BB", "CC")).toBe(0);
    expect(imbalance(chip)).toBeLessThan(1e-12);
    expect(b.notes).toHaveLength(1);
    expect(b.notes[0]!.text).toContain("CC can get only 30 of the 55 units a year of chip");
    expect(b.notes[0]!.text).toContain("scaled down by 45.5%");
    // CC's car makers need 30/55 of a chip per car.
    const net = compileWorld(realise(w.world));
    const k = findNode(net, "CC", "car");
    expect(net.linkCoef[net.linkStart[k]!]).toBeCloseTo(30 / 55, 12);
  });

  it("changes nothing when it is not in force at the world's as-of date", () => {
    const base = tiny();
    for (const dates of [
      'since: "2020-01", until: "2021-06"',
      'since: "2026-01"',
      'since: "2024-12", until: "2025-11"',
    ]) {
      const w = patched(control(`from: [BB], to: [CC], goods: [chip], cap: 0, ${dates}`), base);
      expect(inForceAt(w.world.controls[0]!, "2025-12")).toBe(false);
      const with_ = baselineOf(realise(w.world));
      const without = baselineOf(realise(base.world));
      with_.goods.forEach((gb, i) => {
        expect(gb.flows).toEqual(without.goods[i]!.flows);
        expect(gb.use).toEqual(without.goods[i]!.use);
      });
      expect(with_.notes).toEqual([]);
      const net = compileWorld(realise(w.world));
      expect(net.standing).toBeUndefined();
      expect(net.edgeBase).toEqual(compileWorld(realise(base.world)).edgeBase);
      expect(controlsSummary(w.world).controls[0]!.inForce).toBe(false);
    }
  });

  it("is judged at December of the as-of year: one that ended during it is not in force", () => {
    const w = patched(control('from: [BB], to: [CC], goods: [chip], cap: 0, since: "2024-12"'));
    const c = w.world.controls[0]!;
    expect(inForceAt(c, "2025-12")).toBe(true);
    expect(inForceAt({ ...c, until: "2025-12" }, "2025-12")).toBe(false);
    expect(inForceAt({ ...c, until: "2026-01" }, "2025-12")).toBe(true);
    expect(inForceAt({ ...c, since: "2026-01" }, "2025-12")).toBe(false);
    expect(inForceAt(c, undefined)).toBe(false);
  });
});

describe("the default world's controls in force", () => {
  const { world, issues } = loadWorld(fileReader());
  if (!world) throw new Error(`the default world does not load: ${issues[0]?.message}`);
  const w = world.world;
  const baseline = baselineOf(realise(w));
  // Without controls China's EUV use would be its leading-edge logic (3% of 6 m wafers at
  // $1,625 of EUV a wafer, ~$292 m a year) and its electronics' share of the EUV bought for
  // commodity DRAM (the electronics recipe's coefficient times China's electronics output), and
  // the EUV layers of China's own HBM (the HBM recipe's coefficient times China's HBM output).
  const euvBy = (id: string) => {
    const g = w.goods.find((x) => x.id === id)!;
    const perUnit = central(g.recipe!.find((r) => r.input === "euv_lithography")!.perUnit);
    const share = central(w.suppliers.find((x) => x.good === id && x.actor === "CN")!.share!);
    return perUnit * share * central(g.globalOutput) * 1e9;
  };
  const uncontrolledEuv = 0.03 * 6e6 * 1625 + euvBy("electronics") + euvBy("hbm_memory");

  it("import no EUV into China, which the pooled market alone would send it", () => {
    const before = good(baselineOf(realise(w), { controls: false }), "euv_lithography");
    const euv = good(baseline, "euv_lithography");
    expect(flow(before, "NL", "CN") * 1e9).toBeCloseTo(uncontrolledEuv, 0);
    expect(flow(euv, "NL", "CN")).toBe(0);
    expect(euv.use[euv.users.indexOf("CN")]).toBe(0);
    const net = compileWorld(realise(w));
    const k = findNode(net, "CN", "leading_edge_logic");
    const g = net.goods.indexOf("euv_lithography");
    const links = [...Array(net.linkStart[k + 1]! - net.linkStart[k]!).keys()].map(
      (j) => net.linkStart[k]! + j,
    );
    const euvLink = links.find((l) => net.poolGood[net.linkPool[l]!] === g)!;
    expect(net.linkCoef[euvLink]).toBe(0);
  });

  it("import no HBM into China, and balance every controlled good to 1e-12", () => {
    const hbm = good(baseline, "hbm_memory");
    for (const s of hbm.suppliers) if (s !== "CN") expect(flow(hbm, s, "CN")).toBe(0);
    // China's accelerators use China's own HBM (cn_hbm_assumption), all of it.
    expect(flow(hbm, "CN", "CN")).toBeCloseTo(hbm.output[hbm.suppliers.indexOf("CN")]!, 9);
    const controlled = new Set(
      w.controls.filter((c) => inForceAt(c, "2025-12")).flatMap((c) => c.goods),
    );
    expect(controlled.size).toBeGreaterThan(10);
    // Wherever the world without its controls balances (goods whose outputs and uses add up).
    const free = baselineOf(realise(w), { controls: false });
    const balanced = [...controlled].filter((id) => imbalance(good(free, id)) < 1e-12);
    expect(balanced.length).toBeGreaterThan(8);
    for (const id of balanced) expect(imbalance(good(baseline, id))).toBeLessThan(1e-12);
    const dropped = baseline.notes.filter((n) => n.kind === "dropped");
    expect(dropped.map((n) => `${n.actor} ${n.good}`)).toEqual(["CN euv_lithography"]);
    expect(baseline.notes.filter((n) => n.kind === "unsold" || n.kind === "unbalanced")).toEqual(
      [],
    );
  });

  it("hold China's accelerator imports to what the 2023 rule lets through", () => {
    // US and ROW designs to China: cap 0.1, leakage 0.1, so 0.19 of the uncontrolled flows. With
    // them China cannot cover its use: it keeps all its own output and those capped imports
    // (the minimum cut), and its need is scaled down to that, with a note.
    const free = good(baselineOf(realise(w), { controls: false }), "ai_accelerators");
    const chips = good(baseline, "ai_accelerators");
    for (const s of ["US", "ROW"])
      expect(flow(chips, s, "CN") / flow(free, s, "CN")).toBeCloseTo(0.19, 12);
    const own = chips.output[chips.suppliers.indexOf("CN")]!;
    const allowed = own + 0.19 * (flow(free, "US", "CN") + flow(free, "ROW", "CN"));
    const cn = chips.users.indexOf("CN");
    expect(chips.use[cn]! / allowed).toBeCloseTo(1, 12);
    expect(chips.needScale[cn]).toBeLessThan(1);
    expect(flow(chips, "CN", "CN")).toBeCloseTo(own, 6);
    const note = baseline.notes.find((n) => n.good === "ai_accelerators" && n.actor === "CN")!;
    expect(note.kind).toBe("scaled");
    expect(note.controls).toEqual(["us_ai_chips_2022", "us_ai_chips_2023"]);
    const row = controlsSummary(w).controls.find((c) => c.id === "us_ai_chips_2023")!;
    expect(row.trade.baseline / row.trade.uncontrolled).toBeCloseTo(0.19, 9);
  });

  it("carry on no control's routes more than its cap and leakage let through", () => {
    for (const c of controlsSummary(w).controls.filter((x) => x.inForce)) {
      const passes = c.cap + c.leakage * (1 - c.cap);
      expect(c.trade.baseline).toBeLessThanOrEqual(passes * c.trade.uncontrolled * (1 + 1e-9));
    }
  });

  it("lists every control with whether it is in force at the end of 2025", () => {
    const s = controlsSummary(w);
    const status = new Map(s.controls.map((c) => [c.id, c.inForce]));
    expect(status.get("nl_euv_2019")).toBe(true);
    expect(status.get("us_ai_diffusion_2025")).toBe(false);
    expect(status.get("cn_gallium_germanium_us_2024")).toBe(false);
    expect(status.get("cn_rare_earths_2025_10")).toBe(false);
    const euv = s.controls.find((c) => c.id === "nl_euv_2019")!;
    expect(euv.trade.uncontrolled).toBeCloseTo(uncontrolledEuv, 0);
    expect(euv.trade.baseline).toBe(0);
    for (const c of s.controls) expect(c.source).toBeDefined();
  });
});

describe("levier data show", () => {
  it("lists the controls, in force or not, and the baseline notes, as text and JSON", async () => {
    const dir = mkdtempSync(join(tmpdir(), "levier-controls-"));
    try {
      const file = join(dir, "world.yaml");
      writeFileSync(
        file,
        `extends: ${join(FIXTURES, "worlds/tiny.yaml")}\n${control('from: [AA], to: [CC], goods: [tool], cap: 0, since: "2024-01"')}  - { id: c2, name: ended, from: [BB], to: [AA], goods: [chip], cap: 0.5, since: "2020-01", until: "2021-01", source: hand, year: 2025 }\n`,
      );
      const json = await runCli(["data", "show", "--json", "--world", file], dir);
      expect(json.code).toBe(0);
      const doc = JSON.parse(json.stdout);
      expect(doc.controls.map((c: { id: string; inForce: boolean }) => [c.id, c.inForce])).toEqual([
        ["c1", true],
        ["c2", false],
      ]);
      expect(doc.controls[0].trade).toEqual({ uncontrolled: 1.5, baseline: 0 });
      expect(doc.baselineNotes).toHaveLength(1);
      const text = await runCli(["data", "show", "--world", file], dir);
      expect(text.code).toBe(0);
      expect(text.stdout).toContain("Export controls (judged at 2025-12): 1 in force, 1 on record");
      expect(text.stdout).toMatch(/in force +c1 +AA -> CC +tool +0% +0% +2024-01 +hand/);
      expect(text.stdout).toMatch(/not in force +c2 +BB -> AA +chip +50% +0% +2020-01 +2021-01/);
      expect(text.stdout).toContain(
        "CC has no supplier of tool that the controls in force allow (c1)",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the transportation problem of a controlled good", () => {
  // Two suppliers of 10 each; user 1 may not buy from supplier 0.
  const allowed = Uint8Array.of(1, 0, 1, 1);
  const supply = Float64Array.of(10, 10);

  it("is feasible when every set of users uses no more than its allowed suppliers make", () => {
    const t = { allowed, supply, demand: Float64Array.of(15, 5), tol: 1e-12 };
    const plan = maxFlow(t);
    expect(plan.shortfall).toBe(0);
    expect([...plan.received]).toEqual([15, 5]);
    // User 1 gets its 5 from supplier 1, user 0 the 10 of supplier 0 and 5 from supplier 1;
    // with slack on supplier 1's two routes, each allowed route carries something in some plan.
    expect([...unusableRoutes(t, plan)]).toEqual([0, 0, 0, 0]);
  });

  it("finds the users short of supply and the suppliers they depend on when it is not", () => {
    const t = { allowed, supply, demand: Float64Array.of(5, 15), tol: 1e-12 };
    const plan = maxFlow(t);
    expect(plan.shortfall).toBe(5);
    expect(deficientSet(t, plan)).toEqual({ users: [1], suppliers: [1] });
  });

  it("marks the routes no feasible plan can use", () => {
    // Demand 10 and 10: supplier 1 must ship all it has to user 1, so 1 -> 0 carries nothing.
    const t = { allowed, supply, demand: Float64Array.of(10, 10), tol: 1e-12 };
    const plan = maxFlow(t);
    expect(plan.shortfall).toBe(0);
    expect([...unusableRoutes(t, plan)]).toEqual([0, 0, 1, 0]);
  });
});
