/**
 * What a built game means, in plain words: the equilibria and what each player gets, whether
 * the threat is credible and whether it deters, and the bargaining solution.
 * @module
 */

import { signed } from "../format/number.js";
import { DEFAULT_LOSS_MEASURE, LOSS_MEASURE_MEANING } from "../losses/measure.js";
import type { BargainingResult } from "../strategy/bargaining/nash-bargaining.js";
import type { BargainingResultN } from "../strategy/bargaining/nash-bargaining-n.js";
import type { GameReport } from "../strategy/report/solve.js";
import type { BuiltGame } from "./build.js";
import type { LeverageLevel } from "./leverage.js";
import type { GameSpec } from "./schema.js";

const num = (x: { toNumber(): number } | number) => (typeof x === "number" ? x : x.toNumber());
/** A payoff or probability to 1/1000, with a true minus sign (as every report writes it). */
const fmt = (x: number) => signed(x, 3, true);

/** What a solved game says, as data: each equilibrium in words (who plays what), and, for a
 * sequential game, whether the threat is credible and whether it deters. */
export interface GameVerdicts {
  equilibria: string[];
  threat?: { credible: boolean; deters: boolean };
}

/** A solved bargaining problem: the Nash product over the deals, and (two players) over their
 * convex hull. */
export interface BargainingOutcome {
  finite: BargainingResult | BargainingResultN;
  hull?: BargainingResult;
}

/** The game at one level of a leverage sweep, solved. */
export interface LeverageOutcome {
  level: LeverageLevel;
  built: BuiltGame;
  verdicts: GameVerdicts;
  bargaining?: BargainingOutcome;
}

/** The deals that attain the Nash bargaining solution, by label. */
export function bargainingLabels(f: BargainingResult | BargainingResultN): string[] {
  if (!f.agreement) return [];
  return "maximisers" in f && f.maximisers
    ? f.maximisers.map((m) => m.label)
    : "mix" in f
      ? f.mix.map((m) => m.label)
      : [];
}

/** The node where the threatener decides whether to carry out its threat. */
function threatNode(tree: GameReport, threatener: string) {
  return (tree.threats ?? []).find(
    (t) => t.label === `${threatener} decides whether to carry out the threat`,
  );
}

export function gameVerdicts(
  spec: GameSpec,
  built: BuiltGame,
  normal: GameReport,
  tree?: GameReport,
): GameVerdicts {
  const players = spec.players.map((p) => p.actor);
  const equilibria = normal.equilibria.map((e) =>
    e.strategies
      .map((probs, p) => {
        const labels = built.normal.strategies[p]!;
        const played = probs.map((x, s) => [labels[s]!, num(x)] as const).filter(([, x]) => x > 0);
        return `${players[p]} ${played.length === 1 ? `plays ${played[0]![0]}` : `mixes ${played.map(([l]) => l).join(" and ")}`}`;
      })
      .join("; "),
  );
  const out: GameVerdicts = { equilibria };
  if (tree?.subgamePerfect && spec.sequential) {
    const s = spec.sequential;
    const spe = tree.subgamePerfect;
    const at = (label: string) => spe.choices.find((c) => c.node === label);
    const credible =
      threatNode(tree, s.threatener)?.actions.find((a) => a.action === "execute")?.credible ??
      false;
    const threatens = at(`${s.threatener} decides whether to threaten`)?.action === "threaten";
    const answer = at(
      threatens ? `${s.target} answers the threat` : `${s.target} chooses without a threat`,
    )?.action;
    // A threat deters when it makes the target comply where, without it, it would resist.
    const free = at(`${s.target} chooses without a threat`)?.action;
    out.threat = { credible, deters: threatens && answer === "comply" && free !== "comply" };
  }
  return out;
}

/** The target's and threatener's payoffs along the threat: complying, resisting unthreatened,
 * resisting the threat carried out; `free` = comply − resist unthreatened (how much more the
 * target would have to value resisting to resist), `bite` = what carrying out the threat takes
 * from the target, `own` = what it costs the threatener. */
