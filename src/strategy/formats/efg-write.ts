/**
 * Writes an extensive-form game in Gambit's .efg format. Every node repeats its information
 * set's name and actions (and a chance node its probabilities), and every outcome its name
 * and payoffs, which Gambit accepts; outcomes are numbered 1, 2, … in the order of
 * `game.outcomes`. `readEfg(writeEfg(g))` gives g back.
 * @module
 */
import type { ExtensiveGame, GameNode, Outcome } from "../extensive.js";
import { quote } from "./nfg-write.js";

export function writeEfg(game: ExtensiveGame): string {
  const lines = [
    `EFG 2 R ${quote(game.title)} { ${game.players.map(quote).join(" ")} }`,
    quote(game.comment),
    "",
  ];
  const stack: GameNode[] = [game.root];
  while (stack.length > 0) {
    const node = stack.pop() as GameNode;
    lines.push(nodeLine(game, node));
    if (node.kind !== "terminal")
      for (let a = node.children.length - 1; a >= 0; a--) stack.push(node.children[a] as GameNode);
  }
  return `${lines.join("\n")}\n`;
}

function nodeLine(game: ExtensiveGame, node: GameNode): string {
  const outcome = outcomeText(game, node.outcome);
  switch (node.kind) {
    case "terminal":
      return `t ${quote(node.label)} ${outcome}`;
    case "chance": {
      const actions = node.actions.map((a, i) => `${quote(a)} ${node.probs[i]}`).join(" ");
      return `c ${quote(node.label)} ${node.infoset} ${quote(node.infosetLabel)} { ${actions} } ${outcome}`;
    }
    case "decision": {
      const actions = node.actions.map(quote).join(" ");
      return `p ${quote(node.label)} ${node.player + 1} ${node.infoset} ${quote(node.infosetLabel)} { ${actions} } ${outcome}`;
    }
  }
}

function outcomeText(game: ExtensiveGame, index: number | undefined): string {
  if (index === undefined) return "0";
  const o = game.outcomes[index] as Outcome;
  return `${index + 1} ${quote(o.label)} { ${o.payoffs.map(String).join(", ")} }`;
}
