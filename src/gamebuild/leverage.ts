/**
 * How a game's outcome moves with one player's leverage: the game at each level of what the
 * player's conditional_access measures withhold (`spec.leverage`), as a specification of its
 * own. At a level, every conditional_access measure in the player's strategies conditions the
 * level's goods (and its cap, where the level gives one); a level with no goods drops them (the
 * player withholds nothing).
 * @module
 */
import type { Measure } from "../scenario/schema.js";
import type { GameSpec } from "./schema.js";

export type LeverageLevel = NonNullable<GameSpec["leverage"]>["levels"][number];

/** The specification of the game at one level of the leverage sweep (without the sweep). */
export function atLeverage(spec: GameSpec, level: LeverageLevel): GameSpec {
  const actor = spec.leverage?.actor;
  const { leverage: _, ...rest } = spec;
  const relevel = (m: Measure): Measure[] => {
    if (m.type !== "conditional_access") return [m];
    if (level.goods.length === 0) return [];
    return [{ ...m, goods: level.goods, ...(level.cap !== undefined ? { cap: level.cap } : {}) }];
  };
  return {
    ...rest,
    players: spec.players.map((p) =>
      p.actor !== actor
        ? p
        : {
            ...p,
            strategies: p.strategies.map((s) => ({ ...s, measures: s.measures.flatMap(relevel) })),
          },
    ),
  };
}