export function threatReach(spec: GameSpec, built: BuiltGame) {
  const s = spec.sequential!;
  const players = spec.players.map((p) => p.actor);
  const ti = players.indexOf(s.threatener);
  const gi = players.indexOf(s.target);
  const at = (target: string, threatener: string) =>
    built.profiles.find((p) => p.strategies[gi] === target && p.strategies[ti] === threatener)!
      .payoffs;
  const c = at(s.comply, s.idle);
  const ri = at(s.resist, s.idle);
  const rt = at(s.resist, s.threat);
  return {
    comply: c[gi]!,
    resistIdle: ri[gi]!,
    resistThreat: rt[gi]!,
    free: c[gi]! - ri[gi]!,
    bite: ri[gi]! - rt[gi]!,
    own: ri[ti]! - rt[ti]!,
  };
}

export function explainGame(
  spec: GameSpec,
  built: BuiltGame,
  normal: GameReport,
  tree?: GameReport,
  bargaining?: BargainingOutcome,
): string[] {
  const out: string[] = [];
  const players = spec.players.map((p) => p.actor);
  out.push(
    `Payoffs are −(loss in USD bn × economic weight + security-index loss in percentage points × security weight) over ${spec.horizon} months, the loss being the ${spec.loss ?? DEFAULT_LOSS_MEASURE} measure (${LOSS_MEASURE_MEANING[spec.loss ?? DEFAULT_LOSS_MEASURE]}); higher is better, 0 is the status quo.`,
  );
  for (const e of normal.equilibria) {
    const parts = e.strategies.map((probs, p) => {
      const labels = built.normal.strategies[p]!;
      const played = probs.map((x, s) => [labels[s]!, num(x)] as const).filter(([, x]) => x > 0);
      const what =
        played.length === 1
          ? `plays ${played[0]![0]}`
          : `mixes ${played.map(([l, x]) => `${l} ${fmt(x * 100)}%`).join(", ")}`;
      return `${players[p]} ${what} (payoff ${fmt(num(e.payoffs[p]!))})`;
    });
    out.push(`Nash equilibrium: ${parts.join("; ")}.`);
  }
  if (normal.equilibria.length > 1)
    out.push(
      `There are ${normal.equilibria.length} ${normal.method === "pure-equilibria" ? "pure" : "extreme"} equilibria: the outcome depends on expectations.`,
    );
  if (normal.equilibria.length === 0)
    out.push(
      normal.method === "pure-equilibria"
        ? "There is no pure-strategy equilibrium: every profile leaves some player a better answer."
        : "No equilibrium was computed.",
    );
  const verdicts = gameVerdicts(spec, built, normal, tree);
  if (tree?.subgamePerfect && spec.sequential && verdicts.threat) {
    const s = spec.sequential;
    const spe = tree.subgamePerfect;
    const at = (label: string) => spe.choices.find((c) => c.node === label);
    const execute = threatNode(tree, s.threatener);
    const { credible, deters } = verdicts.threat;
    const pay = (a: string) => fmt(num(execute?.actions.find((x) => x.action === a)?.payoff ?? 0));
    out.push(
      `${s.threatener}'s threat to ${s.threat} if ${s.target} chooses ${s.resist} is ${credible ? "credible" : "not credible"}: once ${s.target} has resisted, carrying it out gives ${s.threatener} ${pay("execute")} against ${pay("back down")} for backing down.`,
    );
    const threatens = at(`${s.threatener} decides whether to threaten`)?.action === "threaten";
    const answer = at(
      threatens ? `${s.target} answers the threat` : `${s.target} chooses without a threat`,
    )?.action;
    const free = at(`${s.target} chooses without a threat`)?.action;
    const r = threatReach(spec, built);
    out.push(
      r.free > 0
        ? `What the threat could reach: ${s.target} would play ${s.resist} unthreatened only if it valued it ${fmt(r.free)} more than the payoffs say (its payoff is ${fmt(r.comply)} complying, ${fmt(r.resistIdle)} resisting); carried out, the threat takes ${fmt(r.bite)} more from ${s.target} (and costs ${s.threatener} ${fmt(r.own)}), so even a credible threat could deter ${s.target} only while ${s.resist} is worth at most ${fmt(r.free + r.bite)} more to it.`
        : `What the threat could reach: unthreatened, ${s.target} prefers ${s.resist} by ${fmt(-r.free)}; carried out, the threat takes ${fmt(r.bite)} from it (and costs ${s.threatener} ${fmt(r.own)}): ${r.bite > -r.free ? "enough, were it credible, to make it comply" : "not enough to make it comply even were it credible"}.`,
    );
    out.push(
      `Subgame-perfect play: ${s.threatener} ${threatens ? "threatens" : "does not threaten"}, ${s.target} ${answer === "comply" ? `complies (${s.comply})` : `resists (${s.resist})`}; payoffs ${spe.payoffs.map((x, p) => `${players[p]} ${fmt(num(x))}`).join(", ")}. ${free === "comply" ? `${s.target} complies with or without a threat.` : deters ? `The threat deters: without it ${s.target} would play ${s.resist}.` : credible ? "Even a credible threat does not change the target's choice." : "The threat does not deter, because it is not credible."}`,
    );
  }
  if (bargaining && built.deals) {
    const d = built.deals;
    out.push(
      `Disagreement point (${spec.bargaining!.disagreement.join(" / ")}): ${d.disagreement.map((x, p) => `${players[p]} ${fmt(x)}`).join(", ")}.`,
    );
    if (d.deals.length <= 12)
      out.push(
        `Deals: ${d.deals.map((x) => `${x.id} (${x.payoffs.map((u, p) => `${players[p]} ${fmt(u)}`).join(", ")})`).join("; ")}.`,
      );
    const f = bargaining.finite;
    if (f.agreement) {
      out.push(
        `Nash bargaining over the deals: ${bargainingLabels(f).join(" or ")}, with payoffs ${f.point.map((x, p) => `${players[p]} ${fmt(num(x))}`).join(", ")}.`,
      );
    } else
      out.push(
        `No deal gives ${players.length === 2 ? "both players" : "every player"} more than the disagreement point: no agreement.`,
      );
    const h = bargaining.hull;
    if (h?.agreement && h.mix.length > 1)
      out.push(
        `Allowing mixtures of deals (e.g. over time), the solution mixes ${h.mix.map((m) => `${m.label} ${fmt(num(m.weight) * 100)}%`).join(" and ")}.`,
      );
  }
  return out;
}

