/**
 * Builds games from simulations: every strategy profile of the players is run through the
 * simulator (the measures of the strategies played, together), and each player's payoff is
 * −(w_e · loss in USD bn + w_s · security-index loss in percentage points) of its actor over
 * the horizon (the loss in the spec's measure, the total welfare loss by default), plus the strategy's stated stake (what it is worth beyond what the
 * simulator measures), plus the joint stakes of the profile (stated payoffs of what several
 * players play together), minus w_e × the compliance cost over the horizon of the rules the
 * strategy adopts (the rule book), rounded to 1/1000 and kept as an exact rational. A player
 * that adopts a rule keeps the access that conditional_access measures condition on it. A
 * threat sequence becomes a game tree; deals (and, when asked, every profile) become a
 * bargaining problem with the disagreement profile as disagreement.
 * @module
 */

import type { Measure } from "../scenario/schema.js";
import type { ExtensiveGame, GameNode, Outcome } from "../strategy/extensive.js";
import type { NormalFormGame } from "../strategy/game.js";
import { Rational } from "../strategy/rational.js";
import type { GameSpec } from "./schema.js";

/** What the simulator says of one set of measures, per actor id; `index` is the set's place in
 * `measureSets(spec)` (so that every set can be simulated first, as one batch). */
export type Evaluate = (
  measures: Measure[],
  index: number,
) => ReadonlyMap<string, { loss: number; securityIndexLoss: number }>;

export interface ProfileOutcome {
  strategies: string[];
  payoffs: number[];
  /** Each player's loss in the spec's measure, USD over the horizon. */
  loss: number[];
  securityIndexLoss: number[];
  /** Each player's compliance cost of the rules it adopts, USD over the horizon (when any
   * strategy adopts a rule). */
  compliance?: number[];
  /** Each player's joint stakes in this profile, payoff units (when the spec states any). */
  jointStakes?: number[];
}

/** The compliance cost of `actor` adopting `rule` over the spec's horizon, USD. */
export type ComplianceCost = (actor: string, rule: string) => number;

export interface DealOutcome {
  id: string;
  payoffs: number[];
}

export interface BuiltGame {
  normal: NormalFormGame;
  profiles: ProfileOutcome[];
  sequential?: ExtensiveGame;
  deals?: { disagreement: number[]; deals: DealOutcome[] };
}

type Strategy = GameSpec["players"][number]["strategies"][number];

export const DEFAULT_WEIGHTS = { economic: 1, security: 1 } as const;

export function payoffOf(
  weights: { economic: number; security: number },
  loss: number,
  securityIndexLoss: number,
): number {
  const u = -(weights.economic * (loss / 1e9) + weights.security * (100 * securityIndexLoss));
  return Math.round(u * 1000) / 1000 + 0;
}

const exact = (x: number) => Rational.of(Math.round(x * 1000), 1000);

/** The strategies of profile k, in Gambit's order: the first player's strategy varies fastest. */
function profileStrategies(spec: GameSpec, k: number) {
  let rest = k;
  return spec.players.map((p) => {
    const s = p.strategies[rest % p.strategies.length]!;
    rest = Math.floor(rest / p.strategies.length);
    return s;
  });
}

function profileCount(spec: GameSpec): number {
  return spec.players.reduce((n, p) => n * p.strategies.length, 1);
}

/** The strategies a deal plays. */
function dealStrategies(
  spec: GameSpec,
  deal: NonNullable<NonNullable<GameSpec["bargaining"]>["deals"]>[number],
) {
  return deal.strategies.map((id, p) => spec.players[p]!.strategies.find((x) => x.id === id)!);
}

/** Every set of measures a game is built from, in the order `buildGame` evaluates them: each
 * strategy profile (Gambit's order), then each deal with the strategies it plays. */
export function measureSets(spec: GameSpec): Measure[][] {
  const sets: Measure[][] = [];
  for (let k = 0; k < profileCount(spec); k++)
    sets.push(profileStrategies(spec, k).flatMap((s) => s.measures));
  for (const deal of spec.bargaining?.deals ?? [])
    sets.push([...dealStrategies(spec, deal).flatMap((x) => x.measures), ...deal.measures]);
  return sets;
}

/** Who adopts which rules in each set of `measureSets` (the same order): player actor → rules. */
export function adoptionSets(spec: GameSpec): Map<string, string[]>[] {
  const of = (played: Strategy[]) =>
    new Map(
      played.flatMap((s, p) => (s.adopts?.length ? [[spec.players[p]!.actor, s.adopts]] : [])),
    );
  const sets: Map<string, string[]>[] = [];
  for (let k = 0; k < profileCount(spec); k++) sets.push(of(profileStrategies(spec, k)));
  for (const deal of spec.bargaining?.deals ?? []) sets.push(of(dealStrategies(spec, deal)));
  return sets;
}

/** Each player's joint stakes when `played` is played (0 where none applies). */
export function jointStakesOf(spec: GameSpec, played: readonly Strategy[]): number[] {
  const out = spec.players.map(() => 0);
  for (const j of spec.jointStakes ?? []) {
    const applies = Object.entries(j.when).every(([actor, ids]) => {
      const p = spec.players.findIndex((x) => x.actor === actor);
      return p >= 0 && ids.includes(played[p]!.id);
    });
    if (!applies) continue;
    spec.players.forEach((p, i) => {
      out[i] = out[i]! + (j.stakes[p.actor] ?? 0);
    });
  }
  return out;
}

