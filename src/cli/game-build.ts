/**
 * `levier game build FILE`: simulates every strategy profile of a game specification, writes the
 * game (JSON and Gambit .nfg; the threat tree as JSON and .efg) and explains its solution.
 * @module
 */

import { basename, join, resolve } from "node:path";
import type { Command } from "commander";
import { InputError } from "../diagnostics/errors.js";
import { hasErrors } from "../diagnostics/issue.js";
import { type BuiltGame, buildGame } from "../gamebuild/build.js";
import { checkGameSpec } from "../gamebuild/check.js";
import { explainGame } from "../gamebuild/explain.js";
import { GameSpecSchema } from "../gamebuild/schema.js";
import { writeFileAtomic } from "../io/write-files.js";
import { actorLoss, DEFAULT_LOSS_MEASURE } from "../losses/measure.js";
import { compileWorld } from "../network/compile-world.js";
import { compileScenario } from "../scenario/compile.js";
import type { Measure } from "../scenario/schema.js";
import { summarizeTrace } from "../simulate/results.js";
import { simulate } from "../simulate/run.js";
import {
  nashBargainingFinite,
  nashBargainingHull,
} from "../strategy/bargaining/nash-bargaining.js";
import { writeEfg } from "../strategy/formats/efg-write.js";
import { extensiveToJson } from "../strategy/formats/json-extensive.js";
import { normalToJson } from "../strategy/formats/json-write.js";
import { writeNfg } from "../strategy/formats/nfg-write.js";
import { Rational } from "../strategy/rational.js";
import { solveGame } from "../strategy/report/solve.js";
import { patchWorld } from "../world/load.js";
import type { LocatedDoc } from "../world/parse/located.js";
import { parseYaml } from "../world/parse/yaml.js";
import type { WorldDoc } from "../world/schema.js";
import { validateDoc } from "../world/schema-issues.js";
import { type CliContext, printJson, println } from "./context.js";
import { readInputText } from "./read-input.js";
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
    .option("--out <dir>", "write the game files into this directory")
    .option("--json", "print the game and its solution as one JSON document")
    .action((file: string, opts: { out?: string; json?: boolean }) => {
      const world = loadWorldFor(ctx, worldOf());
      const text = readInputText(
        ctx,
        file,
        "no such game file; expected a YAML game specification (see examples/games)",
      );
      const parsed = parseYaml(text, file);
      if (!parsed.doc) throw new InputError(parsed.issues);
      const doc = parsed.doc;
      const { value: spec, issues } = validateDoc(GameSpecSchema, doc);
      if (!spec) throw new InputError(issues);
      let w = world;
      if (spec.world) {
        const view: LocatedDoc = {
          file,
          value: spec.world,
          locate: (p) => doc.locate(["world", ...p]),
        };
        const patched = patchWorld(world, spec.world as WorldDoc, view);
        if (!patched.world) throw new InputError(patched.issues);
        w = patched.world;
      }
      const problems = checkGameSpec(spec, w.world, doc);
      if (hasErrors(problems)) throw new InputError(problems);

      const all = [
        ...spec.players.flatMap((p) => p.strategies.flatMap((s) => s.measures)),
        ...(spec.bargaining?.deals.flatMap((d) => d.measures) ?? []),
      ];
      const net = compileWorld(w.world, {
        extraNodes: all.flatMap((m) =>
          m.type === "investment" ? [{ actor: m.actor, good: m.good }] : [],
        ),
      });
      const evaluate = (measures: Measure[]) => {
        const scenario = {
          name: spec.name,
          horizon: spec.horizon,
          measures,
          ...(spec.groups ? { groups: spec.groups } : {}),
        };
        const result = summarizeTrace(
          w.world,
          net,
          simulate(net, compileScenario(scenario, w.world, net), spec.horizon),
        );
        const measure = spec.loss ?? DEFAULT_LOSS_MEASURE;
        return new Map(
          result.actors.map((a) => [
            a.id,
            { loss: actorLoss(a, measure), securityIndexLoss: a.securityIndexLoss },
          ]),
        );
      };
      const built = buildGame(spec, evaluate);
      const normal = solveGame({ kind: "normal", game: built.normal });
      const tree = built.sequential
        ? solveGame({ kind: "extensive", game: built.sequential })
        : undefined;
      const bargaining = built.deals ? solveBargaining(built.deals) : undefined;
      const summary = explainGame(spec, built, normal, tree, bargaining);

      if (opts.out) {
        const dir = resolve(ctx.cwd, opts.out);
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
        println(
          ctx.stderr,
          `levier: wrote ${join(opts.out, `${name}.json`)} and the Gambit files beside it`,
        );
      }
      if (opts.json) {
        printJson(ctx, {
          game: normalToJson(built.normal),
          profiles: built.profiles,
          solution: normal,
          ...(built.sequential && tree
            ? { sequential: { game: extensiveToJson(built.sequential), solution: tree } }
            : {}),
          ...(bargaining && built.deals ? { bargaining: { ...built.deals, ...bargaining } } : {}),
          summary,
        });
      } else ctx.stdout.write(renderBuild(spec.name, built, summary));
    });
}

function solveBargaining(d: NonNullable<BuiltGame["deals"]>) {
  const point = (x: number[]) =>
    [Rational.of(Math.round(x[0]! * 1000), 1000), Rational.of(Math.round(x[1]! * 1000), 1000)] as [
      Rational,
      Rational,
    ];
  const deals = d.deals.map((x) => ({ label: x.id, payoffs: point(x.payoffs) }));
  const dis = point(d.disagreement);
  return { finite: nashBargainingFinite(deals, dis), hull: nashBargainingHull(deals, dis) };
}

function renderBuild(name: string, built: BuiltGame, summary: string[]): string {
  const players = built.normal.players;
  const lines = [name, ""];
  lines.push(
    `${players.join(" / ")} strategies  →  payoffs (loss, USD bn; security-index loss, pp)`,
  );
  for (const p of built.profiles) {
    const detail = p.payoffs.map(
      (u, i) =>
        `${players[i]} ${u} (${(p.loss[i]! / 1e9).toFixed(2)}; ${(100 * p.securityIndexLoss[i]!).toFixed(2)})`,
    );
    lines.push(`  ${p.strategies.join(" / ").padEnd(40)} ${detail.join("   ")}`);
  }
  lines.push("", ...summary);
  return `${lines.join("\n")}\n`;
}
