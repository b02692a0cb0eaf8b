/**
 * The loader's corpus of bad inputs: every file gets the exact error location and message, the
 * CLI exits with 2, and nothing is half-loaded.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../src/diagnostics/issue.js";
import { runCli } from "../helpers/cli.js";
import { FIXTURES, loadFixture } from "../helpers/world.js";

/** [fixture under test/fixtures/bad-worlds, the first error as `levier` prints it] */
const CORPUS: [string, string][] = [
  [
    "unclosed-flow.yaml",
    "bad-worlds/unclosed-flow.yaml:2:1: error[syntax] a { mapping above is not closed; expected } before this line",
  ],
  [
    "bad-indent.yaml",
    "bad-worlds/bad-indent.yaml:2:9: error[syntax] a second `key:` on one line (`a: b: c`); expected the inner mapping on its own, indented lines",
  ],
  [
    "duplicate-key.yaml",
    "bad-worlds/duplicate-key.yaml:3:3: error[syntax] this key is given twice in the same mapping; expected each key once",
  ],
  [
    "tab-indent.yaml",
    "bad-worlds/tab-indent.yaml:2:1: error[syntax] a tab indents this line; expected spaces (YAML does not allow tabs as indentation)",
  ],
  ["empty.yaml", "bad-worlds/empty.yaml:1:1: error[schema] expected a mapping, found null"],
  [
    "bad-syntax.json",
    "bad-worlds/bad-syntax.json:4:35: error[syntax] invalid JSON: Expected ',' or '}' after property value",
  ],
  [
    "bad-enum.json",
    'bad-worlds/bad-enum.json:3:54: error[schema] actors[0].kind: expected one of "state", "bloc", "aggregate", found "empire"',
  ],
  [
    "wrong-type.yaml",
    'bad-worlds/wrong-type.yaml:7:19: error[schema] goods[0].globalOutput: expected a number or a mapping, found "lots"',
  ],
  [
    "nan.yaml",
    "bad-worlds/nan.yaml:3:37: error[schema] suppliers[0].share: expected a number or a mapping, found NaN",
  ],
  [
    "infinity.yaml",
    "bad-worlds/infinity.yaml:3:46: error[schema] actors[0].gdp: expected a number or a mapping, found Infinity",
  ],
  [
    "negative.yaml",
    "bad-worlds/negative.yaml:8:18: error[range] goods[0].stockMonths: expected a number >= 0, found -1",
  ],
  [
    "criticality-above-one.yaml",
    "bad-worlds/criticality-above-one.yaml:8:54: error[range] goods[0].recipe[0].criticality: expected a share between 0 and 1, found 1.4",
  ],
  [
    "share-above-one.yaml",
    "bad-worlds/share-above-one.yaml:3:37: error[range] suppliers[0].share: expected a share between 0 and 1, found 1.3",
  ],
  [
    "shares-over-100.yaml",
    "bad-worlds/shares-over-100.yaml:3:37: error[shares-sum] suppliers[0].share: supplier shares of chip add up to 1.2 of world output (BB 0.9, CC 0.3); expected 1 ± 0.01",
  ],
  [
    "unknown-supplier-actor.yaml",
    'bad-worlds/unknown-supplier-actor.yaml:3:26: error[unknown-id] suppliers[0].actor: unknown actor "ZZ"; expected one of the ids in actors',
  ],
  [
    "unknown-recipe-input.yaml",
    'bad-worlds/unknown-recipe-input.yaml:10:18: error[unknown-id] goods[0].recipe[1].input: unknown good "steel"; expected one of the ids in goods',
  ],
  [
    "duplicate-actor.yaml",
    'bad-worlds/duplicate-actor.yaml:4:5: error[duplicate] actors[1]: duplicate id "DD" in actors; first given at bad-worlds/duplicate-actor.yaml:3:5',
  ],
  [
    "bloc-unknown-member.yaml",
    'bad-worlds/bloc-unknown-member.yaml:3:69: error[unknown-id] actors[0].members[2]: unknown member "QQ" of bloc AB; expected a state id',
  ],
  [
    "bloc-of-blocs.yaml",
    "bad-worlds/bloc-of-blocs.yaml:3:60: error[bloc-members] actors[0].members[0]: member AB of bloc XB is a bloc; expected a state",
  ],
  [
    "bloc-without-members.yaml",
    "bad-worlds/bloc-without-members.yaml:3:5: error[bloc-members] actors[0].members: bloc XB has no members; expected a list of state ids",
  ],
  [
    "state-with-members.yaml",
    "bad-worlds/state-with-members.yaml:3:50: error[bloc-members] actors[0].members: CC is a state, not a bloc; only blocs have members",
  ],
  [
    "bloc-as-supplier.yaml",
    "bad-worlds/bloc-as-supplier.yaml:3:26: error[bloc-not-allowed] suppliers[0].actor: AB is a bloc; expected a state or aggregate (give its members' rows instead)",
  ],
  [
    "unknown-source.yaml",
    'bad-worlds/unknown-source.yaml:3:49: error[unknown-source] suppliers[0].source: source "hearsay" is not defined in sources',
  ],
  [
    "over-used.yaml",
    "worlds/tiny.yaml:27:19: error[over-used] goods[1].globalOutput: recipes use 150 units of chip per year (car 150) but world output is 100; expected output to cover intermediate use",
  ],
  [
    "unknown-field.yaml",
    'bad-worlds/unknown-field.yaml:7:18: error[schema] goods[0].globalOuput: unknown field "globalOuput"; check its spelling against the schema (levier schema patch)',
  ],
  [
    "missing-field.yaml",
    'bad-worlds/missing-field.yaml:3:5: error[schema] goods[3].unit: missing field "unit"; expected a text',
  ],
  [
    "unknown-dist.yaml",
    'bad-worlds/unknown-dist.yaml:3:44: error[schema] suppliers[0].share.dist: expected one of "triangular", "pert", "uniform", "lognormal", found "triangle"',
  ],
  [
    "dist-low-above-high.yaml",
    "bad-worlds/dist-low-above-high.yaml:3:36: error[distribution] suppliers[0].share: expected low <= high, found low 0.5 > high 0.3",
  ],
  [
    "dist-mode-outside.yaml",
    "bad-worlds/dist-mode-outside.yaml:3:36: error[distribution] suppliers[0].share: expected low <= mode <= high, found 0.3, 0.6, 0.5",
  ],
  [
    "lognormal-sigma.yaml",
    "bad-worlds/lognormal-sigma.yaml:3:80: error[schema] actors[0].gdp.sigma: expected sigma > 0, found 0",
  ],
  [
    "lowercase-actor-id.yaml",
    'bad-worlds/lowercase-actor-id.yaml:3:11: error[schema] actors[0].id: expected an actor id such as DE, EU or ROW, found "de"',
  ],
  [
    "unknown-layer.yaml",
    'bad-worlds/unknown-layer.yaml:6:12: error[schema] goods[0].layer: expected one of "materials", "equipment", "design", "fabrication", "chips", "compute", "models", "data", "manufacturing", "energy", "security", "economy", found "tooling"',
  ],
  [
    "extends-missing.yaml",
    "bad-worlds/no-such-world.yaml:1:1: error[not-found] no such file or directory; expected a world file (.yaml, .yml, .json) or a directory with datapackage.json",
  ],
  [
    "extends-cycle-a.yaml",
    "bad-worlds/extends-cycle-a.yaml:1:1: error[extends-cycle] extends forms a cycle: bad-worlds/extends-cycle-a.yaml -> bad-worlds/extends-cycle-b.yaml -> bad-worlds/extends-cycle-a.yaml",
  ],
  [
    "year-out-of-range.yaml",
    "bad-worlds/year-out-of-range.yaml:3:61: error[schema] suppliers[0].year: expected at least 1900, found 1850",
  ],
  [
    "demand-short.yaml",
    "bad-worlds/demand-short.yaml:3:37: error[shares-sum] demand[0].share: final-demand shares of chip add up to 0.6; expected 1 ± 0.01, or demandBy on the good to share the rest",
  ],
  [
    "share-and-output.yaml",
    "bad-worlds/share-and-output.yaml:3:5: error[schema] suppliers[0]: expected exactly one of share and output, found both",
  ],
  [
    "self-flow.yaml",
    "bad-worlds/self-flow.yaml:3:33: error[self-flow] flows[0].to: a flow from BB to itself; expected two different actors",
  ],
  [
    "no-suppliers.yaml",
    "bad-worlds/no-suppliers.yaml:3:9: error[no-suppliers] goods[0].id: good data has no suppliers; expected rows in suppliers whose shares add up to 1",
  ],
  [
    "headline-unknown-firm.yaml",
    'bad-worlds/headline-unknown-firm.yaml:6:54: error[unknown-id] headlines[0].metric.numerator: unknown firm "acme"',
  ],
  [
    "control-unknown-actor.yaml",
    'bad-worlds/control-unknown-actor.yaml:3:46: error[unknown-id] controls[0].to[0]: unknown actor "ZZ"; expected an actor id (a bloc stands for its members) or a group id',
  ],
  [
    "control-unknown-good.yaml",
    'bad-worlds/control-unknown-good.yaml:3:65: error[unknown-id] controls[0].goods[1]: unknown good "steel"; expected one of the ids in goods',
  ],
  [
    "control-cap-above-one.yaml",
    "bad-worlds/control-cap-above-one.yaml:3:71: error[range] controls[0].cap: expected a share between 0 and 1, found 1.2",
  ],
  [
    "control-bad-date.yaml",
    'bad-worlds/control-bad-date.yaml:3:81: error[schema] controls[0].since: expected a month as YYYY-MM, such as 2023-09, found "2024-13"',
  ],
  [
    "control-ends-before-start.yaml",
    "bad-worlds/control-ends-before-start.yaml:3:99: error[range] controls[0].until: expected the month it ended after the month it began (2024-06), found 2024-06",
  ],
  [
    "dir-csv-quote",
    'bad-worlds/dir-csv-quote/extra.csv:2:22: error[syntax] unterminated quoted field; expected a closing "',
  ],
  [
    "dir-csv-fields",
    "bad-worlds/dir-csv-fields/extra.csv:2:17: error[syntax] expected 6 fields as in the header, found 5",
  ],
  [
    "dir-csv-number",
    'bad-worlds/dir-csv-number/extra.csv:2:8: error[schema] suppliers[0].share: expected a finite number, found "abc"',
  ],
  [
    "dir-csv-column",
    'bad-worlds/dir-csv-column/extra.csv:1:12: error[schema] shares: unknown column "shares"; expected one of share, output, good, actor, utilisation, source, year, note, low, high, dist',
  ],
  [
    "dir-missing-resource",
    "bad-worlds/dir-missing-resource/datapackage.json:5:36: error[not-found] resources[1].path: resource file missing.csv does not exist",
  ],
  [
    "dir-no-package",
    "bad-worlds/dir-no-package/datapackage.json:1:1: error[not-found] a world directory needs a datapackage.json listing its resources",
  ],
];