export function buildGame(
  spec: GameSpec,
  evaluate: Evaluate,
  compliance: ComplianceCost = () => 0,
): BuiltGame {
  const players = spec.players;
  const total = profileCount(spec);
  const sets = measureSets(spec);
  const adopting = players.some((p) => p.strategies.some((s) => s.adopts?.length));
  const joint = (spec.jointStakes?.length ?? 0) > 0;
  const payoffs: Rational[][] = players.map(() => []);
  const profiles: ProfileOutcome[] = [];
  const outcomeOf = (index: number) => {
    const results = evaluate(sets[index]!, index);
    return players.map((p) => results.get(p.actor) ?? { loss: 0, securityIndexLoss: 0 });
  };
  /** Payoffs, compliance costs and joint stakes of the strategies played, given the outcome. */
  const score = (played: Strategy[], res: ReturnType<typeof outcomeOf>) => {
    const js = jointStakesOf(spec, played);
    const cost = played.map((s, p) =>
      (s.adopts ?? []).reduce((c, rule) => c + compliance(players[p]!.actor, rule), 0),
    );
    const u = res.map((r, p) => {
      const w = players[p]!.weights ?? DEFAULT_WEIGHTS;
      const x =
        payoffOf(w, r.loss, r.securityIndexLoss) +
        (played[p]!.stake ?? 0) +
        js[p]! -
        (w.economic * cost[p]!) / 1e9;
      return Math.round(x * 1000) / 1000 + 0;
    });
    return { u, cost, js };
  };
  for (let k = 0; k < total; k++) {
    const strategies = profileStrategies(spec, k);
    const res = outcomeOf(k);
    const { u, cost, js } = score(strategies, res);
    u.forEach((x, p) => payoffs[p]!.push(exact(x)));
    profiles.push({
      strategies: strategies.map((s) => s.id),
      payoffs: u,
      loss: res.map((r) => r.loss),
      securityIndexLoss: res.map((r) => r.securityIndexLoss),
      ...(adopting ? { compliance: cost } : {}),
      ...(joint ? { jointStakes: js } : {}),
    });
  }
  const normal: NormalFormGame = {
    title: spec.name,
    comment: spec.description?.trim() ?? "",
    players: players.map((p) => p.actor),
    strategies: players.map((p) => p.strategies.map((s) => s.id)),
    payoffs,
  };
  const built: BuiltGame = { normal, profiles };
  if (spec.sequential) built.sequential = threatTree(spec, profiles);
  if (spec.bargaining) {
    const b = spec.bargaining;
    const d = profiles.find((p) => p.strategies.every((s, i) => s === b.disagreement[i]))!;
    const deals = (b.deals ?? []).map((deal, j) => ({
      id: deal.id,
      payoffs: score(dealStrategies(spec, deal), outcomeOf(total + j)).u,
    }));
    if (b.profiles)
      for (const p of profiles) deals.push({ id: p.strategies.join("/"), payoffs: p.payoffs });
    built.deals = { disagreement: d.payoffs, deals };
  }
  return built;
}

/**
 * threaten → the target complies or resists → the threatener executes or backs down; without a
 * threat the target chooses freely. Payoffs come from the profiles of the normal form.
 */
function threatTree(spec: GameSpec, profiles: ProfileOutcome[]): ExtensiveGame {
  const s = spec.sequential!;
  const players = spec.players.map((p) => p.actor);
  const ti = players.indexOf(s.threatener);
  const gi = players.indexOf(s.target);
  const outcomes: Outcome[] = [];
  const leaf = (target: string, threatener: string): GameNode => {
    const p = profiles.find(
      (x) =>
        x.strategies[gi] === target &&
        x.strategies[ti] === threatener &&
        x.strategies.every(
          (st, i) => i === gi || i === ti || st === spec.players[i]!.strategies[0]!.id,
        ),
    )!;
    outcomes.push({
      label: `${s.target} ${target}, ${s.threatener} ${threatener}`,
      payoffs: p.payoffs.map(exact),
    });
    return { kind: "terminal", label: "", outcome: outcomes.length - 1 };
  };
  const decide = (
    player: number,
    infoset: number,
    label: string,
    actions: string[],
    children: GameNode[],
  ): GameNode => ({
    kind: "decision",
    label,
    player,
    infoset,
    infosetLabel: label,
    actions,
    children,
  });
  const root = decide(
    ti,
    1,
    `${s.threatener} decides whether to threaten`,
    ["threaten", "do not threaten"],
    [
      decide(
        gi,
        1,
        `${s.target} answers the threat`,
        ["comply", "resist"],
        [
          leaf(s.comply, s.idle),
          decide(
            ti,
            2,
            `${s.threatener} decides whether to carry out the threat`,
            ["execute", "back down"],
            [leaf(s.resist, s.threat), leaf(s.resist, s.idle)],
          ),
        ],
      ),
      decide(
        gi,
        2,
        `${s.target} chooses without a threat`,
        ["comply", "resist"],
        [leaf(s.comply, s.idle), leaf(s.resist, s.idle)],
      ),
    ],
  );
  return { title: `${spec.name}: threat sequence`, comment: "", players, outcomes, root };
}
