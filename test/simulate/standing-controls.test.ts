/**
 * The export controls in force as standing caps in every run: with no measure the world stays at
 * its (controlled) baseline bit for bit; a controlled route carries no more than its baseline
 * flow, so a buyer cut off elsewhere cannot reorder on it unless a scenario lifts the control; a
 * tighter export_control on the route is the tightest allowance; lifting does not restore a need
 * the baseline dropped; and the analyses' withholding runs see the same caps.
 */
import { describe, expect, it } from "vitest";
import { withholdControls } from "../../src/analysis/leverage/withhold.js";
import { fileReader } from "../../src/io/world-files.js";
import { compileWorld } from "../../src/network/compile-world.js";
import type { Network } from "../../src/network/network.js";
import { parseYaml } from "../../src/parse/yaml.js";
import { realise, realiseScenario } from "../../src/run/realise.js";
import { runScenario } from "../../src/run/scenario-run.js";
import { compileScenario } from "../../src/scenario/compile.js";
import { loadScenario } from "../../src/scenario/load.js";
import { standingCaps } from "../../src/scenario/standing.js";
import { type LoadedWorld, loadWorld, patchWorld } from "../../src/world/load.js";
import type { WorldDoc } from "../../src/world/schema.js";
import { loadFixture } from "../helpers/world.js";

/** The tiny world with 20% spare chip capacity and the given controls. */
function world(controls: string): LoadedWorld {
  const base = loadFixture("worlds/tiny.yaml").world!;
  const yaml = `goods:\n  - { id: chip, utilisation: 0.8 }\ncontrols:\n${controls}`;
  const { doc } = parseYaml(yaml, "patch.yaml");
  const { world: w, issues } = patchWorld(base, doc!.value as WorldDoc, doc!);
  if (!w) throw new Error(issues.map((i) => i.message).join("; "));
  return w;
}

/** BB's chips to AA capped at half the pooled flow, with 20% leakage. */
const PARTIAL =
  '  - { id: bb_aa, name: partial, from: [BB], to: [AA], goods: [chip], cap: 0.5, leakage: 0.2, since: "2024-01", source: hand, year: 2025 }\n';
/** AA's tools barred to CC, which has no other supplier: its need is dropped at baseline. */
const BARRED =
  '  - { id: aa_cc, name: barred, from: [AA], to: [CC], goods: [tool], cap: 0, since: "2024-01", source: hand, year: 2025 }\n';

function run(w: LoadedWorld, measures: string, horizon = 12) {
  const text = `name: test\nhorizon: ${horizon}\nmeasures:${measures === "" ? " []" : `\n${measures}`}`;
  const { loaded, issues } = loadScenario(text, "test.yaml", w);
  if (!loaded) throw new Error(issues.map((i) => i.message).join("; "));
  return runScenario(realiseScenario(loaded));
}

/** What `actor`'s pool of `good` used over the run. */
function used(r: ReturnType<typeof run>, actor: string, good: string): number {
  const { net, trace } = r;
  const q = [...Array(net.poolCount).keys()].find(
    (i) => net.actors[net.poolActor[i]!] === actor && net.goods[net.poolGood[i]!] === good,
  )!;
  let sum = 0;
  for (let t = 0; t < trace.months; t++) sum += trace.used[t * net.poolCount + q]!;
  return sum;
}

function atBaseline(net: Network, r: ReturnType<typeof run>): boolean {
  const N = net.nodeCount;
  for (let t = 0; t < r.trace.months; t++)
    for (let k = 0; k < N; k++) if (r.trace.output[t * N + k] !== net.nodeBase[k]) return false;
  return true;
}

const SHOCK = "  - { type: capacity_shock, actors: [CC], goods: [chip], fraction: 1 }";

