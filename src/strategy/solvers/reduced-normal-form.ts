/**
 * The reduced normal form of an extensive game (Kuhn 1953; von Stengel 2002 §4): a player's
 * pure strategy picks one action at each of their information sets; strategies that differ only
 * at information sets their own earlier choices rule out are merged, and those sets are shown
 * as `*`. Payoffs are expected values over chance. A strategy's label joins its actions in the
 * order the information sets first appear (depth-first), separated by `/`; with one set it is
 * just the action's label.
 *
 * Assumes perfect recall, as Gambit's reduction does: on every path a player's earlier
 * information sets come before later ones in depth-first order.
 * @module
 */
import { addOutcome, type ExtensiveGame, type GameNode, walk } from "../extensive.js";
import { forEachProfile, type NormalFormGame } from "../game.js";
import { Rational } from "../rational.js";

/** Larger normal forms are refused (they grow exponentially with the tree). */
export const MAX_REDUCED_PROFILES = 100_000;

interface Infoset {
  key: string;
  actions: string[];
  /** For each node in the set: the (infoset key, action) choices of the same player above it. */
  requires: [string, number][][];
}

/** An assignment of actions to a player's relevant information sets (absent: `*`). */
type Plan = Map<string, number>;

export function reducedNormalForm(game: ExtensiveGame): NormalFormGame {
  const sets = game.players.map(() => [] as Infoset[]);
  const byKey = new Map<string, Infoset>();
  const above = new Map<GameNode, [number, string, number][]>([[game.root, []]]);
  walk(game, (node) => {
    if (node.kind === "terminal") return;
    const mine = above.get(node) as [number, string, number][];
    if (node.kind === "decision") {
      const key = `${node.player}:${node.infoset}`;
      let set = byKey.get(key);
      if (!set) {
        set = { key, actions: node.actions, requires: [] };
        byKey.set(key, set);
        sets[node.player]?.push(set);
      }
      set.requires.push(mine.filter(([p]) => p === node.player).map(([, k, a]) => [k, a]));
    }
    node.children.forEach((c, a) => {
      const step: [number, string, number][] =
        node.kind === "decision" ? [[node.player, `${node.player}:${node.infoset}`, a]] : [];
      above.set(c, [...mine, ...step]);
    });
  });
  const plans: Plan[][] = [];
  let count = 1;
  for (const s of sets) {
    // Stop enumerating as soon as the profiles would pass the limit.
    plans.push(reducedPlans(s, Math.floor(MAX_REDUCED_PROFILES / count)));
    count *= (plans.at(-1) as Plan[]).length;
  }
  const payoffs = game.players.map(() => [] as Rational[]);
  forEachProfile(
    plans.map((p) => p.length),
    (profile) => {
      const chosen = new Map<string, number>();
      profile.forEach((s, p) => {
        for (const [k, a] of (plans[p] as Plan[])[s] as Plan) chosen.set(k, a);
      });
      const v = playValue(game, chosen);
      v.forEach((x, p) => payoffs[p]?.push(x));
    },
  );
  return {
    title: game.title,
    comment: game.comment,
    players: [...game.players],
    strategies: plans.map((ps, p) => ps.map((plan) => planLabel(plan, sets[p] as Infoset[]))),
    payoffs,
  };
}

/** Every reduced plan of one player, in lexicographic order; RangeError past `limit` plans. */
function reducedPlans(sets: Infoset[], limit: number): Plan[] {
  const out: Plan[] = [];
  const extend = (k: number, plan: Plan) => {
    if (k === sets.length) {
      if (out.length >= limit)
        throw new RangeError(
          `reducedNormalForm: more than ${MAX_REDUCED_PROFILES} strategy profiles in the reduced normal form`,
        );
      out.push(new Map(plan));
      return;
    }
    const set = sets[k] as Infoset;
    const relevant = set.requires.some((req) => req.every(([key, a]) => plan.get(key) === a));
    if (!relevant) {
      extend(k + 1, plan);
      return;
    }
    for (let a = 0; a < set.actions.length; a++) {
      plan.set(set.key, a);
      extend(k + 1, plan);
      plan.delete(set.key);
    }
  };
  extend(0, new Map());
  return out;
}

function planLabel(plan: Plan, sets: Infoset[]): string {
  if (sets.length === 0) return "(no move)";
  return sets
    .map((s) => {
      const a = plan.get(s.key);
      return a === undefined ? "*" : (s.actions[a] as string);
    })
    .join("/");
}

/** Expected payoffs when every information set's action is fixed by `chosen`. */
function playValue(game: ExtensiveGame, chosen: Map<string, number>): Rational[] {
  let total = game.players.map(() => Rational.ZERO);
  const stack: { node: GameNode; p: Rational }[] = [{ node: game.root, p: Rational.ONE }];
  while (stack.length > 0) {
    const { node, p } = stack.pop() as { node: GameNode; p: Rational };
    const here = addOutcome(
      game,
      node,
      game.players.map(() => Rational.ZERO),
    );
    total = total.map((x, i) => x.add(p.mul(here[i] as Rational)));
    if (node.kind === "terminal") continue;
    if (node.kind === "decision") {
      const a = chosen.get(`${node.player}:${node.infoset}`);
      // Reached but ruled out by the player's own plan: only without perfect recall.
      if (a === undefined) throw new RangeError("reducedNormalForm: the game lacks perfect recall");
      stack.push({ node: node.children[a] as GameNode, p });
    } else
      node.children.forEach((c, a) => {
        const q = node.probs[a] as Rational;
        if (!q.isZero()) stack.push({ node: c, p: p.mul(q) });
      });
  }
  return total;
}
