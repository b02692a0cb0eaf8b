/**
 * RAS with upper bounds on cells (src/world/ras-bounded.ts), against answers derived by hand: a
 * bound that binds fixes its cell, and the other cells are the biproportional fit of the rest;
 * a bound that does not bind changes nothing, even where the first scalings pass it; without
 * bounds it is plain RAS to the bit. Where the bounds leave a user short, the maximum flow takes
 * them as capacities and the user's need is scaled down to the minimum cut, with its note.
 */
import { describe, expect, it } from "vitest";
import { parseYaml } from "../../src/parse/yaml.js";
import { realise } from "../../src/run/realise.js";
import { baselineOf, type GoodBaseline } from "../../src/world/baseline.js";
import { fitMargins } from "../../src/world/controlled-margins.js";
import { type LoadedWorld, patchWorld } from "../../src/world/load.js";
import { balance, imbalance } from "../../src/world/ras.js";
import { balanceBounded } from "../../src/world/ras-bounded.js";
import type { WorldDoc } from "../../src/world/schema.js";
import { deficientSet, maxFlow } from "../../src/world/transport.js";
import { loadFixture } from "../helpers/world.js";

const F = (...xs: number[]) => Float64Array.from(xs);
const INF = Infinity;

/** The pooled seed x_s u_b / X: rank one, already balanced. */
function pooled(rows: Float64Array, cols: Float64Array): Float64Array {
  let total = 0;
  for (const x of rows) total += x;
  const out = new Float64Array(rows.length * cols.length);
  rows.forEach((r, s) => {
    cols.forEach((c, u) => {
      out[s * cols.length + u] = (r * c) / total;
    });
  });
  return out;
}

/** Each cell within 1e-11 of the hand answer, relatively (RAS stops at factors within 1e-12). */
function expectCells(got: Float64Array, want: number[]) {
  expect(got.length).toBe(want.length);
  want.forEach((x, c) => {
    if (x === 0) expect(got[c]).toBe(0);
    else expect(Math.abs(got[c]! / x - 1)).toBeLessThan(1e-11);
  });
}

describe("RAS with upper bounds", () => {
  it("fixes a 2 x 2 problem's bounded cell at its bound; the margins give the rest", () => {
    // Rows 70, 30; columns 45, 55. Unbounded, cell (0,0) is 0.7 x 45 = 31.5; bounded at 18.9 it
    // sits at 18.9, and with one degree of freedom the margins fix the other three cells.
    const rows = F(70, 30);
    const cols = F(45, 55);
    const flows = pooled(rows, cols);
    balanceBounded(flows, rows, cols, F(18.9, INF, INF, INF));
    expectCells(flows, [18.9, 51.1, 26.1, 3.9]);
    expect(imbalance(flows, rows, cols)).toBeLessThan(1e-12);
  });

  it("fits the other cells of a 3 x 3 problem biproportionally around a bounded one", () => {
    // Rows r = (5, 3, 2), columns c = (4, 4, 2), X = 10; the pooled seed r_s c_u / X puts 2 in
    // cell (0,0), bounded at 1. The free cells are P_s Q_u (the seed is rank one). With
    // rho = r1 + r2 = 5 and gamma = c1 + c2 = 6, rows 1, 2 and columns 1, 2 give P_s = r_s / Q
    // and Q_u = c_u / P (Q, P the sums of the Q and P); row 0 gives P_0 / P = (r0 - 1) / gamma,
    // column 0 Q_0 / Q = (c0 - 1) / rho, and then PQ = rho gamma / (gamma - r0 + 1) = 15. So
    //   x_0u = c_u (r0 - 1) / gamma = 8/3, 4/3;   x_s0 = r_s (c0 - 1) / rho = 9/5, 6/5;
    //   x_su = r_s c_u / 15 = 12/15, 6/15, 8/15, 4/15 (s, u >= 1).
    // The bound binds: unclamped, cell (0,0) would be P_0 Q_0 = (r0 - 1)(c0 - 1) / (gamma -
    // r0 + 1) = 6 > 1, so these are the least-cross-entropy flows (their KKT conditions).
    const rows = F(5, 3, 2);
    const cols = F(4, 4, 2);
    const flows = pooled(rows, cols);
    const bound = F(1, INF, INF, INF, INF, INF, INF, INF, INF);
    balanceBounded(flows, rows, cols, bound);
    expectCells(flows, [1, 8 / 3, 4 / 3, 9 / 5, 12 / 15, 6 / 15, 6 / 5, 8 / 15, 4 / 15]);
    expect(imbalance(flows, rows, cols)).toBeLessThan(1e-12);
  });

  it("releases a cell that an early scaling clamped when the bound does not bind at the end", () => {
    // Seed r_s c_u w_u with w = (10, 1, 1): the first row scaling sends cell (0,0) to
    // 5 x 40 / 46 = 4.35, above its bound 2.5; the answer is still the unbounded one,
    // r_s c_u / X (a column-weighted rank-one seed balances to it), with cell (0,0) = 2 < 2.5.
    const rows = F(5, 3, 2);
    const cols = F(4, 4, 2);
    const w = [10, 1, 1];
    const flows = pooled(rows, cols).map((x, c) => x * w[c % 3]!);
    const rounds = balanceBounded(
      flows,
      rows,
      cols,
      F(2.5, INF, INF, INF, INF, INF, INF, INF, INF),
    );
    expectCells(flows, [2, 2, 1, 1.2, 1.2, 0.6, 0.8, 0.8, 0.4]);
    expect(rounds).toBeLessThan(1000);
  });

  it("is plain RAS, bit for bit, where no bound binds", () => {
    // A seed with home bias (not rank one): RAS needs many rounds; infinite bounds change none.
    const rows = F(70, 20, 10);
    const cols = F(30, 50, 20);
    const seed = F(40, 20, 10, 3, 15, 2, 1, 2, 7);
    const plain = Float64Array.from(seed);
    balance(plain, rows, cols);
    const bounded = Float64Array.from(seed);
    balanceBounded(bounded, rows, cols, new Float64Array(9).fill(INF));
    expect(bounded).toEqual(plain);
  });
});