describe("standing controls in the engine", () => {
  it("keep a world without measures at its baseline exactly", () => {
    const w = world(PARTIAL + BARRED);
    const r = run(w, "", 24);
    const caps = compileScenario({ name: "none", horizon: 24, measures: [] }, w.world, r.net).caps;
    expect(caps.map((c) => [c.label, c.start, c.end])).toEqual([
      ["standing: bb_aa", 1, 24],
      ["standing: aa_cc", 1, 24],
    ]);
    expect(atBaseline(r.net, r)).toBe(true);
    for (const a of r.result.actors) expect(a.valueAddedLost).toBe(0);
  });

  it("keep the default world at its baseline exactly", () => {
    const { world: w } = loadWorld(fileReader());
    const r = run(w!, "", 12);
    expect(r.net.standing!.length).toBeGreaterThan(10);
    expect(atBaseline(r.net, r)).toBe(true);
  });

  it("hold a controlled route at its baseline flow until a scenario lifts the control", () => {
    // CC's chips stop: AA would reorder from BB's spare capacity, but BB -> AA may carry only
    // its baseline flow (plus leakage on orders beyond it, and AA orders no more than it did).
    const w = world(PARTIAL);
    const held = run(w, SHOCK);
    const lifted = run(w, `${SHOCK}\n  - { type: lift_control, controls: [bb_aa] }`);
    const early = run(w, `${SHOCK}\n  - { type: lift_control, controls: [bb_aa], end: 6 }`);
    expect(used(lifted, "AA", "chip")).toBeGreaterThan(used(held, "AA", "chip") * 1.01);
    expect(used(early, "AA", "chip")).toBeGreaterThan(used(held, "AA", "chip"));
    expect(used(early, "AA", "chip")).toBeLessThan(used(lifted, "AA", "chip"));
    const car = (r: ReturnType<typeof run>) => r.result.actors.find((a) => a.id === "AA")!;
    expect(car(lifted).valueAddedLost).toBeLessThan(car(held).valueAddedLost);
  });

  it("compile a lift as the months around it", () => {
    const net = compileWorld(realise(world(PARTIAL).world));
    const caps = standingCaps(net, 12, [{ start: 4, end: 6, controls: ["bb_aa"] }]);
    expect(caps.map((c) => [c.start, c.end, c.value, c.leakage])).toEqual([
      [1, 3, 1, 0.2],
      [7, 12, 1, 0.2],
    ]);
    expect(standingCaps(net, 12, [{ start: 1, end: 12, controls: ["bb_aa"] }])).toEqual([]);
    expect(standingCaps(net, 12, [{ start: 1, end: 12, controls: ["other"] }])).toHaveLength(1);
  });

  it("combine with a tighter export control on the route as its tightest allowance", () => {
    const w = world(PARTIAL);
    const cut = "  - { type: export_control, from: [BB], to: [AA], goods: [chip], cap: 0.2 }";
    const both = run(w, cut);
    const alone = run(w, `${cut}\n  - { type: lift_control, controls: [bb_aa] }`);
    expect(both.trace.output).toEqual(alone.trace.output);
    expect(both.trace.used).toEqual(alone.trace.used);
  });

  it("do not restore, when lifted, a need the baseline dropped", () => {
    const w = world(BARRED);
    const net = compileWorld(realise(w.world));
    const r = run(w, "  - { type: lift_control, controls: [aa_cc] }");
    expect(atBaseline(net, r)).toBe(true);
    expect(used(r, "CC", "tool")).toBe(0);
  });

  it("reach the analyses' withholding runs", () => {
    const net = compileWorld(realise(world(PARTIAL + BARRED).world));
    const c = withholdControls(net, { from: Int32Array.of(0), to: Int32Array.of(1), months: 6 });
    expect(c.caps.map((x) => x.label)).toEqual(["withhold", "standing: bb_aa", "standing: aa_cc"]);
  });

  it("warn when a scenario lifts a control that is not in force, and refuse an unknown one", () => {
    const ended =
      '  - { id: old, name: ended, from: [BB], to: [AA], goods: [chip], cap: 0, since: "2020-01", until: "2021-01", source: hand, year: 2025 }\n';
    const r = run(world(ended), "  - { type: lift_control, controls: [old] }");
    expect(r.warnings.map((x) => x.code)).toEqual(["not-in-force"]);
    const { issues } = loadScenario(
      "name: t\nhorizon: 6\nmeasures:\n  - { type: lift_control, controls: [nope] }\n",
      "t.yaml",
      world(PARTIAL),
    );
    expect(issues.map((i) => `${i.at?.line}:${i.at?.col} ${i.code} ${i.path}`)).toEqual([
      "4:38 unknown-id measures[0].controls[0]",
    ]);
  });
});
