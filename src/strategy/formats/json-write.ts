/**
 * The JSON form of a normal-form game: payoff tables nested one level per player, every number
 * an exact string. `readJsonGame(JSON.stringify(normalToJson(g)))` gives g back.
 * @module
 */
import { type NormalFormGame, profileIndex } from "../game.js";
import type { Rational } from "../rational.js";
import type { NormalGameJson } from "./json-schema.js";

export function normalToJson(game: NormalFormGame): NormalGameJson {
  const sizes = game.strategies.map((s) => s.length);
  const table = (p: number) => {
    const build = (level: number, prefix: number[]): unknown => {
      if (level === sizes.length)
        return String((game.payoffs[p] as Rational[])[profileIndex(game, prefix)]);
      return Array.from({ length: sizes[level] as number }, (_, s) =>
        build(level + 1, [...prefix, s]),
      );
    };
    return build(0, []);
  };
  return {
    title: game.title,
    comment: game.comment,
    players: [...game.players],
    strategies: game.strategies.map((s) => [...s]),
    payoffs: game.players.map((_, p) => table(p)),
  };
}
