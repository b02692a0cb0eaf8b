/**
 * The JSON form of an extensive game to the tree model, and back. Player names resolve to
 * numbers; decision nodes of one player that share an `infoset` name form one information set
 * (numbered in order of appearance, and required to offer the same actions); a node without an
 * `infoset` name has a set of its own. Every terminal's payoffs become one outcome.
 * @module
 */
import { describeValue, type Issue } from "../../diagnostics/issue.js";
import type { LocatedDoc } from "../../parse/located.js";
import type { ExtensiveGame, GameNode, Outcome } from "../extensive.js";
import { Rational, sum } from "../rational.js";
import type {
  ChanceJson,
  DecisionJson,
  ExtensiveGameJson,
  NodeJson,
  TerminalJson,
} from "./json-schema.js";
import { issueAt, numberAt } from "./json-values.js";

export function extensiveFromJson(
  j: ExtensiveGameJson,
  doc: LocatedDoc,
): { game?: ExtensiveGame; issues: Issue[] } {
  const issues: Issue[] = [];
  const outcomes: Outcome[] = [];
  const sets = new Map<string, { num: number; actions: string[] }>();
  const counts = j.players.map(() => 0);
  let chanceSets = 0;
  const build = (x: NodeJson, path: PropertyKey[]): GameNode => {
    if ("payoffs" in x) return terminal(x, path);
    if ("player" in x) return decision(x, path);
    return chance(x, path);
  };
  const terminal = (x: TerminalJson, path: PropertyKey[]): GameNode => {
    const n = j.players.length;
    if (x.payoffs.length !== n)
      issues.push(
        issueAt(
          doc,
          [...path, "payoffs"],
          `expected ${n} payoffs (one per player), found ${x.payoffs.length}`,
        ),
      );
    const payoffs = x.payoffs.map(
      (v, p) => numberAt(v, [...path, "payoffs", p], doc, issues) ?? Rational.ZERO,
    );
    outcomes.push({ label: x.outcome ?? x.label ?? "", payoffs });
    return { kind: "terminal", label: x.label ?? "", outcome: outcomes.length - 1 };
  };
  const decision = (x: DecisionJson, path: PropertyKey[]): GameNode => {
    const player = j.players.indexOf(x.player);
    const actions = x.moves.map((m) => m.action);
    if (player < 0) {
      const known = j.players.map((p) => JSON.stringify(p)).join(", ");
      issues.push(
        issueAt(
          doc,
          [...path, "player"],
          `unknown player ${describeValue(x.player)}; expected one of ${known}`,
        ),
      );
    }
    let num: number;
    const key = x.infoset === undefined ? undefined : `${player}:${x.infoset}`;
    const known = key === undefined ? undefined : sets.get(key);
    if (known) {
      num = known.num;
      if (known.actions.join("\u0000") !== actions.join("\u0000"))
        issues.push(
          issueAt(
            doc,
            [...path, "moves"],
            `information set ${JSON.stringify(x.infoset)} of ${JSON.stringify(x.player)} was given the actions ${known.actions.map((a) => JSON.stringify(a)).join(", ")} before; expected the same actions here, found ${actions.map((a) => JSON.stringify(a)).join(", ")}`,
          ),
        );
    } else {
      num = ++counts[Math.max(0, player)]!;
      if (key !== undefined) sets.set(key, { num, actions });
    }
    const children = x.moves.map((m, a) => build(m.next, [...path, "moves", a, "next"]));
    return {
      kind: "decision",
      label: x.label ?? "",
      player: Math.max(0, player),
      infoset: num,
      infosetLabel: x.infoset ?? "",
      actions,
      children,
    };
  };
  const chance = (x: ChanceJson, path: PropertyKey[]): GameNode => {
    const probs = x.chance.map((m, a) => {
      const p = numberAt(m.prob, [...path, "chance", a, "prob"], doc, issues) ?? Rational.ZERO;
      if (p.sign() < 0)
        issues.push(
          issueAt(doc, [...path, "chance", a, "prob"], `expected a probability ≥ 0, found ${p}`),
        );
      return p;
    });
    const total = sum(probs);
    if (!total.eq(Rational.ONE))
      issues.push(
        issueAt(doc, [...path, "chance"], `expected the probabilities to sum to 1, found ${total}`),
      );
    const children = x.chance.map((m, a) => build(m.next, [...path, "chance", a, "next"]));
    return {
      kind: "chance",
      label: x.label ?? "",
      infoset: ++chanceSets,
      infosetLabel: x.infoset ?? "",
      actions: x.chance.map((m) => m.action),
      probs,
      children,
    };
  };
  const root = build(j.root, ["root"]);
  if (issues.length > 0) return { issues };
  return {
    game: { title: j.title ?? "", comment: j.comment ?? "", players: j.players, outcomes, root },
    issues,
  };
}

/** The JSON form of an extensive game (outcomes on inner nodes are added into the leaves). */
export function extensiveToJson(game: ExtensiveGame): ExtensiveGameJson {
  const zero = game.players.map(() => Rational.ZERO);
  const node = (x: GameNode, acc: Rational[]): NodeJson => {
    const here =
      x.outcome === undefined
        ? acc
        : acc.map((v, p) =>
            v.add((game.outcomes[x.outcome as number] as Outcome).payoffs[p] as Rational),
          );
    const label = x.label === "" ? {} : { label: x.label };
    if (x.kind === "terminal") return { ...label, payoffs: here.map(String) };
    const infoset = x.infosetLabel === "" ? {} : { infoset: x.infosetLabel };
    if (x.kind === "chance")
      return {
        ...label,
        ...infoset,
        chance: x.children.map((c, a) => ({
          action: x.actions[a] as string,
          prob: String(x.probs[a]),
          next: node(c, here),
        })),
      };
    return {
      ...label,
      player: game.players[x.player] as string,
      ...infoset,
      moves: x.children.map((c, a) => ({ action: x.actions[a] as string, next: node(c, here) })),
    };
  };
  return {
    kind: "extensive",
    title: game.title,
    comment: game.comment,
    players: game.players,
    root: node(game.root, zero),
  };
}
