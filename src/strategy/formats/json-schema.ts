/**
 * The JSON form of games, as zod schemas (the TypeScript types are inferred from them).
 *
 * A normal-form game:
 *
 *     { "title": "Battle of the sexes", "players": ["Ann", "Bob"],
 *       "strategies": [["Opera", "Football"], ["Opera", "Football"]],
 *       "payoffs": [[[2, 0], [0, 1]], [[1, 0], [0, 2]]] }
 *
 * `payoffs[p]` is player p's payoff table, nested one level per player: payoffs[p][s1][s2]…
 * (for two players, player 1's matrix A and player 2's matrix B, rows = player 1's strategies).
 *
 * An extensive-form game (`"kind": "extensive"`) is a tree of nodes: a decision node names its
 * `player` and lists `moves` ({ "action", "next" }), a chance node lists `chance` moves with a
 * `prob`, a terminal node has `payoffs`. Nodes of one player with the same `infoset` name form
 * one information set. Numbers are JSON numbers or exact strings ("3/2", "-0.25").
 * @module
 */
import { z } from "zod";

export const NumberLike = z.union([z.number(), z.string()]);

export const NormalGameJson = z.strictObject({
  kind: z.literal("normal").optional(),
  title: z.string().optional(),
  comment: z.string().optional(),
  players: z.array(z.string()).min(1),
  strategies: z.array(z.array(z.string()).min(1)).min(1),
  payoffs: z.array(z.unknown()).min(1),
});
export type NormalGameJson = z.infer<typeof NormalGameJson>;

export interface TerminalJson {
  label?: string | undefined;
  outcome?: string | undefined;
  payoffs: (number | string)[];
}
export interface DecisionJson {
  label?: string | undefined;
  player: string;
  infoset?: string | undefined;
  moves: { action: string; next: NodeJson }[];
}
export interface ChanceJson {
  label?: string | undefined;
  infoset?: string | undefined;
  chance: { action: string; prob: number | string; next: NodeJson }[];
}
export type NodeJson = TerminalJson | DecisionJson | ChanceJson;

export const NodeJson: z.ZodType<NodeJson> = z.lazy(() =>
  z.union([
    z.strictObject({
      label: z.string().optional(),
      outcome: z.string().optional(),
      payoffs: z.array(NumberLike).min(1),
    }),
    z.strictObject({
      label: z.string().optional(),
      player: z.string(),
      infoset: z.string().optional(),
      moves: z.array(z.strictObject({ action: z.string(), next: NodeJson })).min(1),
    }),
    z.strictObject({
      label: z.string().optional(),
      infoset: z.string().optional(),
      chance: z
        .array(z.strictObject({ action: z.string(), prob: NumberLike, next: NodeJson }))
        .min(1),
    }),
  ]),
);

export const ExtensiveGameJson = z.strictObject({
  kind: z.literal("extensive"),
  title: z.string().optional(),
  comment: z.string().optional(),
  players: z.array(z.string()).min(1),
  root: NodeJson,
});
export type ExtensiveGameJson = z.infer<typeof ExtensiveGameJson>;
