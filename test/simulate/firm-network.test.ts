/**
 * A firm-level network from CSV runs through the same engine: two chip firms feed one van maker;
 * when BB's chip firm loses its tools, the van maker keeps the other firm's 40% of its chips and
 * makes 1 − 0.5·(1 − 0.4) = 0.7 of its vans.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { firmNetwork } from "../../src/network/firm-network.js";
import { parseCsv } from "../../src/parse/csv.js";
import { realise, realiseScenario } from "../../src/run/realise.js";
import { runScenario } from "../../src/run/scenario-run.js";
import { loadScenario } from "../../src/scenario/load.js";
import { NO_CONTROLS } from "../../src/simulate/controls.js";
import { simulate } from "../../src/simulate/run.js";
import { runCli } from "../helpers/cli.js";
import { FIXTURES, loadFixture } from "../helpers/world.js";

const world = loadFixture("worlds/three-node.yaml").world!;
const table = (dir: string, name: string) => {
  const file = join(FIXTURES, "firms", dir, name);
  return parseCsv(readFileSync(file, "utf8"), file).table!;
};
const net = firmNetwork(
  realise(world.world),
  table("chips", "nodes.csv"),
  table("chips", "edges.csv"),
).network!;

describe("a firm-level network", () => {
  it("has the firms' baseline sales as output and stays at baseline without measures", () => {
    expect(net.nodeId).toEqual(["tools-a", "tools-b", "chips-a", "chips-b", "vans"]);
    expect(Array.from(net.nodeBase)).toEqual([0.075, 0.05, 0.6, 0.4, 1]);
    const trace = simulate(net, NO_CONTROLS, 24);
    for (let t = 0; t < 24; t++)
      for (let k = 0; k < net.nodeCount; k++)
        expect(trace.output[t * net.nodeCount + k]).toBe(net.nodeBase[k]);
  });

  it("propagates a cut-off along its edges only", () => {
    const file = join(FIXTURES, "scenarios/firms-cut.yaml");
    const { loaded } = loadScenario(readFileSync(file, "utf8"), file, world);
    const run = runScenario(realiseScenario(loaded!), net);
    const N = net.nodeCount;
    const at = (id: string, month: number) =>
      run.trace.output[(month - 1) * N + net.nodeId.indexOf(id)]!;
    // chips-a holds two months of tools (0.15) and uses 0.075 a month: full output to month 3.
    expect(at("chips-a", 3)).toBeCloseTo(0.6, 12);
    expect(at("chips-a", 4)).toBeCloseTo(0, 12);
    expect(at("vans", 4)).toBeCloseTo(1, 12);
    expect(at("vans", 5)).toBeCloseTo(0.7, 12);
    // chips-b has no spare capacity and no other edge: it cannot make up for chips-a.
    expect(at("chips-b", 8)).toBeCloseTo(0.4, 12);
  });

  it("reports bad rows with file:line:col through levier run --network", async () => {
    const r = await runCli(
      [
        "run",
        "scenarios/firms-cut.yaml",
        "--world",
        "worlds/three-node.yaml",
        "--network",
        "firms/bad",
      ],
      FIXTURES,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'firms/bad/nodes.csv:2:3: error[network] unknown actor "ZZ"; expected a state or aggregate of the world',
    );
    expect(r.stderr).toContain(
      'firms/bad/nodes.csv:3:6: error[network] unknown good "gizmo"; expected one of the world\'s goods',
    );
    expect(r.stderr).toContain(
      'firms/bad/edges.csv:2:3: error[network] unknown firm "nobody"; expected an id of nodes.csv',
    );
  });
});
