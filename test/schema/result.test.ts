/**
 * What `levier run --json` prints validates against `levier schema result`: the five examples
 * (the Council's section, a capacity share and the EU's members among them), a run cut short
 * (a scenario warning) and a run with a measure that matches nothing (a measure's warning).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
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

const dir = mkdtempSync(join(tmpdir(), "levier-result-"));
writeFileSync(
  join(dir, "nothing.yaml"),
  "name: t\nhorizon: 3\nmeasures:\n  - { id: quake, type: capacity_shock, actors: [AA], goods: [van], fraction: 0.5 }\n",
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RUNS = new Map<string, string[]>([
  ...EXAMPLES.map((f): [string, string[]] => [f, ["run", `examples/${f}`]]),
  ["cut short", ["run", "examples/taiwan-fab-disruption.yaml", "--months", "6"]],
  [
    "a measure's warning",
    [
      "run",
      join(dir, "nothing.yaml"),
      "--world",
      resolve(ROOT, "test/fixtures/worlds/three-node.yaml"),
    ],
  ],
]);

// Each document is made in the first test that needs it, so that each run has a test's own
// time limit (seven runs in one hook overran its limit on a loaded machine).
const docs = new Map<string, Record<string, unknown>>();
async function doc(name: string): Promise<Record<string, unknown>> {
  const made = docs.get(name);
  if (made !== undefined) return made;
  const argv = RUNS.get(name)!;
  const r = await runCli([...argv, "--json"], ROOT);
  if (r.code !== 0) throw new Error(`levier ${argv.join(" ")} exited ${r.code}: ${r.stderr}`);
  const d = JSON.parse(r.stdout) as Record<string, unknown>;
  docs.set(name, d);
  return d;
}

describe("the run result document", () => {
  it.each([...RUNS.keys()])("of %s validates against the result schema", async (name) => {
    expect(describeErrors(schemaErrors("result", await doc(name)))).toEqual([]);
  });

  it("covers the schema's optional parts", async () => {
    const all: Record<string, unknown>[] = [];
    for (const name of RUNS.keys()) all.push(await doc(name));
    expect(all.some((d) => d.council !== undefined)).toBe(true);
    expect(all.some((d) => d.capacityShare !== undefined)).toBe(true);
    expect(all.some((d) => d.eu !== undefined)).toBe(true);
    const warnings = all.flatMap((d) => d.warnings as Record<string, unknown>[]);
    expect(warnings.some((w) => w.measure === "quake" && w.index === 0)).toBe(true);
    expect((await doc("cut short")).warnings).not.toEqual([]);
  });

  it("fails with the path of a field that is missing or of the wrong type", async () => {
    const broken = structuredClone(await doc("us-ai-diffusion-caps-2025.yaml")) as {
      actors: Record<string, unknown>[];
    };
    delete broken.actors[0]!.loss;
    broken.actors[1]!.worstMonth = "3";
    const errors = schemaErrors("result", broken).map((e) => `${e.instancePath} ${e.keyword}`);
    expect(errors).toContain("/actors/0 required");
    expect(errors).toContain("/actors/1/worstMonth type");
  });
});
