/**
 * The join: a chain good's net final demand (world output less what the chain's recipes use)
 * is in reality mostly bought by the industries downstream of the chain. The join moves it into
 * the sectors' recipes. For good g with net final demand F_g (its unit) and sector t of world
 * output X_t (USD bn):
 *
 *   perUnit(g → t) = σ_gt · F_g / X_t,
 *
 * where σ_gt is the share of F_g that t buys: the rule's own share for the sectors it names;
 * for the others, the rest R = 1 − (final share) − Σ named shares, shared in proportion to each
 * sector's purchases of the rule's `restBy` sector in the table (the table's electrical and
 * optical equipment row for chips, its business-services rows for cloud and software). The
 * final share stays final demand (households' own use). Ranges follow the shares' ranges.
 * @module
 */
import type { Issue } from "../diagnostics/issue.js";
import { pct } from "../format/number.js";
import { bounds, central, type Quantity } from "../world/quantity.js";
import type { Assumptions, JoinRule, Located } from "./crosswalk.js";
import type { Economy } from "./economy.js";

export interface JoinedInput {
  good: string;
  sector: number;
  /** Share of the good's net final demand (central, low, high). */
  share: [number, number, number];
  perUnit: [number, number, number];
  criticality: Quantity;
}

export interface JoinResult {
  inputs: JoinedInput[];
  /** Per good: its net final demand before the join, and the share that stays final. */
  goods: { good: string; netFinal: number; unit: string; final: number }[];
}

export function joinChain(
  eco: Economy,
  as: Located<Assumptions>,
  netFinal: ReadonlyMap<string, { value: number; unit: string }>,
): { result?: JoinResult; issues: Issue[] } {
  const issues: Issue[] = [];
  const S = eco.sectors.length;
  const index = new Map(eco.sectors.map((s, i) => [s, i]));
  const inputs: JoinedInput[] = [];
  const goods: JoinResult["goods"] = [];
  as.value.join.forEach((rule: JoinRule, k) => {
    const nfd = netFinal.get(rule.good);
    if (!nfd || !(nfd.value > 0)) {
      issues.push({
        severity: "error",
        code: "no-final-demand",
        at: as.doc.locate(["join", k, "good"]),
        message: `${rule.good} has no net final demand to move into the sectors (found ${nfd?.value ?? 0})`,
      });
      return;
    }
    const fixed = Object.entries(rule.sectors ?? {}).map(([id, q]) => [index.get(id)!, q] as const);
    const range = (q: Quantity): [number, number, number] => {
      const [lo, hi] = bounds(q);
      return [central(q), lo, hi];
    };
    const fin = range(rule.final);
    const named = fixed.map(([, q]) => range(q));
    const rest: [number, number, number] = [
      1 - fin[0] - named.reduce((t, r) => t + r[0], 0),
      Math.max(0, 1 - fin[2] - named.reduce((t, r) => t + r[2], 0)),
      Math.min(1, 1 - fin[1] - named.reduce((t, r) => t + r[1], 0)),
    ];
    if (rest[0] < -1e-9) {
      issues.push({
        severity: "error",
        code: "shares-sum",
        at: as.doc.locate(["join", k, "sectors"]),
        message: `the final share and the named sectors' shares of ${rule.good} add up to ${1 - rest[0]}; expected at most 1`,
      });
      return;
    }
    const others = (rule.restAmong ?? eco.sectors)
      .map((id) => index.get(id)!)
      .filter((t) => !fixed.some(([f]) => f === t));
    const by = rule.restBy === undefined ? undefined : index.get(rule.restBy)!;
    const key = others.map((t) => (by === undefined ? 0 : eco.purchases[by * S + t]!));
    const total = key.reduce((a, b) => a + b, 0);
    if (rest[0] > 1e-9 && !(total > 0)) {
      issues.push({
        severity: "error",
        code: "no-rest-key",
        at: as.doc.locate(["join", k, rule.restBy === undefined ? "good" : "restBy"]),
        message: `${pct(rest[0], 1)} of ${rule.good} is left to share, but no restBy sector gives a key among the other sectors; name one, or give every share`,
      });
      return;
    }
    const spread = rule.restSpread ?? 0;
    const shares = new Map<number, [number, number, number]>(fixed.map(([t], i) => [t, named[i]!]));
    others.forEach((t, i) => {
      const w = total > 0 ? key[i]! / total : 0;
      shares.set(t, [
        rest[0] * w,
        rest[1] * w * (1 - spread),
        Math.min(1, rest[2] * w * (1 + spread)),
      ]);
    });
    for (let t = 0; t < S; t++) {
      const share = shares.get(t);
      if (!share) continue;
      if (!(share[0] > 0) || !(eco.output[t]! > 0)) continue;
      const scale = nfd.value / eco.output[t]!;
      inputs.push({
        good: rule.good,
        sector: t,
        share,
        perUnit: [share[0] * scale, share[1] * scale, share[2] * scale],
        criticality: rule.criticality[eco.sectors[t]!] ?? rule.criticality.default!,
      });
    }
    goods.push({ good: rule.good, netFinal: nfd.value, unit: nfd.unit, final: fin[0] });
  });
  return issues.length > 0 ? { issues } : { result: { inputs, goods }, issues: [] };
}
