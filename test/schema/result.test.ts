/**
 * What `levier run --json` prints validates against `levier schema result`: the five examples
 * (the Council's section, a capacity share and the EU's members among them), a run cut short
 * (a scenario warning) and a run with a measure that matches nothing (a measure's warning).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { describeErrors, schemaErrors } from "./validate.js";

const ROOT = resolve(import.meta.dirname, "../..");
const EXAMPLES = [
  "eu-gigafactories-2030.yaml",
  "eu-lithography-retaliation.yaml",
  "nl-lithography-cut-to-china.yaml",
  "taiwan-fab-disruption.yaml",
  "us-ai-diffusion-caps-2025.yaml",
];

const docs = new Map<string, Record<string, unknown>>();
let dir: string;

async function runJson(name: string, argv: string[], cwd = ROOT) {
  const r = await runCli([...argv, "--json"], cwd);
  if (r.code !== 0) throw new Error(`levier ${argv.join(" ")} exited ${r.code}: ${r.stderr}`);
  docs.set(name, JSON.parse(r.stdout));
}

beforeAll(async () => {
  for (const f of EXAMPLES) await runJson(f, ["run", `examples/${f}`]);
  await runJson("cut short", ["run", "examples/taiwan-fab-disruption.yaml", "--months", "6"]);
  dir = mkdtempSync(join(tmpdir(), "levier-result-"));
  writeFileSync(
    join(dir, "nothing.yaml"),
    "name: t\nhorizon: 3\nmeasures:\n  - { id: quake, type: capacity_shock, actors: [AA], goods: [van], fraction: 0.5 }\n",
  );
  await runJson("a measure's warning", [
    "run",
    join(dir, "nothing.yaml"),
    "--world",
    resolve(ROOT, "test/fixtures/worlds/three-node.yaml"),
  ]);
  // Seven runs of the CLI, one after another: on a loaded machine they outlast the default.
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the run result document", () => {
  it.each([...EXAMPLES, "cut short", "a measure's warning"])(
    "of %s validates against the result schema",
    (name) => {
      expect(describeErrors(schemaErrors("result", docs.get(name)))).toEqual([]);
    },
  );

  it("covers the schema's optional parts", () => {
    const all = [...docs.values()];
    expect(all.some((d) => d.council !== undefined)).toBe(true);
    expect(all.some((d) => d.capacityShare !== undefined)).toBe(true);
    expect(all.some((d) => d.eu !== undefined)).toBe(true);
    const warnings = all.flatMap((d) => d.warnings as Record<string, unknown>[]);
    expect(warnings.some((w) => w.measure === "quake" && w.index === 0)).toBe(true);
    expect(docs.get("cut short")!.warnings).not.toEqual([]);
  });

  it("fails with the path of a field that is missing or of the wrong type", () => {
    const doc = structuredClone(docs.get("us-ai-diffusion-caps-2025.yaml")!) as {
      actors: Record<string, unknown>[];
    };
    delete doc.actors[0]!.loss;
    doc.actors[1]!.worstMonth = "3";
    const errors = schemaErrors("result", doc).map((e) => `${e.instancePath} ${e.keyword}`);
    expect(errors).toContain("/actors/0 required");
    expect(errors).toContain("/actors/1/worstMonth type");
  });
});
