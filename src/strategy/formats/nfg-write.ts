/**
 * Writes a normal-form game in Gambit's .nfg format: the payoff version (default) or the
 * outcome version, where each distinct payoff vector becomes one outcome. Strategy labels are
 * written as nested lists in both versions so that they survive a round trip; payoffs are exact
 * (`3/2`, never a rounded decimal). `readNfg(writeNfg(g))` gives g back.
 * @module
 */
import { type NormalFormGame, profileCount } from "../game.js";
import type { Rational } from "../rational.js";

/** A quoted label: `"` is escaped as `\"`. */
export function quote(label: string): string {
  return `"${label.replace(/"/g, '\\"')}"`;
}

export function writeNfg(
  game: NormalFormGame,
  options: { version?: "payoff" | "outcome" } = {},
): string {
  const players = game.players.map(quote).join(" ");
  const strategies = game.strategies.map((s) => `{ ${s.map(quote).join(" ")} }`).join(" ");
  const lines = [`NFG 1 R ${quote(game.title)} { ${players} }`, `{ ${strategies} }`];
  lines.push(quote(game.comment), "");
  const total = profileCount(game);
  const at = (p: number, k: number) => (game.payoffs[p] as Rational[])[k] as Rational;
  if (options.version === "outcome") {
    const ids = new Map<string, number>();
    const outcomes: string[] = [];
    const indices: number[] = [];
    for (let k = 0; k < total; k++) {
      const values = game.players.map((_, p) => at(p, k).toString());
      const key = values.join(" ");
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size + 1;
        ids.set(key, id);
        outcomes.push(`{ "" ${values.join(", ")} }`);
      }
      indices.push(id);
    }
    lines.push("{", ...outcomes, "}", wrap(indices.map(String)));
  } else {
    const values: string[] = [];
    for (let k = 0; k < total; k++)
      for (let p = 0; p < game.players.length; p++) values.push(at(p, k).toString());
    lines.push(wrap(values));
  }
  return `${lines.join("\n")}\n`;
}

/** Numbers separated by spaces, about 20 to a line. */
function wrap(values: string[]): string {
  const out: string[] = [];
  for (let i = 0; i < values.length; i += 20) out.push(values.slice(i, i + 20).join(" "));
  return out.join("\n");
}
