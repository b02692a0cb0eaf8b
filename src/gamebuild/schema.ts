/**
 * Game specifications: players are actors, each with strategies that are sets of scenario
 * measures and weights that turn simulated outcomes into payoffs; optionally a threat sequence
 * (threaten → comply/resist → execute/back down) and deals to bargain over.
 * @module
 */

import { z } from "zod";
import { LOSS_MEASURES } from "../losses/measure.js";
import { MeasureSchema } from "../scenario/schema.js";
import { GroupSchema, WorldPatchSchema } from "../world/schema.js";

const Id = z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/, {
  message: "expected a lower-case id such as caps or no-caps",
});
const ActorId = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{1,15}$/, { message: "expected an actor id such as US or EU" });

export const StrategySchema = z.strictObject({
  id: Id,
  description: z.string().optional(),
  measures: z.array(MeasureSchema),
  /** What the strategy is worth to its player beyond what the simulator measures (a concession
   * it extracts, a rival it slows), in payoff units (≈ USD bn): an assumption to state. */
  stake: z.number().optional(),
  stakeNote: z.string().optional(),
});

export const PlayerSchema = z.strictObject({
  actor: ActorId,
  /** Payoff = −(economic × loss in USD bn + security × security-index loss in percentage
   * points) over the horizon; the loss is in the spec's `loss` measure (default: the total). */
  weights: z.strictObject({ economic: z.number().min(0), security: z.number().min(0) }).optional(),
  strategies: z.array(StrategySchema).min(1).max(20),
});

export const GameSpecSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  horizon: z.number().int().min(1).max(1200),
  /** The loss measure of the payoffs (docs/model.md, "Losses"); default: the total. */
  loss: z.enum(LOSS_MEASURES).optional(),
  world: WorldPatchSchema.omit({ extends: true }).optional(),
  groups: z.array(GroupSchema).optional(),
  players: z.array(PlayerSchema).min(2).max(6),
  /** A threat game between two players, from their strategies. */
  sequential: z
    .strictObject({
      threatener: ActorId,
      /** What the threatener does if it does nothing, and what it threatens to do. */
      idle: Id,
      threat: Id,
      target: ActorId,
      /** What the threatener demands of the target, and what the target does if it resists. */
      comply: Id,
      resist: Id,
    })
    .optional(),
  /** Deals between the first two players, bargained over with the conflict as disagreement. */
  bargaining: z
    .strictObject({
      /** The disagreement point: a strategy id per player (a profile of the game). */
      disagreement: z.array(Id).min(2),
      /** Each deal: the strategies the players play under it (one id per player; their
       * measures and stakes count) and the extra measures the deal adds (guaranteed flows). */
      deals: z
        .array(
          z.strictObject({
            id: Id,
            description: z.string().optional(),
            strategies: z.array(Id).min(2),
            measures: z.array(MeasureSchema),
          }),
        )
        .min(1)
        .max(50),
    })
    .optional(),
});

export type GameSpec = z.infer<typeof GameSpecSchema>;
