/**
 * The JSON Schemas levier publishes for editors and checkers, one per kind of document, each
 * generated from the zod schema that parses (or, for the run result, describes) it, with the
 * `$id`, titles and descriptions of that schema's metadata. Shared sub-schemas (a figure, an
 * actor id, a measure) are `$defs` under the ids their zod schemas carry.
 *
 * `world` is a world file without `extends`: a whole world, or one part of it (each YAML file
 * of `data/`), every key optional as the loader assembles the parts; `patch` is a file with
 * `extends`, whose items give their key and only the fields they change.
 * @module
 */
import { z } from "zod";
import { RuleBookSchema } from "../diffusion/rules.js";
import { GameSpecSchema } from "../gamebuild/schema.js";
import { RunDocumentSchema } from "../run/document-schema.js";
import { ScenarioSchema } from "../scenario/schema.js";
import { WorldFileSchema, WorldPatchSchema } from "../world/schema.js";

export const SCHEMA_KINDS = ["world", "patch", "scenario", "game", "result", "rules"] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

/** The stable identifier of a kind's schema: a name, not an address anything is fetched from. */
export function schemaId(kind: SchemaKind): string {
  return `https://levier.dev/schema/${kind}.json`;
}

const SOURCES: Record<SchemaKind, { schema: z.ZodType; io: "input" | "output" }> = {
  world: { schema: WorldFileSchema, io: "input" },
  patch: { schema: WorldPatchSchema, io: "input" },
  scenario: { schema: ScenarioSchema, io: "input" },
  game: { schema: GameSpecSchema, io: "input" },
  // A document levier writes: what it holds, not what a reader may leave out.
  result: { schema: RunDocumentSchema, io: "output" },
  // The rule book of conditional_access measures (data/diffusion/rules.yaml).
  rules: { schema: RuleBookSchema, io: "input" },
};

const WITH_ID = Object.fromEntries(
  SCHEMA_KINDS.map((k) => [k, SOURCES[k].schema.meta({ $id: schemaId(k) })]),
) as Record<SchemaKind, z.ZodType>;

export function isSchemaKind(name: string): name is SchemaKind {
  return (SCHEMA_KINDS as readonly string[]).includes(name);
}

/** The JSON Schema (draft 2020-12) of a kind of document, its identifying keys first. */
export function jsonSchemaOf(kind: SchemaKind): Record<string, unknown> {
  const generated = z.toJSONSchema(WITH_ID[kind], {
    io: SOURCES[kind].io,
    target: "draft-2020-12",
  }) as Record<string, unknown>;
  const { $schema, $id, title, description, ...rest } = generated;
  return { $schema, $id, title, description, ...rest };
}
