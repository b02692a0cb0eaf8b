/**
 * A measure that matches nothing on the network gets a warning, kept in the run and printed by
 * `levier run` on stderr. The three-node world: AA makes tools, which only BB uses; BB makes
 * chips, which only CC uses; CC makes vans, which only CC uses (final demand).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { realiseScenario } from "../../src/run/realise.js";
import { runScenario } from "../../src/run/scenario-run.js";
import { loadScenario } from "../../src/scenario/load.js";
import { runCli } from "../helpers/cli.js";
import { loadFixture } from "../helpers/world.js";

const world = loadFixture("worlds/three-node.yaml").world!;

function warningsOf(measures: string[]) {
  const text = `name: t\nhorizon: 3\nmeasures:\n${measures.map((m) => `  - ${m}\n`).join("")}`;
  const { loaded, issues } = loadScenario(text, "t.yaml", world);
  expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  return runScenario(realiseScenario(loaded!)).warnings;
}

describe("measures that match nothing", () => {
  it.each([
    [
      "an actor controlling its own exports",
      "{ id: own, type: export_control, from: [CC], to: [CC], goods: [van], cap: 0 }",
      "own-exports",
      "own: its only route is from CC to itself, which trade measures never cover",
    ],
    [
      "an exporter that does not make the good",
      "{ id: no-maker, type: export_control, from: [CC], to: [BB], goods: [tool], cap: 0 }",
      "no-exporter",
      "no-maker: CC makes none of tool",
    ],
    [
      "a target that uses none of the good",
      "{ id: no-user, type: export_control, from: [AA], to: [CC], goods: [tool], quantity: 1 }",
      "no-target-use",
      "no-user: CC uses none of tool",
    ],
    [
      "an agreement on a route with no buyer",
      "{ id: deal, type: agreement, from: [BB], to: [AA], goods: [chip], share: 1 }",
      "no-target-use",
      "deal: AA uses none of chip",
    ],
    [
      "a shock on a good the actor does not make",
      "{ id: quake, type: capacity_shock, actors: [AA], goods: [van], fraction: 0.5 }",
      "no-node",
      "quake: AA makes none of van; nothing to change",
    ],
    [
      "growth of an industry the actors lack",
      "{ id: boom, type: capacity_growth, actors: [AA, BB], goods: [van], ratePerYear: 0.1 }",
      "no-node",
      "boom: AA, BB make none of van; nothing to change",
    ],
    [
      "a stockpile of a good the actor does not use",
      "{ id: hoard, type: stockpile, actors: [AA], goods: [chip], months: 2 }",
      "no-pool",
      "hoard: AA uses none of chip",
    ],
  ])("%s", (_, measure, code, message) => {
    const label = message.slice(0, message.indexOf(":"));
    expect(warningsOf([measure])).toEqual([
      { severity: "warning", code, path: "measures[0]", message, measure: label, index: 0 },
    ]);
  });

  it("names each measure by its place, and says nothing of measures that match", () => {
    const warnings = warningsOf([
      "{ type: export_control, from: [AA], to: [BB], goods: [tool], cap: 0 }",
      "{ type: capacity_shock, actors: [BB], goods: [chip], fraction: 0.5 }",
      "{ type: stockpile, actors: [CC], goods: [chip], months: 1 }",
      "{ type: capacity_shock, actors: [CC], goods: [tool], fraction: 0.5 }",
    ]);
    expect(warnings.map((w) => [w.path, w.measure, w.code])).toEqual([
      ["measures[3]", "capacity_shock #4", "no-node"],
    ]);
  });

  it("levier run prints them on stderr with file:line:col and puts them in the JSON document", async () => {
    const dir = mkdtempSync(join(tmpdir(), "levier-warn-"));
    writeFileSync(
      join(dir, "s.yaml"),
      [
        "name: nothing to cut",
        "horizon: 3",
        "measures:",
        "  - { id: ok, type: export_control, from: [AA], to: [BB], goods: [tool], cap: 0.5 }",
        "  - { id: own, type: export_control, from: [CC], to: [CC], goods: [van], cap: 0 }",
        "",
      ].join("\n"),
    );
    const worldFile = join(import.meta.dirname, "../fixtures/worlds/three-node.yaml");
    const r = await runCli(["run", "s.yaml", "--world", worldFile, "--json"], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      "levier: warning: s.yaml:5:5: own: its only route is from CC to itself, which trade measures never cover [own-exports]\n",
    );
    const doc = JSON.parse(r.stdout) as { warnings: { code: string; measure: string }[] };
    expect(doc.warnings.map((w) => [w.code, w.measure])).toEqual([["own-exports", "own"]]);
  });

  it("levier run --months carries the loader's warnings too: a measure cut at the horizon", async () => {
    const dir = mkdtempSync(join(tmpdir(), "levier-warn-"));
    writeFileSync(
      join(dir, "s.yaml"),
      [
        "name: a long cut",
        "horizon: 12",
        "measures:",
        "  - { id: ban, type: export_control, from: [AA], to: [BB], goods: [tool], cap: 0, end: 10 }",
        "",
      ].join("\n"),
    );
    const worldFile = join(import.meta.dirname, "../fixtures/worlds/three-node.yaml");
    const r = await runCli(["run", "s.yaml", "--world", worldFile, "--months", "3", "--json"], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^levier: warning: s\.yaml:4:\d+: ends in month 10, after the 3-month horizon; cut at the horizon \[cut\]\n$/,
    );
    const doc = JSON.parse(r.stdout) as { warnings: { code: string; path: string }[] };
    expect(doc.warnings.map((w) => [w.code, w.path])).toEqual([["cut", "measures[0].end"]]);
  });
});
