/**
 * `levier game solve FILE [--json]`: reads a game (.nfg, .efg or .json) and reports its
 * equilibria, dominance, security levels and, for extensive games, the subgame-perfect
 * equilibrium and the credibility of threats. Bad files raise InputError (exit code 2) with
 * file, line and column.
 * @module
 */
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { InputError } from "../diagnostics/errors.js";
import { gameFormatOf, readGame, unknownFormat } from "../strategy/formats/read-game.js";
import { solveGame } from "../strategy/report/solve.js";
import { renderReport } from "../strategy/report/text.js";
import { type CliContext, printJson } from "./context.js";

/** Game files larger than this are refused before reading. */
const MAX_GAME_BYTES = 16 * 1024 * 1024;

export function registerGame(program: Command, ctx: CliContext): void {
  const game = program.command("game").description("solve games: equilibria, dominance, threats");
  game
    .command("solve")
    .description("equilibria, dominance, security levels, subgame perfection and threats of a game")
    .argument("<file>", "a game: Gambit .nfg or .efg, or levier's .json form")
    .option("--json", "print the report as one JSON document (exact numbers as strings)")
    .action((file: string, opts: { json?: boolean }) => {
      if (!gameFormatOf(file)) throw new InputError([unknownFormat(file)]);
      const text = readText(ctx, file);
      const { game: parsed, issues } = readGame(text, file);
      if (!parsed) throw new InputError(issues);
      let report: ReturnType<typeof solveGame>;
      try {
        report = solveGame(parsed);
      } catch (err) {
        // The solvers' size limits (e.g. a reduced normal form beyond 1,000,000 profiles).
        if (err instanceof RangeError)
          throw InputError.single("too-large", err.message, { file, line: 1, col: 1 });
        throw err;
      }
      if (opts.json) printJson(ctx, report);
      else ctx.stdout.write(renderReport(report));
    });
}

function readText(ctx: CliContext, file: string): string {
  const path = resolve(ctx.cwd, file);
  const at = { file, line: 1, col: 1 };
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw InputError.single(
      "not-found",
      "expected a readable game file, found nothing at this path",
      at,
    );
  }
  if (size > MAX_GAME_BYTES)
    throw InputError.single(
      "too-large",
      `file is ${size} bytes; the limit is ${MAX_GAME_BYTES}`,
      at,
    );
  try {
    return readFileSync(path, "utf8");
  } catch (err) {
    throw InputError.single("unreadable", `cannot read the file: ${(err as Error).message}`, at);
  }
}
