/**
 * Seeded random extensive games of perfect information (with chance nodes) for property tests.
 */
import type { ExtensiveGame, GameNode, Outcome } from "../../../src/strategy/extensive.js";
import { Rational } from "../../../src/strategy/rational.js";
import { type Rng, randomInt } from "./random-games.js";

export function randomTree(rng: Rng, players: number, depth: number): ExtensiveGame {
  const outcomes: Outcome[] = [];
  const infosets = Array.from({ length: players + 1 }, () => 0);
  const node = (d: number): GameNode => {
    const roll = rng();
    if (d === 0 || roll < 0.2) {
      outcomes.push({
        label: `o${outcomes.length + 1}`,
        payoffs: Array.from({ length: players }, () => Rational.of(randomInt(rng, -3, 3))),
      });
      return { kind: "terminal", label: "", outcome: outcomes.length - 1 };
    }
    const k = randomInt(rng, 1, 3);
    const actions = Array.from({ length: k }, (_, a) => `a${a}`);
    const children = actions.map(() => node(d - 1));
    if (roll < 0.35) {
      const weights = actions.map(() => randomInt(rng, 0, 3));
      const total = weights.reduce((a, b) => a + b, 0) || 1;
      const probs = weights.map((w, i) =>
        weights.every((x) => x === 0) ? Rational.of(i === 0 ? 1 : 0) : Rational.of(w, total),
      );
      return {
        kind: "chance",
        label: "",
        infoset: ++infosets[players]!,
        infosetLabel: "",
        actions,
        probs,
        children,
      };
    }
    const player = randomInt(rng, 0, players - 1);
    return {
      kind: "decision",
      label: "",
      player,
      infoset: ++infosets[player]!,
      infosetLabel: "",
      actions,
      children,
    };
  };
  const root = node(depth);
  return {
    title: "random tree",
    comment: "",
    players: Array.from({ length: players }, (_, p) => `P${p + 1}`),
    outcomes,
    root,
  };
}