/** How the outcome moves with the leverage of `spec.leverage.actor`: the equilibria and the
 * bargaining point at each level of what it withholds. */
export function explainLeverage(spec: GameSpec, levels: readonly LeverageOutcome[]): string[] {
  const l = spec.leverage;
  if (!l || levels.length === 0) return [];
  const players = spec.players.map((p) => p.actor);
  const out = [
    `How the outcome moves with ${l.actor}'s leverage (the goods its conditional_access measures withhold):`,
  ];
  for (const x of levels) {
    const what = x.level.goods.length === 0 ? "nothing" : x.level.goods.join(", ");
    const eq =
      x.verdicts.equilibria.length === 0
        ? "no pure equilibrium"
        : `equilibria ${x.verdicts.equilibria.map((e) => `(${e})`).join(", ")}`;
    const f = x.bargaining?.finite;
    const deal = !f
      ? ""
      : f.agreement
        ? `; Nash bargaining point ${bargainingLabels(f).join(" or ")} (${f.point.map((u, p) => `${players[p]} ${fmt(num(u))}`).join(", ")})`
        : "; no agreement beats the disagreement point";
    const t = x.verdicts.threat;
    const r = spec.sequential ? threatReach(spec, x.built) : undefined;
    const threat =
      t && r
        ? `; the threat is ${t.credible ? "credible" : "not credible"} and ${t.deters ? "deters" : "does not deter"} (carried out, it takes ${fmt(r.bite)} from ${spec.sequential!.target} and costs ${spec.sequential!.threatener} ${fmt(r.own)})`
        : "";
    out.push(`- withholding ${what} (${x.level.id}): ${eq}${threat}${deal}.`);
  }
  return out;
}
