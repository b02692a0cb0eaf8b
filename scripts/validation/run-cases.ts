/**
 * Runs every validation case through levier's pipeline (the default world, `loadScenario`,
 * `runScenario`, `runDocument`, as `levier run` does) and reads off the figure each published
 * estimate is compared with, and the parts of the loss behind it.
 * @module
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../src/diagnostics/errors.js";
import { formatIssue, type Issue } from "../../src/diagnostics/issue.js";
import { fileReader } from "../../src/io/world-files.js";
import { type RunDocument, runDocument } from "../../src/run/document.js";
import { realiseScenario } from "../../src/run/realise.js";
import { runScenario } from "../../src/run/scenario-run.js";
import { loadScenario } from "../../src/scenario/load.js";
import type { Scenario } from "../../src/scenario/schema.js";
import { loadWorld } from "../../src/world/load.js";
import type { World } from "../../src/world/schema.js";
import { amount, gdpOver, LOSS_PARTS, metricValue } from "./metrics.js";
import {
  parseReferences,
  type Reference,
  type References,
  type ValidationCase,
} from "./references.js";

/** Where the cases live, relative to the repository root. */
export const CASES_DIR = "examples/validation";
export const REFERENCES_FILE = `${CASES_DIR}/references.yaml`;
export const PAGE_FILE = "docs/validation.md";

export interface Figure {
  reference: Reference;
  /** levier's figure in the metric's unit; undefined when the document lacks a field. */
  value: number | undefined;
  /** The loss and its parts for the metric's actor (USD over the horizon), where it has one. */
  parts: { name: string; value: number | undefined }[];
  within: boolean;
}

export interface CaseResult {
  case: ValidationCase;
  file: string;
  scenario: Scenario;
  figures: Figure[];
  /** Warnings the scenario loaded with (file:line:col: message). */
  warnings: string[];
}

export interface Validation {
  world: World;
  references: References;
  cases: CaseResult[];
}

/** Runs every case of references.yaml; `root` is the repository root. */
export function runValidation(root: string): Validation {
  const text = (rel: string) => readFileSync(join(root, rel), "utf8");
  const references = parseReferences(text(REFERENCES_FILE), REFERENCES_FILE);
  const { world, issues } = loadWorld(fileReader(root));
  if (!world) throw new InputError(issues);
  const cases = references.cases.map((c): CaseResult => {
    const file = `${CASES_DIR}/${c.scenario}`;
    const loaded = loadScenario(text(file), file, world);
    if (!loaded.loaded) throw new InputError(loaded.issues);
    const run = runScenario(realiseScenario(loaded.loaded));
    const doc = runDocument(run);
    const w = loaded.loaded.world.world;
    const figures = c.references.map((reference): Figure => {
      const value = metricValue(reference.metric, run, doc, w);
      const [lo, hi] = reference.range;
      return {
        reference,
        value,
        parts: partsFor(reference, doc, w),
        within: value !== undefined && value >= lo && value <= hi,
      };
    });
    return {
      case: c,
      file,
      scenario: loaded.loaded.scenario,
      figures,
      warnings: warningsOf(loaded.issues),
    };
  });
  return { world: world.world, references, cases };
}

function partsFor(reference: Reference, doc: RunDocument, world: World): Figure["parts"] {
  const metric = reference.metric;
  if (metric.measure !== "loss" && metric.measure !== "lossGdpShare") return [];
  const parts: Figure["parts"] = LOSS_PARTS.map((name) => ({
    name,
    value: amount(doc, metric.actor, name),
  }));
  if (metric.measure === "lossGdpShare") {
    parts.unshift({ name: "loss", value: amount(doc, metric.actor, "loss") });
    const gdp = gdpOver(world, metric.actor, doc.scenario.horizon);
    if (gdp !== undefined) parts.push({ name: "gdp", value: gdp });
  }
  return parts;
}

function warningsOf(issues: readonly Issue[]): string[] {
  return issues.filter((i) => i.severity === "warning").map(formatIssue);
}