describe("bounds a user's allowed suppliers cannot meet", () => {
  it("take the bounds as route capacities in the maximum flow and its minimum cut", () => {
    // Two suppliers of 10; user 0 buys 15 (supplier 1's route to it capped at 2), user 1 buys 5
    // from supplier 1 only. User 0 can get 10 + 2 = 12: the plan lacks 3, the deficient set is
    // user 0 and supplier 0, and the capped route from supplier 1 is full.
    const t = {
      allowed: Uint8Array.of(1, 0, 1, 1),
      capacity: F(INF, INF, 2, INF),
      supply: F(10, 10),
      demand: F(15, 5),
      tol: 1e-12,
    };
    const plan = maxFlow(t);
    expect(plan.shortfall).toBeCloseTo(3, 12);
    expect([...plan.received]).toEqual([12, 5]);
    expect(plan.flow[2]).toBe(2);
    expect(deficientSet(t, plan)).toEqual({ users: [0], suppliers: [0] });
  });

  it("scale the user's need down to what it can get, and its freed supply goes to the others", () => {
    // The same problem: user 0 is scaled to 12 (k = 0.8) and the 3 it no longer takes goes to
    // user 1's final use; then supplier 1 ships 2 to user 0 and 8 to user 1.
    const m = {
      output: F(10, 10),
      use: F(15, 5),
      finalUse: F(5, 1),
      needScale: F(1, 1),
      finalWeight: F(0.5, 0.5),
    };
    const allowed = Uint8Array.of(1, 0, 1, 1);
    const capacity = F(INF, INF, 2, INF);
    const fitted = fitMargins(m, allowed, capacity);
    expect(fitted.adjustments).toEqual([{ user: 0, kind: "scaled", before: 15, after: 12 }]);
    expect([...m.use]).toEqual([12, 8]);
    expect([...m.needScale]).toEqual([0.8, 1]);
    expect([...m.finalUse]).toEqual([4, 4]);
    expect(fitted.shortfall).toBe(0);
    const flows = F(10, 0, 4, 4);
    balanceBounded(flows, m.output, m.use, capacity);
    expectCells(flows, [10, 0, 2, 8]);
  });

  it("in the baseline year: the buyer is scaled to the minimum cut and a note says so", () => {
    // tiny world, chip: BB makes 70, CC 30; CC uses 55 (30 for cars, 25 final), AA 45 (20 + 25).
    // BB -> CC capped at 0.1 of its uncontrolled 0.7 x 55 = 38.5: CC can get its own 30 and 3.85
    // from BB, 33.85 of 55 (scaled down by 38.5%); the 21.15 it gives up goes to AA's final use.
    const w = patched(
      'controls:\n  - { id: c1, name: capped, from: [BB], to: [CC], goods: [chip], cap: 0.1, since: "2024-01", source: hand, year: 2025 }\n',
    );
    const b = baselineOf(realise(w.world));
    const chip = b.goods.find((g) => g.good === "chip")!;
    const cc = chip.users.indexOf("CC");
    const aa = chip.users.indexOf("AA");
    expect(chip.use[cc]).toBeCloseTo(33.85, 12);
    expect(chip.needScale[cc]).toBeCloseTo(33.85 / 55, 12);
    expect(chip.finalUse[cc]).toBeCloseTo((25 * 33.85) / 55, 12);
    expect(chip.finalUse[aa]).toBeCloseTo(25 + 21.15, 12);
    expect(flow(chip, "BB", "CC")).toBeCloseTo(3.85, 9);
    expect(flow(chip, "CC", "CC")).toBeCloseTo(30, 9);
    expect(flow(chip, "BB", "AA")).toBeCloseTo(66.15, 9);
    expect(flow(chip, "CC", "AA")).toBe(0);
    expect(imbalance(chip.flows, chip.output, chip.use)).toBeLessThan(1e-12);
    expect(b.notes.map((n) => [n.kind, n.actor, n.controls])).toEqual([["scaled", "CC", ["c1"]]]);
    expect(b.notes[0]!.text).toContain("CC can get only 33.85 of the 55 units a year of chip");
    expect(b.notes[0]!.text).toContain("scaled down by 38.5%");
  });
});

function patched(yaml: string): LoadedWorld {
  const base = loadFixture("worlds/tiny.yaml").world!;
  const { doc } = parseYaml(yaml, "patch.yaml");
  const { world, issues } = patchWorld(base, doc!.value as WorldDoc, doc!);
  if (!world) throw new Error(issues.map((i) => i.message).join("; "));
  return world;
}

function flow(gb: GoodBaseline, from: string, to: string): number {
  const s = gb.suppliers.indexOf(from);
  const u = gb.users.indexOf(to);
  return gb.flows[s * gb.users.length + u]!;
}
