/**
 * Runs the examples of `examples/` through levier's pipeline (the default world,
 * `loadScenario`, `runScenario`, `runDocument`, as `levier run` does) and checks each headline
 * against what `examples/validation/examples.yaml` expects of it.
 * @module
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../src/diagnostics/errors.js";
import { formatIssue } from "../../src/diagnostics/issue.js";
import { fileReader } from "../../src/io/world-files.js";
import { DEFAULT_LOSS_MEASURE } from "../../src/losses/measure.js";
import { runDocument } from "../../src/run/document.js";
import { realiseScenario } from "../../src/run/realise.js";
import { runScenario } from "../../src/run/scenario-run.js";
import { valueCaptureOf } from "../../src/run/value-capture.js";
import { loadScenario } from "../../src/scenario/load.js";
import type { Scenario } from "../../src/scenario/schema.js";
import { loadWorld } from "../../src/world/load.js";
import type { World } from "../../src/world/schema.js";
import { evaluate, type HeadlineResult } from "./examples-metrics.js";
import { type Example, parseExamples } from "./examples-schema.js";

export const EXAMPLES_DIR = "examples";
export const EXAMPLES_FILE = "examples/validation/examples.yaml";

export interface ExampleResult {
  example: Example;
  file: string;
  scenario: Scenario;
  headlines: HeadlineResult[];
  /** Warnings the scenario loaded or ran with. */
  warnings: string[];
}

export interface ExamplesRun {
  world: World;
  examples: ExampleResult[];
}

/** Runs every example of examples.yaml; `root` is the repository root. */
export function runExamples(root: string): ExamplesRun {
  const text = (rel: string) => readFileSync(join(root, rel), "utf8");
  const { world, issues } = loadWorld(fileReader(root));
  if (!world) throw new InputError(issues);
  const ids = new Set([...world.world.actors, ...world.world.groups].map((x) => x.id));
  const spec = parseExamples(text(EXAMPLES_FILE), EXAMPLES_FILE, (id) => ids.has(id));
  const examples = spec.examples.map((example): ExampleResult => {
    const file = `${EXAMPLES_DIR}/${example.scenario}`;
    const loaded = loadScenario(text(file), file, world);
    if (!loaded.loaded) throw new InputError(loaded.issues);
    const realised = realiseScenario(loaded.loaded);
    const run = runScenario(realised);
    const doc = runDocument(run);
    // The automation path, as `levier run` adds it (run/scenario.ts).
    const capture = valueCaptureOf(realised.scenario, realised.world.world, DEFAULT_LOSS_MEASURE);
    if (capture) doc.valueCapture = capture;
    const scenario = loaded.loaded.scenario;
    const ctx = { doc, world: loaded.loaded.world.world, groups: scenario.groups ?? [] };
    return {
      example,
      file,
      scenario,
      headlines: example.headlines.map((h) => evaluate(h, ctx)),
      warnings: [
        ...new Set([
          ...loaded.issues.filter((i) => i.severity === "warning").map(formatIssue),
          ...run.warnings.map(formatIssue),
        ]),
      ],
    };
  });
  return { world: world.world, examples };
}
