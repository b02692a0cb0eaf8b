/**
 * `levier game build FILE`: simulates every strategy profile of a game specification, writes the
 * game (JSON and Gambit .nfg; the threat tree as JSON and .efg) and explains its solution.
 * @module
 */

import { basename, join } from "node:path";
import type { Command } from "commander";
import { signed } from "../format/number.js";
import type { BuiltGame } from "../gamebuild/build.js";
import { writeFileAtomic } from "../io/write-files.js";
import { executorFor } from "../node/executor-for.js";
import { gameReport } from "../report/game-report.js";
import { reportFiles } from "../report/write.js";
import { buildGameRequest, gameDrawsRequest } from "../run/game.js";
import { gameDocument } from "../run/game-document.js";
import { writeEfg } from "../strategy/formats/efg-write.js";
import { extensiveToJson } from "../strategy/formats/json-extensive.js";
import { normalToJson } from "../strategy/formats/json-write.js";
import { writeNfg } from "../strategy/formats/nfg-write.js";
import { type CliContext, outDirOf, printJson, println, printWarnings } from "./context.js";
import { type DrawLimits, drawFlagsOf } from "./draw-flags.js";
import { defaultThreads } from "./flags.js";
import { progressOf } from "./progress.js";
import { readInputText } from "./read-input.js";
import { loadRulesFor } from "./rules-option.js";
import { REDIS_FLAGS, REDIS_HELP, whereOf } from "./where-flags.js";
import { loadWorldFor } from "./world-option.js";

export function registerGameBuild(
  program: Command,
  ctx: CliContext,
  worldOf: () => string | undefined,
): void {
  const game = program.commands.find((c) => c.name() === "game");
  if (!game) throw new Error("registerGameBuild: register the game command first");
  game
    .command("build")
    .description("simulate every strategy profile of a game file and write and solve the game")
    .argument("<file>", "game specification (.yaml; see examples/games)")
    .option(
      "--out <dir>",
      "write the game files (JSON, Gambit) and its HTML report into this directory",
    )
    .option(
      "--rules <file>",
      "rule book that adopts and conditional_access name (default: data/diffusion/rules.yaml)",
    )
    .option("--json", "print the game and its solution as one JSON document")
    .option("--draws <n>", "also build and solve the game on N Monte Carlo draws of the world")
    .option("--seed <s>", "seed of the draws (default 1)")
    .option(REDIS_FLAGS, `${REDIS_HELP} (the strategy profiles)`)
    .action(
      async (
        file: string,
        opts: {
          out?: string;
          json?: boolean;
          draws?: string;
          seed?: string;
          redis?: string;
          rules?: string;
        },
      ) => {
        const asked = drawFlagsOf(opts, GAME_DRAWS);
        const count = asked?.count;
        const seed = asked?.seed ?? 1;
        const where = whereOf(opts.redis, "--threads", undefined, defaultThreads);
        const dir = outDirOf(ctx, opts.out);
        const world = loadWorldFor(ctx, worldOf());
        const text = readInputText(
          ctx,
          file,
          "no such game file; expected a YAML game specification (see examples/games)",
        );
        let book: ReturnType<typeof loadRulesFor> | undefined;
        const rules = () => {
          book ??= loadRulesFor(ctx, opts.rules);
          return book;
        };
        const outcome = await buildGameRequest({
          world,
          text,
          file,
          execute: executorFor("simulation", where),
          batch: progressOf(ctx, "strategy profiles", opts.json === true),
          rules,
        });
        const { built, summary, spec, warnings } = outcome;
        printWarnings(ctx, warnings);
        // Under uncertainty: the same game on each draw of the world, its verdicts tallied.
        const draws =
          count === undefined
            ? undefined
            : await gameDrawsRequest({
                world,
                text,
                file,
                count,
                seed,
                batch: progressOf(ctx, "draws", opts.json === true, "draws"),
                rules,
              });
        const doc = gameDocument(outcome, draws);

        if (dir !== undefined) {
          const name = basename(file).replace(/\.(ya?ml|json)$/i, "");
          writeFileAtomic(
            join(dir, `${name}.json`),
            `${JSON.stringify(normalToJson(built.normal), null, 2)}\n`,
          );
          writeFileAtomic(join(dir, `${name}.nfg`), writeNfg(built.normal));
          if (built.sequential) {
            writeFileAtomic(
              join(dir, `${name}-threat.json`),
              `${JSON.stringify(extensiveToJson(built.sequential), null, 2)}\n`,
            );
            writeFileAtomic(join(dir, `${name}-threat.efg`), writeEfg(built.sequential));
          }
          const files = await reportFiles(gameReport(doc), "html", name);
          for (const [path, content] of files) writeFileAtomic(join(dir, path), content);
          println(
            ctx.stderr,
            `levier: wrote ${join(opts.out ?? dir, `${name}.json`)}, the Gambit files and the report ${name}.html beside it`,
          );
        }
        if (opts.json) {
          printJson(ctx, doc);
        } else
          ctx.stdout.write(
            renderBuild(spec.name, built, draws ? [...summary, "", ...draws.summary] : summary),
          );
      },
    );
}

/** A game is built and solved once per draw: at least one, at most 100,000. */
const GAME_DRAWS: DrawLimits = { min: 1, max: 100_000, what: "a whole number" };

function renderBuild(name: string, built: BuiltGame, summary: string[]): string {
  const players = built.normal.players;
  const lines = [name, ""];
  lines.push(
    `${players.join(" / ")} strategies  →  payoffs (loss, USD bn; security-index loss, pp)`,
  );
  for (const p of built.profiles) {
    const detail = p.payoffs.map(
      (u, i) =>
        `${players[i]} ${signed(u, 3, true)} (${signed(p.loss[i]! / 1e9)}; ${signed(100 * p.securityIndexLoss[i]!)})`,
    );
    lines.push(`  ${p.strategies.join(" / ").padEnd(40)} ${detail.join("   ")}`);
  }
  lines.push("", ...summary);
  return `${lines.join("\n")}\n`;
}
