/**
 * Game specifications: players are actors, each with strategies that are sets of scenario
 * measures and weights that turn simulated outcomes into payoffs; optionally a threat sequence
 * (threaten → comply/resist → execute/back down) and deals to bargain over.
 * @module
 */

import { z } from "zod";
import { LOSS_MEASURES } from "../losses/measure.js";
import { MeasureSchema } from "../scenario/schema.js";
import { EmbeddedPatchSchema, GroupSchema } from "../world/schema.js";

const Id = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,63}$/, {
    message: "expected a lower-case id such as caps or no-caps",
  })
  .meta({
    id: "strategyId",
    title: "Strategy or deal id",
    description: "A lower-case id (letters, digits, _ and -), such as caps or no-caps.",
  });
const ActorId = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{1,15}$/, { message: "expected an actor id such as US or EU" })
  .meta({
    id: "playerActor",
    title: "Player",
    description: "A player: the id of an actor of the world (US, EU).",
  });

export const StrategySchema = z
  .strictObject({
    id: Id.describe("The strategy's id, which `sequential` and `bargaining` name."),
    description: z.string().optional().describe("What the player does, in words."),
    measures: z
      .array(MeasureSchema)
      .describe("The scenario measures the strategy takes (none: the player does nothing)."),
    stake: z
      .number()
      .optional()
      .describe(
        "What the strategy is worth to its player beyond what the simulator measures (a concession it extracts, a rival it slows), in payoff units (≈ USD bn): an assumption to state.",
      ),
    stakeNote: z.string().optional().describe("The reasoning behind `stake`."),
  })
  .meta({
    id: "strategy",
    title: "Strategy",
    description: "One strategy of a player: a set of scenario measures, and an optional stake.",
  });

export const PlayerSchema = z
  .strictObject({
    actor: ActorId.describe("The actor that plays."),
    weights: z
      .strictObject({
        economic: z.number().min(0).describe("The weight of the loss in USD bn."),
        security: z
          .number()
          .min(0)
          .describe("The weight of the security-index loss in percentage points."),
      })
      .optional()
      .describe(
        "Payoff = −(economic × loss in USD bn + security × security-index loss in percentage points) over the horizon; the loss is in the spec's `loss` measure (default: the total).",
      ),
    strategies: z.array(StrategySchema).min(1).max(20).describe("The player's strategies, 1–20."),
  })
  .meta({
    id: "player",
    title: "Player",
    description: "An actor, its strategies, and the weights that turn outcomes into payoffs.",
  });

export const GameSpecSchema = z
  .strictObject({
    name: z.string().min(1).describe("The game's name, for reports."),
    description: z.string().optional().describe("What the game asks, in a paragraph."),
    horizon: z.number().int().min(1).max(1200).describe("Months each profile simulates, 1–1200."),
    loss: z
      .enum(LOSS_MEASURES)
      .optional()
      .describe('The loss measure of the payoffs (docs/model.md, "Losses"); default: the total.'),
    world: EmbeddedPatchSchema.optional().describe(
      "Figures of the world this game changes (a patch, as in a world file with `extends`).",
    ),
    groups: z
      .array(GroupSchema)
      .optional()
      .describe("Groups of actors, beside the world's, that the measures may name."),
    players: z.array(PlayerSchema).min(2).max(6).describe("The players, 2–6."),
    sequential: z
      .strictObject({
        threatener: ActorId.describe("The player that threatens."),
        idle: Id.describe("The threatener's strategy if it does nothing."),
        threat: Id.describe("The strategy it threatens to play."),
        target: ActorId.describe("The player threatened."),
        comply: Id.describe("The target's strategy that gives the threatener what it demands."),
        resist: Id.describe("The target's strategy if it resists."),
      })
      .optional()
      .describe(
        "A threat game between two players, from their strategies: threaten, comply or resist, execute or back down.",
      ),
    bargaining: z
      .strictObject({
        disagreement: z
          .array(Id)
          .min(2)
          .describe("The disagreement point: a strategy id per player (a profile of the game)."),
        deals: z
          .array(
            z
              .strictObject({
                id: Id.describe("The deal's id."),
                description: z.string().optional().describe("The deal, in words."),
                strategies: z
                  .array(Id)
                  .min(2)
                  .describe(
                    "The strategies the players play under the deal, one id per player (their measures and stakes count).",
                  ),
                measures: z
                  .array(MeasureSchema)
                  .describe("The extra measures the deal adds (guaranteed flows)."),
              })
              .meta({
                id: "deal",
                title: "Deal",
                description: "A deal the first two players may strike instead of the conflict.",
              }),
          )
          .min(1)
          .max(50)
          .describe("The deals, 1–50."),
      })
      .optional()
      .describe(
        "Deals between the first two players, bargained over with the conflict as disagreement.",
      ),
  })
  .meta({
    title: "levier game specification",
    description:
      "A game built from simulations (levier game build): players are actors, each with strategies that are sets of scenario measures and weights that turn simulated outcomes into payoffs; optionally a threat sequence and deals to bargain over.",
  });

export type GameSpec = z.infer<typeof GameSpecSchema>;
