/**
 * Extensive-form (game tree) games as plain data, in the shape of Gambit's .efg format: decision
 * nodes belong to a player's information set, chance nodes carry probabilities, and outcomes
 * (payoff vectors) may sit on any node; a play's payoff is the sum of the outcomes along its
 * path. Players are numbered from 0 here (from 1 in the file).
 * @module
 */
import type { Rational } from "./rational.js";

export interface Outcome {
  label: string;
  /** One payoff per player. */
  payoffs: Rational[];
}

interface NodeBase {
  label: string;
  /** Index into `ExtensiveGame.outcomes`, or undefined for none. */
  outcome?: number;
}

export interface DecisionNode extends NodeBase {
  kind: "decision";
  player: number;
  /** The information set's number within the player (as in the file, 1-based). */
  infoset: number;
  infosetLabel: string;
  actions: string[];
  children: GameNode[];
}

export interface ChanceNode extends NodeBase {
  kind: "chance";
  infoset: number;
  infosetLabel: string;
  actions: string[];
  /** Probabilities of the actions, summing to 1. */
  probs: Rational[];
  children: GameNode[];
}

export interface TerminalNode extends NodeBase {
  kind: "terminal";
}

export type GameNode = DecisionNode | ChanceNode | TerminalNode;

export interface ExtensiveGame {
  title: string;
  comment: string;
  players: string[];
  outcomes: Outcome[];
  root: GameNode;
}

/** Every node in depth-first preorder, with the action labels leading to it. */
export function walk(
  game: ExtensiveGame,
  f: (node: GameNode, path: readonly string[]) => void,
): void {
  const stack: { node: GameNode; path: string[] }[] = [{ node: game.root, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop() as { node: GameNode; path: string[] };
    f(node, path);
    if (node.kind === "terminal") continue;
    for (let a = node.children.length - 1; a >= 0; a--)
      stack.push({
        node: node.children[a] as GameNode,
        path: [...path, node.actions[a] as string],
      });
  }
}

/** True when every information set holds exactly one node (perfect information). */
export function isPerfectInformation(game: ExtensiveGame): boolean {
  const seen = new Set<string>();
  let perfect = true;
  walk(game, (node) => {
    if (node.kind !== "decision") return;
    const key = `${node.player}:${node.infoset}`;
    if (seen.has(key)) perfect = false;
    seen.add(key);
  });
  return perfect;
}

/** The outcome payoffs of a node added to `acc` (which is returned). */
export function addOutcome(game: ExtensiveGame, node: GameNode, acc: Rational[]): Rational[] {
  if (node.outcome === undefined) return acc;
  const o = game.outcomes[node.outcome] as Outcome;
  return acc.map((v, p) => v.add(o.payoffs[p] as Rational));
}
