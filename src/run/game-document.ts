/**
 * The document of a built game (`levier game build --json`, `POST /api/games/build`): the game
 * in levier's JSON form, every strategy profile simulated, its solution, the threat tree and
 * the bargaining when the specification has them, the leverage sweep, the summary, and the
 * draws when asked.
 * @module
 */
import { extensiveToJson } from "../strategy/formats/json-extensive.js";
import { normalToJson } from "../strategy/formats/json-write.js";
import type { GameDraws, GameOutcome } from "./game.js";

export function gameDocument(outcome: GameOutcome, draws?: GameDraws) {
  const { spec, built, normal, tree, bargaining, summary, leverage } = outcome;
  return {
    name: spec.name,
    ...(spec.description ? { description: spec.description.trim() } : {}),
    horizon: spec.horizon,
    game: normalToJson(built.normal),
    profiles: built.profiles,
    solution: normal,
    ...(built.sequential && tree
      ? { sequential: { game: extensiveToJson(built.sequential), solution: tree } }
      : {}),
    ...(bargaining && built.deals ? { bargaining: { ...built.deals, ...bargaining } } : {}),
    ...(leverage && spec.leverage
      ? {
          leverage: {
            actor: spec.leverage.actor,
            levels: leverage.map((x) => ({
              ...x.level,
              profiles: x.built.profiles,
              equilibria: x.verdicts.equilibria,
              ...(x.bargaining && x.built.deals
                ? { bargaining: { ...x.built.deals, ...x.bargaining } }
                : {}),
            })),
          },
        }
      : {}),
    summary,
    ...(draws ? { draws } : {}),
  };
}

export type GameDocument = ReturnType<typeof gameDocument>;
