/**
 * Subgame-perfect equilibrium of a finite game of perfect information (chance moves allowed)
 * by backward induction (Zermelo 1913; Kuhn 1953; Selten 1965/1975), and the credibility of
 * threats.
 *
 * Each node's value is the payoff vector its subgame gives under the equilibrium: a terminal
 * node's outcome; a chance node's probability-weighted average of its children; a decision
 * node's child that is best for the player who moves there. Outcomes on inner nodes add to
 * the payoffs of every play through them. **Ties** are broken deterministically: the first
 * best action in the file's order is chosen, and every best action is reported (`best`), so a
 * reader sees where other subgame-perfect equilibria exist.
 *
 * **Credibility.** A threat (or promise) is a player's plan to take some action at a node —
 * usually off the equilibrium path — to deter others. It is credible iff the action is a best
 * response at that node, given subgame-perfect play afterwards, i.e. iff it is among `best`
 * there: a player who reached the node would carry it out. Every action at every decision node
 * is classified this way.
 * @module
 */
import { addOutcome, type DecisionNode, type ExtensiveGame, type GameNode } from "../extensive.js";
import { Rational } from "../rational.js";

export interface NodeDecision {
  /** Action labels from the root to this node. */
  path: string[];
  label: string;
  player: number;
  actions: string[];
  /** values[a]: the payoff vector after action a, with subgame-perfect play afterwards. */
  values: Rational[][];
  /** Every action that maximises the mover's payoff here. */
  best: number[];
  /** The action the equilibrium takes (the first in `best`). */
  chosen: number;
  /** Whether the equilibrium reaches this node with positive probability. */
  onPath: boolean;
}

export interface SubgamePerfect {
  /** Expected payoffs at the root. */
  payoffs: Rational[];
  /** One entry per decision node, in depth-first preorder. */
  decisions: NodeDecision[];
  /** True when some node had several best actions (so other equilibria may exist). */
  ties: boolean;
}

/** Throws RangeError when an information set holds several nodes (imperfect information). */
export function subgamePerfect(game: ExtensiveGame): SubgamePerfect {
  const zero = game.players.map(() => Rational.ZERO);
  const value = new Map<GameNode, Rational[]>();
  const info = new Map<GameNode, { path: string[]; onPath: boolean }>();
  const order: GameNode[] = [];
  const seen = new Set<string>();
  const stack: GameNode[] = [game.root];
  info.set(game.root, { path: [], onPath: true });
  while (stack.length > 0) {
    const node = stack.pop() as GameNode;
    order.push(node);
    if (node.kind === "terminal") continue;
    if (node.kind === "decision") {
      const key = `${node.player}:${node.infoset}`;
      if (seen.has(key))
        throw new RangeError(
          `subgamePerfect: information set ${node.infoset} of player ${node.player + 1} has several nodes`,
        );
      seen.add(key);
    }
    const at = info.get(node) as { path: string[] };
    node.children.forEach((child, a) => {
      info.set(child, { path: [...at.path, node.actions[a] as string], onPath: false });
      stack.push(child);
    });
  }
  const decisions = new Map<GameNode, NodeDecision>();
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i] as GameNode;
    let v: Rational[];
    if (node.kind === "terminal") v = zero;
    else if (node.kind === "chance") {
      v = zero;
      node.children.forEach((c, a) => {
        const p = node.probs[a] as Rational;
        v = v.map((x, k) => x.add(p.mul((value.get(c) as Rational[])[k] as Rational)));
      });
    } else {
      const d = decide(
        node,
        node.children.map((c) => value.get(c) as Rational[]),
        info.get(node)?.path ?? [],
      );
      decisions.set(node, d);
      v = d.values[d.chosen] as Rational[];
    }
    value.set(node, addOutcome(game, node, v));
  }
  for (const node of order) {
    const at = info.get(node) as { onPath: boolean };
    if (node.kind === "terminal") continue;
    const d = decisions.get(node);
    if (d) d.onPath = at.onPath;
    node.children.forEach((c, a) => {
      const reached =
        node.kind === "decision"
          ? a === (d as NodeDecision).chosen
          : !(node.probs[a] as Rational).isZero();
      (info.get(c) as { onPath: boolean }).onPath = at.onPath && reached;
    });
  }
  const list = order.flatMap((n) => (decisions.has(n) ? [decisions.get(n) as NodeDecision] : []));
  return {
    payoffs: value.get(game.root) as Rational[],
    decisions: list,
    ties: list.some((d) => d.best.length > 1),
  };
}

function decide(node: DecisionNode, children: Rational[][], path: string[]): NodeDecision {
  // A child's value already includes its own outcome; this node's outcome is added by the caller.
  const own = children.map((v) => v[node.player] as Rational);
  let top = own[0] as Rational;
  for (const x of own) if (x.gt(top)) top = x;
  const best = own.flatMap((x, a) => (x.eq(top) ? [a] : []));
  return {
    path,
    label: node.label,
    player: node.player,
    actions: node.actions,
    values: children,
    best,
    chosen: best[0] as number,
    onPath: false,
  };
}

export interface ThreatAssessment {
  path: string[];
  label: string;
  player: number;
  onPath: boolean;
  /** The action backward induction picks here. */
  subgamePerfectAction: string;
  /** Each action: the mover's payoff if taken (then equilibrium play), and whether credible. */
  actions: { action: string; payoff: Rational; credible: boolean }[];
}

/** For every decision node, whether a plan to take each action there would be credible. */
export function threats(spe: SubgamePerfect): ThreatAssessment[] {
  return spe.decisions.map((d) => ({
    path: d.path,
    label: d.label,
    player: d.player,
    onPath: d.onPath,
    subgamePerfectAction: d.actions[d.chosen] as string,
    actions: d.actions.map((action, a) => ({
      action,
      payoff: (d.values[a] as Rational[])[d.player] as Rational,
      credible: d.best.includes(a),
    })),
  }));
}

/**
 * Whether an announced plan — "at the node reached by `path`, I will take `action`" — is
 * credible: undefined when no decision node has that path or the action is unknown there.
 */
export function isCredible(
  spe: SubgamePerfect,
  path: readonly string[],
  action: string,
): boolean | undefined {
  const d = spe.decisions.find(
    (x) => x.path.length === path.length && x.path.every((a, i) => a === path[i]),
  );
  const a = d?.actions.indexOf(action) ?? -1;
  return d && a >= 0 ? d.best.includes(a) : undefined;
}
