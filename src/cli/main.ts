/**
 * The `levier` command. `main(argv, ctx)` runs one command and returns its exit code; it never
 * calls process.exit, so tests run it in-process.
 * @module
 */
import { Command, CommanderError } from "commander";
import { UsageError } from "../diagnostics/errors.js";
import { setTerminalWidth } from "../report/text-table.js";
import { registerAnalysis } from "./analysis.js";
import type { CliContext } from "./context.js";
import { registerCouncil } from "./council.js";
import { registerData } from "./data.js";
import { commandPath, EXAMPLES } from "./examples.js";
import { EXIT_INPUT, EXIT_OK, reportError } from "./exit.js";
import { registerGame } from "./game.js";
import { registerGameBuild } from "./game-build.js";
import { stopProgress } from "./progress.js";
import { registerRun } from "./run.js";
import { registerSchema } from "./schema.js";
import { registerSensitivity } from "./sensitivity.js";
import { registerServe } from "./serve.js";
import { registerWorker } from "./worker.js";

export const VERSION = "0.1.0";

export async function main(
  argv: readonly string[],
  ctx: CliContext = processContext(),
): Promise<number> {
  const program = new Command("levier")
    .description("A geoeconomic simulator of the global AI value chain")
    .version(VERSION)
    .option(
      "--world <path>",
      "world file or directory, or a patch that extends the default (default: data/)",
    )
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
    })
    .showSuggestionAfterError(true);
  let current: Command = program;
  program.hook("preAction", (_this, action) => {
    current = action;
  });
  const worldOf = () => current.optsWithGlobals<{ world?: string }>().world;
  registerData(program, ctx, worldOf);
  registerRun(program, ctx, worldOf);
  registerGame(program, ctx);
  registerCouncil(program, ctx);
  registerSchema(program, ctx);
  registerWorker(program, ctx);
  registerServe(program, ctx);
  // Commands that read no world (game solve, the Council's, schema, worker): registered before
  // game build; `data schema` is `schema world` under its old name.
  const worldFree = new Set([
    ...program.commands
      .filter((c) => ["game", "council", "schema", "worker", "serve"].includes(c.name()))
      .flatMap(leaves),
    ...program.commands
      .filter((c) => c.name() === "data")
      .flatMap((c) => c.commands.filter((s) => s.name() === "schema")),
  ]);
  registerGameBuild(program, ctx, worldOf);
  registerAnalysis(program, ctx, worldOf);
  registerSensitivity(program, ctx, worldOf);
  for (const cmd of program.commands) applyDefaults(cmd, worldFree);
  program.hook("preAction", (_this, action) => {
    // --world is used or refused: a command that reads no world says so rather than ignore it.
    if (worldFree.has(action) && program.opts<{ world?: string }>().world !== undefined)
      throw new UsageError(
        `--world: \`levier ${commandPath(action)}\` reads no world; leave --world out`,
      );
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
    return EXIT_OK;
  } catch (err) {
    if (
      err instanceof CommanderError &&
      err.exitCode !== 0 &&
      err.code !== "commander.executeSubCommandAsync"
    ) {
      return EXIT_INPUT;
    }
    return reportError(ctx, err);
  } finally {
    stopProgress();
  }
}

/** The commands under `cmd` that run an action (itself if it has no subcommands). */
function leaves(cmd: Command): Command[] {
  return cmd.commands.length === 0 ? [cmd] : cmd.commands.flatMap(leaves);
}

/** Subcommands inherit exit override, output and options positioned anywhere; those that read a
 * world take --world after their name too. */
function applyDefaults(cmd: Command, worldFree: ReadonlySet<Command>) {
  cmd.exitOverride();
  cmd.configureOutput(cmd.parent?.configureOutput() ?? {});
  if (
    cmd.commands.length === 0 &&
    !worldFree.has(cmd) &&
    !cmd.options.some((o) => o.long === "--world")
  ) {
    cmd.option("--world <path>", "world file or directory, or a patch that extends the default");
  }
  const examples = cmd.commands.length === 0 ? EXAMPLES[commandPath(cmd)] : undefined;
  if (examples)
    cmd.addHelpText(
      "after",
      `\nExample${examples.length > 1 ? "s" : ""}:\n${examples.map((e) => `  $ ${e}`).join("\n")}\n`,
    );
  for (const sub of cmd.commands) applyDefaults(sub, worldFree);
}

function processContext(): CliContext {
  // Tables fit the terminal when stdout is one (report/text-table.ts).
  setTerminalWidth(process.stdout.isTTY ? process.stdout.columns : undefined);
  return {
    stdout: { write: (s) => process.stdout.write(s) },
    stderr: { write: (s) => process.stderr.write(s) },
    cwd: process.cwd(),
    terminal: process.stderr.isTTY === true,
  };
}
