/**
 * Bilateral seed flows of the chain goods the crosswalk names in `chainFlows`, from the
 * destinations of their table industry's sales. For supplier s and buyer b of good g made in
 * industry i (the crosswalk's `chainGoods`), with the table aggregated to actors (regions
 * mapped, the carved states split out of their region) but not yet scaled:
 *
 *   share(s → b) = (Σ_j z[(s, i), (b, j)] + y[(s, i), b]) / Σ_b' (same for b'),
 *   volume(s → b) = x_s(g) · share(s → b),
 *
 * negative cells (inventory run-downs) dropped, x_s(g) being s's output of g in the good's unit
 * (its supplier share × world output, or its stated output). Only imports (s ≠ b) are written:
 * the baseline lets a buyer's own industry supply the rest of its use, then balances the seed
 * (RAS) to the good's outputs and uses (docs/model.md §2). A supplier buyer that imports none
 * gets one row of volume 0, so that it buys at home rather than from the pooled market.
 * @module
 */
import type { Issue } from "../diagnostics/issue.js";
import { figure, type RealWorld } from "../world/realised.js";
import type { Flow, Source } from "../world/schema.js";
import type { Accounts } from "./accounts.js";
import { type Crosswalk, industriesOf } from "./crosswalk.js";
import { sig } from "./sector-goods.js";

/** share[a * A + b]: the share of actor a's sales of `industry` that actor b buys. */
export function salesShares(acc: Accounts, industry: string): Float64Array {
  const A = acc.actors.length;
  const C = acc.codes.length;
  const m = A * C;
  const i = acc.codes.indexOf(industry);
  const share = new Float64Array(A * A);
  if (i < 0) return share;
  for (let a = 0; a < A; a++) {
    const p = a * C + i;
    for (let q = 0; q < m; q++) {
      const v = acc.z[p * m + q]!;
      if (v > 0) share[a * A + Math.floor(q / C)] = share[a * A + Math.floor(q / C)]! + v;
    }
    let total = 0;
    for (let b = 0; b < A; b++) {
      share[a * A + b] = share[a * A + b]! + Math.max(0, acc.y[p * A + b]!);
      total += share[a * A + b]!;
    }
    for (let b = 0; b < A; b++) share[a * A + b] = total > 0 ? share[a * A + b]! / total : 0;
  }
  return share;
}

/** The seed flow rows of each good in `cw.chainFlows`; `acc` over (actor, table industry). */
export function chainFlowRows(
  world: RealWorld,
  cw: Crosswalk,
  acc: Accounts,
  source: string,
  year: number,
): { flows: Flow[]; issues: Issue[] } {
  const A = acc.actors.length;
  const flows: Flow[] = [];
  const issues: Issue[] = [];
  for (const good of cw.chainFlows ?? []) {
    const g = world.goods.find((x) => x.id === good)!;
    const share = new Float64Array(A * A);
    for (const [industry, w] of industriesOf(cw.chainGoods[good]!)) {
      const s = salesShares(acc, industry);
      for (let k = 0; k < share.length; k++) share[k] = share[k]! + w * s[k]!;
    }
    const output = new Float64Array(A);
    for (const s of world.suppliers) {
      const a = acc.actors.indexOf(s.actor);
      if (s.good !== good || a < 0) continue;
      output[a] =
        s.share !== undefined ? figure(s.share) * figure(g.globalOutput) : figure(s.output!);
    }
    const unsold = acc.actors.filter((_, a) => output[a]! > 0 && !(rowSum(share, a, A) > 0));
    if (unsold.length > 0) {
      issues.push({
        severity: "warning",
        code: "no-chain-flows",
        message: `${good}: ${unsold.join(", ")} supply it but sell nothing of its table industry; its flows are left to the pooled market`,
      });
      continue;
    }
    acc.actors.forEach((to, b) => {
      let imports = 0;
      acc.actors.forEach((from, a) => {
        const v = output[a]! * share[a * A + b]!;
        if (a === b || !(v > 0)) return;
        flows.push({ good, from, to, volume: sig(v), source, year });
        imports++;
      });
      const from = acc.actors.find((x, a) => x !== to && output[a]! > 0);
      if (imports === 0 && output[b]! > 0 && from)
        flows.push({ good, from, to, volume: 0, source, year });
    });
  }
  return { flows, issues };
}

/** The derived source the rows cite, its note giving the arithmetic. */
export function chainFlowSource(id: string, cw: Crosswalk, year: number): Source {
  const goods = (cw.chainFlows ?? [])
    .map((g) => {
      const parts = industriesOf(cw.chainGoods[g]!);
      return `${g} ${parts.map(([i, w]) => (parts.length > 1 ? `${i} ${w}` : i)).join("/")}`;
    })
    .join(", ");
  return {
    id,
    kind: "derived",
    publisher: `levier (derived from ${cw.table.source})`,
    title: "Chain goods: bilateral seed flows from their industries' sales by destination",
    year,
    note: `Goods and the table industries whose sales give their destinations: ${goods}. volume(s -> b) = s's output of the good in its unit (supplier share x world output) x share(s -> b), share(s -> b) = what s's industry sells to b's industries and final use (households, government, capital formation, inventories; negative cells dropped) / all it sells, in the ${cw.table.source} table of ${cw.table.year} with its regions mapped to actors and the carved states split out of ${cw.carve?.from ?? "no region"} in proportion to GDP (each keeps the region's internal sales as its own domestic sales), before scaling to GDP. Only imports (s != b) are rows: the buyer's own industry supplies the rest of its use, and the baseline balances the seed (RAS) to the good's supplier outputs and uses.`,
  };
}

function rowSum(share: Float64Array, a: number, A: number): number {
  let t = 0;
  for (let b = 0; b < A; b++) t += share[a * A + b]!;
  return t;
}
