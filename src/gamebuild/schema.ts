/**
 * Game specifications: players are actors, each with strategies that are sets of scenario
 * measures and weights that turn simulated outcomes into payoffs; optionally a threat sequence
 * (threaten → comply/resist → execute/back down) and deals to bargain over.
 * @module
 */

import { z } from "zod";
import { LOSS_MEASURES } from "../losses/measure.js";
import { MeasureSchema } from "../scenario/schema.js";
import { EmbeddedPatchSchema, GroupSchema, SlugSchema } from "../world/schema.js";

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
    adopts: z
      .array(SlugSchema)
      .optional()
      .describe(
        "Rules (ids of the rule book, data/diffusion/rules.yaml) the player adopts with this strategy, from month 1: the conditional_access measures of the profile that name one of them leave its routes open, and the rule's compliance cost over the horizon counts against its payoff (× its economic weight).",
      ),
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
    jointStakes: z
      .array(
        z
          .strictObject({
            when: z
              .record(ActorId, z.array(Id).min(1))
              .describe(
                "The profiles it applies to: for each player named, the strategies it may play (players not named may play anything).",
              ),
            stakes: z
              .record(ActorId, z.number())
              .describe(
                "What each player named gets in those profiles, in payoff units (≈ USD bn).",
              ),
            note: z.string().optional().describe("The reasoning behind the figures."),
          })
          .meta({
            id: "jointStake",
            title: "Joint stake",
            description:
              "A stated payoff that depends on what several players play together (a common commitment's benefit), beside what the simulator measures.",
          }),
      )
      .optional()
      .describe(
        "Stated payoffs of profiles rather than of one player's strategy: each applies to every profile its `when` matches, and they add up.",
      ),
    leverage: z
      .strictObject({
        actor: ActorId.describe("The player whose leverage varies."),
        levels: z
          .array(
            z
              .strictObject({
                id: Id.describe("The level's id."),
                description: z.string().optional().describe("What the player withholds, in words."),
                goods: z
                  .array(SlugSchema)
                  .describe(
                    "The goods every conditional_access measure of the player's strategies conditions at this level (none: it withholds nothing).",
                  ),
                cap: z
                  .number()
                  .min(0)
                  .max(1)
                  .optional()
                  .describe("The measures' cap at this level (default: as written)."),
              })
              .meta({
                id: "leverageLevel",
                title: "Leverage level",
                description:
                  "One level of what the player withholds: the goods its conditional_access measures condition.",
              }),
          )
          .min(1)
          .max(12)
          .describe("The levels, 1–12, from the least to the most withheld."),
      })
      .optional()
      .describe(
        "How the outcome moves with one player's leverage: the game rebuilt and solved once per level of what that player's conditional_access measures withhold.",
      ),
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
        profiles: z
          .boolean()
          .optional()
          .describe(
            "Every strategy profile of the game is a feasible deal too (the commitments the players could agree on), beside `deals`.",
          ),
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
                description: "A deal the players may strike instead of the conflict.",
              }),
          )
          .min(1)
          .max(50)
          .optional()
          .describe("The deals, 1–50 (or none, with `profiles`)."),
      })
      .optional()
      .describe(
        "Deals between the players, bargained over with the disagreement profile (the conflict, or the failure of talks) as disagreement: the Nash product over the deals (and, for two players, over their convex hull).",
      ),
  })
  .meta({
    title: "levier game specification",
    description:
      "A game built from simulations (levier game build): players are actors, each with strategies that are sets of scenario measures and weights that turn simulated outcomes into payoffs; optionally a threat sequence and deals to bargain over.",
  });

export type GameSpec = z.infer<typeof GameSpecSchema>;
