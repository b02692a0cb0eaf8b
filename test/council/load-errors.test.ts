// Broken council data is refused with issues that name the file, line and column.
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCouncil } from "../../src/council/load.js";
import { FIXTURES, fsReader } from "./data.js";

function load(fixture: string) {
  const { council, issues } = loadCouncil(fsReader, join(FIXTURES, fixture));
  return {
    council,
    issues: issues.map((i) => ({
      code: i.code,
      where: i.at ? `${relative(FIXTURES, i.at.file)}:${i.at.line}:${i.at.col}` : undefined,
      path: i.path,
      message: i.message,
    })),
  };
}

describe("loadCouncil on broken data", () => {
  it("places a share outside (0, 1] at its value", () => {
    const { council, issues } = load("bad-share");
    expect(council).toBeUndefined();
    expect(issues).toEqual([
      expect.objectContaining({
        code: "schema",
        where: "bad-share/rules.yaml:5:25",
        path: "rules[0].members.atLeast",
      }),
    ]);
  });

  it("names an unknown rule in a measure kind", () => {
    const { issues } = load("unknown-rule");
    expect(issues).toEqual([
      expect.objectContaining({
        code: "unknown-id",
        where: "unknown-rule/measure-kinds.yaml:6:15",
        path: "measureKinds[0].steps[0].rule",
        message: expect.stringContaining('unknown rule "qmw"'),
      }),
    ]);
  });

  it("refuses an abstention effect the treaty does not give the rule's kind", () => {
    const { issues } = load("abstention-effect");
    expect(issues).toEqual([
      expect.objectContaining({
        code: "abstention-effect",
        where: "abstention-effect/rules.yaml:14:15",
        path: "rules[0].abstention.effect",
      }),
    ]);
  });

  it("places bad cells and duplicate members of the population table", () => {
    const { issues } = load("population-errors");
    expect(issues).toEqual([
      expect.objectContaining({
        code: "schema",
        where: "population-errors/population.csv:3:17",
        path: "population[1].population",
      }),
      expect.objectContaining({
        code: "duplicate-id",
        where: "population-errors/population.csv:5:1",
        message: "member DE appears twice; first at line 2",
      }),
    ]);
  });

  it("blames the one population that disagrees with its share, not every row it shifts", () => {
    const { issues } = load("share-mismatch");
    expect(issues).toEqual([
      expect.objectContaining({
        code: "share-mismatch",
        where: "share-mismatch/population.csv:33:15",
        message: expect.stringMatching(
          /^MT: 5411810 persons .* most likely because this one is wrong/,
        ),
      }),
    ]);
  });

  it("names each role missing from datapackage.json", () => {
    const { issues } = load("missing-role");
    expect(issues.map((i) => [i.code, i.where])).toEqual([
      ["missing-resource", "missing-role/datapackage.json:3:16"],
      ["missing-resource", "missing-role/datapackage.json:3:16"],
      ["missing-resource", "missing-role/datapackage.json:3:16"],
    ]);
    expect(issues.map((i) => i.message.match(/"(council-[a-z-]+)"/)?.[1])).toEqual([
      "council-measure-kinds",
      "council-population",
      "council-sources",
    ]);
  });

  it("reports YAML syntax errors with their position", () => {
    const { issues } = load("syntax");
    expect(issues).toEqual([
      expect.objectContaining({ code: "syntax", where: "syntax/rules.yaml:4:1" }),
    ]);
  });

  it("reports a directory without datapackage.json", () => {
    const { issues } = load("does-not-exist");
    expect(issues).toEqual([
      expect.objectContaining({
        code: "missing-file",
        where: "does-not-exist/datapackage.json:1:1",
      }),
    ]);
  });
});
