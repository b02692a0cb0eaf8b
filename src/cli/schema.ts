/**
 * `levier schema <kind>`: the JSON Schema of a kind of document (src/schema/kinds.ts), on
 * stdout or in a file, for editors (the `# yaml-language-server: $schema=…` modeline) and
 * checkers. It reads no world.
 * @module
 */
import { resolve } from "node:path";
import type { Command } from "commander";
import { UsageError } from "../diagnostics/errors.js";
import { writeFileAtomic } from "../io/write-files.js";
import { isSchemaKind, jsonSchemaOf, SCHEMA_KINDS } from "../schema/kinds.js";
import type { CliContext } from "./context.js";

const KINDS = `${SCHEMA_KINDS.slice(0, -1).join(", ")} or ${SCHEMA_KINDS.at(-1)}`;

/** The text `levier schema KIND` prints: the schema as pretty JSON, with a final newline. */
export function schemaText(kind: string | undefined): string {
  if (kind === undefined) throw new UsageError(`schema: give a kind of document: ${KINDS}`);
  if (!isSchemaKind(kind))
    throw new UsageError(`schema: unknown kind ${JSON.stringify(kind)}; expected ${KINDS}`);
  return `${JSON.stringify(jsonSchemaOf(kind), null, 2)}\n`;
}

export function registerSchema(program: Command, ctx: CliContext) {
  program
    .command("schema")
    .description(`print the JSON Schema of a kind of document (${KINDS}), for editors and checkers`)
    .argument(
      "[kind]",
      "world (a world file or part), patch (a world file with extends), scenario, game (a game build spec) or result (levier run --json)",
    )
    .option("--out <file>", "write the schema to this file instead of stdout")
    .action((kind: string | undefined, opts: { out?: string }) => {
      const text = schemaText(kind);
      if (opts.out === undefined) ctx.stdout.write(text);
      else writeFileAtomic(resolve(ctx.cwd, opts.out), text);
    });
}
