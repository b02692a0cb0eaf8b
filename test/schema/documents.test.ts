/**
 * Every document levier ships validates against its JSON Schema: the README's patch example
 * (read from the README, under its heading), each part of the default world, each example
 * scenario (and validation case), each game specification; and deliberately bad documents fail
 * at the path where they are wrong.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { describeErrors, schemaErrors } from "./validate.js";

const ROOT = resolve(import.meta.dirname, "../..");
const yamlIn = (dir: string) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => `${dir}/${f}`);
const read = (file: string): unknown => parse(readFileSync(join(ROOT, file), "utf8"));

/** The first ```yaml block after the heading `heading` of a Markdown file. */
function yamlUnder(file: string, heading: string): string {
  const text = readFileSync(join(ROOT, file), "utf8");
  const at = text.indexOf(`\n${heading}\n`);
  if (at < 0) throw new Error(`${file} has no heading ${JSON.stringify(heading)}`);
  const block = /```yaml\n([\s\S]*?)```/.exec(text.slice(at));
  if (!block) throw new Error(`${file} has no yaml block under ${heading}`);
  return block[1]!;
}

describe("the README's patch example", () => {
  const patch = parse(yamlUnder("README.md", "### Editing and overriding figures"));

  it("is a patch of the default world", () => {
    expect(patch.extends).toBe("default");
    expect(patch.goods[0]).toEqual(expect.objectContaining({ id: "euv_lithography" }));
  });

  it("validates against the patch schema", () => {
    expect(describeErrors(schemaErrors("patch", patch))).toEqual([]);
  });

  it("does not validate against the world schema, which wants whole items", () => {
    expect(schemaErrors("world", patch).length).toBeGreaterThan(0);
  });
});

it("docs/data.md's patch example validates against the patch schema", () => {
  const patch = parse(yamlUnder("docs/data.md", "## Overriding figures with a patch"));
  expect(patch.extends).toBe("default");
  expect(describeErrors(schemaErrors("patch", patch))).toEqual([]);
});

it("the README's modeline names a schema that is there", () => {
  const line = yamlUnder("README.md", "## Editor support").trim();
  const path = /^# yaml-language-server: \$schema=(\S+)$/.exec(line)?.[1];
  expect(path).toBe("../schema/scenario.json");
  expect(readFileSync(resolve(ROOT, "examples", path!), "utf8")).toContain('"$id"');
});

describe("the documents levier ships", () => {
  const world = yamlIn("data");
  const scenarios = [...yamlIn("examples"), ...yamlIn("examples/validation")].filter(
    (f) => !/validation\/(examples|references)\.yaml$/.test(f),
  );
  const games = yamlIn("examples/games");

  it("are all found", () => {
    expect(world).toEqual(expect.arrayContaining(["data/goods.yaml", "data/meta.yaml"]));
    expect(scenarios.length).toBeGreaterThanOrEqual(5 + 7);
    expect(games.length).toBeGreaterThanOrEqual(3);
  });

  /** The schema file a document's first line names, resolved from the document. */
  const modeline = (file: string): string | undefined => {
    const first = readFileSync(join(ROOT, file), "utf8").split("\n")[0]!;
    const path = /^# yaml-language-server: \$schema=(\S+)$/.exec(first)?.[1];
    return path === undefined ? undefined : relative(ROOT, resolve(ROOT, dirname(file), path));
  };

  it("name their schema on their first line (all but the generated economy.yaml)", () => {
    const named = (files: string[]) => files.map((f) => [f, modeline(f)]);
    const expected = (files: string[], kind: string) =>
      files.map((f) => [f, f === "data/economy.yaml" ? undefined : `schema/${kind}.json`]);
    expect(named(world)).toEqual(expected(world, "world"));
    expect(named(scenarios)).toEqual(expected(scenarios, "scenario"));
    expect(named(games)).toEqual(expected(games, "game"));
  });

  it.each(world)("%s validates against the world schema", (file) => {
    expect(describeErrors(schemaErrors("world", read(file)))).toEqual([]);
  });

  it.each(scenarios)("%s validates against the scenario schema", (file) => {
    expect(describeErrors(schemaErrors("scenario", read(file)))).toEqual([]);
  });

  it.each(games)("%s validates against the game schema", (file) => {
    expect(describeErrors(schemaErrors("game", read(file)))).toEqual([]);
  });
});

describe("bad documents fail where they are wrong", () => {
  const at = (errors: ReturnType<typeof schemaErrors>) =>
    errors.map((e) => `${e.instancePath} ${e.keyword}`);

  it("a patch without extends", () => {
    const errors = schemaErrors("patch", { goods: [{ id: "euv_lithography", stockMonths: 6 }] });
    expect(at(errors)).toEqual([" required"]);
    expect(errors[0]!.params).toEqual({ missingProperty: "extends" });
  });

  it("a patch item without its key", () => {
    const errors = schemaErrors("patch", {
      extends: "default",
      suppliers: [{ good: "ai_compute", share: 0.02 }],
    });
    expect(at(errors)).toEqual(["/suppliers/0 required"]);
    expect(errors[0]!.params).toEqual({ missingProperty: "actor" });
  });

  it("a misspelt field of a world file", () => {
    const good = read("data/goods.yaml") as { goods: Record<string, unknown>[] };
    const { globalOutput, ...rest } = good.goods[0]!;
    const errors = schemaErrors("world", { goods: [{ ...rest, globalOuput: globalOutput }] });
    expect(at(errors)).toEqual(["/goods/0 required", "/goods/0 additionalProperties"]);
    expect(errors.map((e) => e.params)).toEqual([
      { missingProperty: "globalOutput" },
      { additionalProperty: "globalOuput" },
    ]);
  });

  it("a world file with extends (a patch)", () => {
    expect(at(schemaErrors("world", { extends: "default" }))).toEqual([" additionalProperties"]);
  });

  it("a scenario measure whose cap is above 1", () => {
    const errors = schemaErrors("scenario", {
      name: "x",
      horizon: 12,
      measures: [{ type: "export_control", from: ["US"], to: ["CN"], goods: ["gpu"], cap: 1.5 }],
    });
    expect(at(errors)).toContain("/measures/0/cap maximum");
  });

  it("a scenario with a month as text and an unknown measure type", () => {
    const errors = schemaErrors("scenario", {
      name: "x",
      horizon: "12",
      measures: [{ type: "embargo" }],
    });
    expect(at(errors)).toContain("/horizon type");
    expect(at(errors)).toContain("/measures/0 oneOf");
  });

  it("a game with one player", () => {
    const errors = schemaErrors("game", {
      name: "x",
      horizon: 12,
      players: [{ actor: "US", strategies: [{ id: "caps", measures: [] }] }],
    });
    expect(at(errors)).toEqual(["/players minItems"]);
  });
});
