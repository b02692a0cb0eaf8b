/**
 * `levier schema KIND` prints the JSON Schema, equal to the committed schema/KIND.json (which
 * the README's modeline points at, so it must not go stale: `npm run schemas` rewrites them),
 * or writes it with --out; a bad kind, a missing one or a --world exits 2 with one sentence.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SCHEMA_KINDS } from "../../src/schema/kinds.js";
import { runCli } from "../helpers/cli.js";

const ROOT = resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "levier-schema-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("levier schema", () => {
  it.each(SCHEMA_KINDS)("%s prints the committed schema/<kind>.json", async (kind) => {
    const r = await runCli(["schema", kind], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const committed = readFileSync(join(ROOT, "schema", `${kind}.json`), "utf8");
    expect(r.stdout, `schema/${kind}.json is stale: run npm run schemas`).toBe(committed);
    expect(JSON.parse(r.stdout).$id).toBe(`https://levier.dev/schema/${kind}.json`);
  });

  it("--out writes the schema to a file, and prints nothing", async () => {
    const r = await runCli(["schema", "patch", "--out", "sub/patch.json"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(readFileSync(join(dir, "sub/patch.json"), "utf8")).toBe(
      readFileSync(join(ROOT, "schema/patch.json"), "utf8"),
    );
  });

  it("--out into a path under a file exits 2 with one sentence", async () => {
    writeFileSync(join(dir, "a-file"), "x");
    const r = await runCli(["schema", "world", "--out", "a-file/world.json"], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it.each([
    [
      ["schema", "bogus"],
      'levier: schema: unknown kind "bogus"; expected world, patch, scenario, game, result or rules',
    ],
    [
      ["schema"],
      "levier: schema: give a kind of document: world, patch, scenario, game, result or rules",
    ],
    [
      ["schema", "world", "--world", "data"],
      "levier: --world: `levier schema` reads no world; leave --world out",
    ],
    [
      ["--world", "data", "schema", "world"],
      "levier: --world: `levier schema` reads no world; leave --world out",
    ],
    [
      ["data", "schema", "--world", "data"],
      "levier: --world: `levier data schema` reads no world; leave --world out",
    ],
  ])("levier %j exits 2 with one sentence", async (argv, message) => {
    const r = await runCli(argv, dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`${message}\n`);
  });

  it("is the schema an unknown field's error points to", async () => {
    writeFileSync(join(dir, "typo.yaml"), "name: t\nhorizon: 3\nhorizn: 4\nmeasures: []\n");
    const r = await runCli(["run", "typo.yaml"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'typo.yaml:3:9: error[schema] horizn: unknown field "horizn"; check its spelling against the schema (levier schema scenario)',
    );
  });
});
