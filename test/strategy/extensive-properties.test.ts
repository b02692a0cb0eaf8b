/**
 * Invariants on seeded random perfect-information trees with chance nodes:
 * - .efg and JSON write → read preserve the game (JSON up to folding outcomes into leaves);
 * - the subgame-perfect profile, read as a reduced-normal-form profile, is a pure Nash
 *   equilibrium with the same payoffs (backward induction against the normal-form solvers);
 * - every action marked credible is one backward induction could pick (a best action).
 */
import { describe, expect, it } from "vitest";
import type { ExtensiveGame, GameNode } from "../../src/strategy/extensive.js";
import { readEfg } from "../../src/strategy/formats/efg-read.js";
import { writeEfg } from "../../src/strategy/formats/efg-write.js";
import { extensiveToJson } from "../../src/strategy/formats/json-extensive.js";
import { readJsonGame } from "../../src/strategy/formats/json-read.js";
import { payoff } from "../../src/strategy/game.js";
import { subgamePerfect, threats } from "../../src/strategy/solvers/backward-induction.js";
import { pureEquilibria } from "../../src/strategy/solvers/pure-equilibria.js";
import { reducedNormalForm } from "../../src/strategy/solvers/reduced-normal-form.js";
import { seededRng } from "./helpers/random-games.js";
import { randomTree } from "./helpers/random-trees.js";

const TREES: ExtensiveGame[] = [];
const rng = seededRng(4242);
for (let i = 0; i < 150; i++) TREES.push(randomTree(rng, 2 + (i % 2), 4));

/** The reduced-normal-form label of the strategy that backward induction gives player p. */
function speStrategyLabel(game: ExtensiveGame, p: number): string {
  const spe = subgamePerfect(game);
  const byPath = new Map(
    spe.decisions.map((d) => [d.path.join("\u0000"), d.actions[d.chosen] as string]),
  );
  const labels: string[] = [];
  // Walk the tree in the order the reduced normal form lists information sets (depth-first),
  // marking sets ruled out by the player's own earlier choices with "*".
  const visit = (node: GameNode, path: string[], reachable: boolean) => {
    if (node.kind === "terminal") return;
    let ownChoice: string | undefined;
    if (node.kind === "decision" && node.player === p) {
      ownChoice = byPath.get(path.join("\u0000"));
      labels.push(reachable ? (ownChoice as string) : "*");
    }
    node.children.forEach((c, a) => {
      const action = node.actions[a] as string;
      visit(c, [...path, action], reachable && (ownChoice === undefined || ownChoice === action));
    });
  };
  visit(game.root, [], true);
  return labels.length === 0 ? "(no move)" : labels.join("/");
}

describe("random perfect-information trees", () => {
  it(".efg write → read is the identity", () => {
    for (const game of TREES) {
      const back = readEfg(writeEfg(game), "t.efg");
      expect(back.issues).toEqual([]);
      expect(JSON.stringify(back.game)).toBe(JSON.stringify(game));
    }
  });

  it("JSON write → read keeps the subgame-perfect payoffs and the reduced normal form", () => {
    for (const game of TREES.slice(0, 40)) {
      const back = readJsonGame(JSON.stringify(extensiveToJson(game)), "t.json");
      expect(back.issues).toEqual([]);
      const again = back.game?.game as ExtensiveGame;
      expect(subgamePerfect(again).payoffs.map(String)).toEqual(
        subgamePerfect(game).payoffs.map(String),
      );
      expect(JSON.stringify(reducedNormalForm(again).payoffs)).toBe(
        JSON.stringify(reducedNormalForm(game).payoffs),
      );
    }
  });

  it("the subgame-perfect profile is a pure equilibrium of the reduced normal form", () => {
    for (const game of TREES) {
      const nf = reducedNormalForm(game);
      const profile = game.players.map(
        (_, p) => nf.strategies[p]?.indexOf(speStrategyLabel(game, p)) ?? -1,
      );
      expect(profile.every((s) => s >= 0)).toBe(true);
      const equilibria = pureEquilibria(nf).map((e) => e.profile.join(","));
      expect(equilibria).toContain(profile.join(","));
      const spe = subgamePerfect(game);
      expect(game.players.map((_, p) => String(payoff(nf, p, profile)))).toEqual(
        spe.payoffs.map(String),
      );
    }
  });

  it("marks exactly the best actions credible", () => {
    for (const game of TREES) {
      const spe = subgamePerfect(game);
      for (const t of threats(spe)) {
        const top = t.actions.reduce(
          (m, a) => (a.payoff.gt(m) ? a.payoff : m),
          t.actions[0]!.payoff,
        );
        for (const a of t.actions) expect(a.credible).toBe(a.payoff.eq(top));
      }
    }
  });
});