describe("loading a bad world", () => {
  it.each(CORPUS)("%s gives its exact first error and no world", (fixture, expected) => {
    const { world, issues } = loadFixture(`bad-worlds/${fixture}`);
    expect(world).toBeUndefined();
    const errors = issues.filter((i) => i.severity === "error").map(formatIssue);
    expect(errors[0]).toBe(expected);
  });

  it.each(CORPUS)(
    "levier data validate %s exits 2 and prints the error",
    async (fixture, expected) => {
      const r = await runCli(["data", "validate", `bad-worlds/${fixture}`], FIXTURES);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(expected);
      expect(r.stdout).toBe("");
    },
  );

  it("reports every problem in a file, not only the first", () => {
    const { issues } = loadFixture("bad-worlds/many-errors.yaml");
    expect(issues.filter((i) => i.severity === "error").map(formatIssue)).toEqual([
      'bad-worlds/many-errors.yaml:5:26: error[unknown-id] suppliers[0].actor: unknown actor "YY"; expected one of the ids in actors',
      'bad-worlds/many-errors.yaml:6:49: error[unknown-source] suppliers[1].source: source "rumour" is not defined in sources',
      "bad-worlds/many-errors.yaml:3:55: error[range] actors[0].population: expected a number >= 0, found -5",
    ]);
  });

  it("names an unproductive cycle of recipes with its spectral radius", () => {
    const { issues } = loadFixture("bad-worlds/unproductive-cycle.yaml");
    expect(issues.map(formatIssue)).toContain(
      "bad-worlds/unproductive-cycle.yaml:9:7: error[unproductive] goods[0].recipe: recipes of chip, car form a cycle with spectral radius 1.414214; expected below 1, so that every good can be produced",
    );
  });

  it("refuses a 50 MB file before parsing it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "levier-big-"));
    try {
      const file = join(dir, "big.yaml");
      const line = "# padding padding padding padding padding padding padding padding padding\n";
      writeFileSync(file, line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)));
      const r = await runCli(["data", "validate", file], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /big\.yaml:1:1: error\[too-large\] file is 5\d{7} bytes; the limit is 16777216/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses deeply nested input with the place where it gets too deep", async () => {
    const dir = mkdtempSync(join(tmpdir(), "levier-deep-"));
    try {
      writeFileSync(
        join(dir, "deep.yaml"),
        `meta:\n  name: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`,
      );
      writeFileSync(
        join(dir, "deep.json"),
        `{"meta": ${'{"a": '.repeat(5000)}1${"}".repeat(5000)}}`,
      );
      const yaml = await runCli(["data", "validate", "deep.yaml"], dir);
      expect(yaml.code).toBe(2);
      expect(yaml.stderr).toContain(
        "deep.yaml:2:73: error[too-deep] collections nested more than 64 deep; expected a flatter document",
      );
      const json = await runCli(["data", "validate", "deep.json"], dir);
      expect(json.code).toBe(2);
      expect(json.stderr).toContain(
        "deep.json:1:388: error[too-deep] collections nested more than 64 deep; expected a flatter document",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses block-style nesting too deep for the parser without crashing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "levier-deep-"));
    try {
      writeFileSync(join(dir, "dashes.yaml"), `${"- ".repeat(50_000)}1\n`);
      const r = await runCli(["data", "validate", "dashes.yaml"], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /dashes\.yaml:1:\d+: error\[too-deep\] collections nested too deeply to read; expected a flatter document/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
