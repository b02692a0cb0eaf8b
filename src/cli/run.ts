/**
 * `levier run SCENARIO`: simulate a scenario on the world in use and print a summary, the JSON
 * document, or write a report.
 * @module
 */

import { basename, join, resolve } from "node:path";
import type { Command } from "commander";
import { indispensability } from "../analysis/indispensable.js";
import { findMeasureKind } from "../council/council.js";
import { type CouncilOnScenario, councilOnScenario } from "../council/on-scenario.js";
import { InputError, UsageError } from "../diagnostics/errors.js";
import { formatLocation } from "../diagnostics/issue.js";
import { writeFileAtomic } from "../io/write-files.js";
import { actorLoss, DEFAULT_LOSS_MEASURE, LOSS_MEASURES } from "../losses/measure.js";
import { firmNetwork } from "../network/firm-network.js";
import type { Network } from "../network/network.js";
import { loadHighsSolver } from "../node/highs.js";
import { type RunDocument, runDocument } from "../report/document.js";
import { indispensableBlocks } from "../report/indispensable.js";
import { runReport } from "../report/run-report.js";
import { terminalSummary } from "../report/terminal.js";
import { REPORT_FORMATS, type ReportFormat, reportFiles } from "../report/write.js";
import { toXlsx } from "../report/xlsx.js";
import { euMeasureKind, withoutEuMeasures } from "../scenario/eu-measure.js";
import { type LoadedScenario, loadScenario } from "../scenario/load.js";
import { runScenario } from "../simulate/scenario-run.js";
import { parseCsv } from "../world/parse/csv.js";
import type { World } from "../world/schema.js";
import { lossMeasureOf } from "./analysis.js";
import { type CliContext, printJson, println } from "./context.js";
import { loadFor } from "./council.js";
import { readInputText } from "./read-input.js";
import { loadWorldFor } from "./world-option.js";

interface RunOptions {
  loss?: string;
  network?: string;
  months?: string;
  out?: string;
  format?: string;
  json?: boolean;
}

export function registerRun(program: Command, ctx: CliContext, worldOf: () => string | undefined) {
  program
    .command("run")
    .description("simulate a scenario month by month and report what happens to every actor")
    .argument("<scenario>", "scenario file (.yaml)")
    .option("--months <n>", "months to simulate (overrides the scenario's horizon)")
    .option("--network <dir>", "run on a firm-level network: DIR/nodes.csv and DIR/edges.csv")
    .option("--out <dir>", "write a report into this directory")
    .option("--format <format>", `report format: ${REPORT_FORMATS.join(", ")}`, "html")
    .option("--loss <measure>", `loss measure that ranks actors: ${LOSS_MEASURES.join(", ")}`)
    .option("--json", "print the result document as JSON on stdout")
    .action(async (file: string, opts: RunOptions) => {
      const format = opts.format as ReportFormat;
      if (!REPORT_FORMATS.includes(format))
        throw new UsageError(
          `--format: expected one of ${REPORT_FORMATS.join(", ")}, found ${JSON.stringify(opts.format)}`,
        );
      let months: number | undefined;
      if (opts.months !== undefined) {
        months = Number(opts.months);
        if (!Number.isInteger(months) || months < 1 || months > 1200)
          throw new UsageError(
            `--months: expected a whole number of months from 1 to 1200, found ${JSON.stringify(opts.months)}`,
          );
      }
      const world = loadWorldFor(ctx, worldOf());
      const text = readInputText(
        ctx,
        file,
        "no such scenario file; expected a YAML scenario (see examples/)",
      );
      const options = months === undefined ? {} : { horizon: months };
      const { loaded, issues } = loadScenario(text, file, world, options);
      if (!loaded) throw new InputError(issues);
      const run = runScenario(
        loaded,
        opts.network === undefined ? undefined : readNetwork(ctx, opts.network, loaded.world.world),
      );
      // Measures that matched nothing: where they are in the file, on stderr and in the document.
      for (const w of run.warnings) {
        w.at = loaded.doc.locate(["measures", w.index]);
        println(ctx.stderr, `levier: warning: ${formatLocation(w.at)}: ${w.message} [${w.code}]`);
      }
      const measure =
        opts.loss !== undefined
          ? lossMeasureOf(opts.loss)
          : (loaded.scenario.options?.loss ?? DEFAULT_LOSS_MEASURE);
      const doc = runDocument(run, measure);
      const kind = euMeasureKind(loaded.scenario, loaded.world.world);
      if (kind !== undefined) doc.council = await councilFor(ctx, kind, doc, loaded);
      if (opts.json) printJson(ctx, doc);
      else ctx.stdout.write(terminalSummary(doc));
      if (opts.out) {
        const dir = resolve(ctx.cwd, opts.out);
        const name = basename(file).replace(/\.(ya?ml|json)$/i, "");
        const files = new Map<string, string | Uint8Array>();
        if (format === "json") files.set(`${name}.json`, `${JSON.stringify(doc, null, 2)}\n`);
        else if (format === "xlsx") files.set(`${name}.xlsx`, await toXlsx(doc));
        else {
          // Where the EU is indispensable: a property of the world the scenario runs on.
          const sections = indispensableBlocks(indispensability(loaded.world.world));
          const report = runReport(doc, loaded.scenario.report?.goods, sections);
          for (const [p, c] of await reportFiles(report, format, name)) files.set(p, c);
        }
        for (const [p, contents] of files) writeFileAtomic(join(dir, p), contents);
        const first = [...files.keys()][0];
        println(
          ctx.stderr,
          `levier: wrote ${join(opts.out, first ?? "")}${files.size > 1 ? ` and ${files.size - 1} more file(s)` : ""}`,
        );
      }
    });
}

async function councilFor(
  ctx: CliContext,
  kind: string,
  doc: RunDocument,
  loaded: LoadedScenario,
): Promise<CouncilOnScenario> {
  const council = loadFor(ctx);
  if (!findMeasureKind(council, kind)) {
    throw InputError.single(
      "unknown-id",
      `unknown measure kind ${JSON.stringify(kind)}; expected one of ${council.measureKinds.map((k) => k.id).join(", ")}`,
      loaded.doc.locate(["council", "measure"]),
      "council.measure",
    );
  }
  // A member's gain from the EU's measures: its loss without them minus with them (the
  // rest of the scenario, e.g. a foreign measure the EU answers, happens either way).
  const without = runScenario({
    ...loaded,
    scenario: withoutEuMeasures(loaded.scenario, loaded.world.world),
  });
  const measure = doc.lossMeasure.id;
  const lostWithout = new Map(without.result.actors.map((a) => [a.id, actorLoss(a, measure)]));
  const gains = new Map(
    doc.actors.map((a) => [a.id, (lostWithout.get(a.id) ?? 0) - actorLoss(a, measure)]),
  );
  return councilOnScenario(council, kind, gains, await loadHighsSolver());
}

function readNetwork(ctx: CliContext, dir: string, world: World): Network {
  const tables = ["nodes.csv", "edges.csv"].map((name) => {
    const file = join(dir, name);
    const text = readInputText(
      ctx,
      file,
      `no ${name} in ${dir}; a firm-level network is nodes.csv and edges.csv`,
    );
    const { table, issues } = parseCsv(text, file);
    if (!table) throw new InputError(issues);
    return table;
  });
  const { network, issues } = firmNetwork(world, tables[0]!, tables[1]!);
  if (!network) throw new InputError(issues);
  return network;
}
