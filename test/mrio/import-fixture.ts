/**
 * The fixture table imported by `levier data import mrio` into a fresh world directory, in
 * either layout, for the end-to-end tests.
 */
import { join } from "node:path";
import { runCli } from "../helpers/cli.js";
import {
  assumptionsText,
  crosswalkText,
  icioText,
  tempDir,
  wiodTexts,
  worldText,
} from "./table-fixture.js";

const csv = (name: string, collection: string) => ({
  name,
  "levier:collection": collection,
  path: `${name}.csv`,
  "levier:role": "world",
});
const PACKAGE = JSON.stringify({
  name: "mrio-test",
  resources: [
    { name: "world", path: "world.yaml", "levier:role": "world" },
    { name: "economy", path: "economy.yaml", "levier:role": "world" },
    csv("economy-suppliers", "suppliers"),
    csv("economy-demand", "demand"),
    csv("economy-flows", "flows"),
    csv("chain-flows", "flows"),
  ],
});

/** Imports the fixture in `layout` into a fresh world directory; returns it and the CLI run.
 * `extra`: lines added to the crosswalk. */
export async function importInto(layout: "wiod" | "icio", extra = "") {
  const table = layout === "wiod" ? tempDir(wiodTexts()) : tempDir({ "2011.csv": icioText() });
  const cw = tempDir({
    "crosswalk.yaml": crosswalkText(layout) + extra,
    "economy.yaml": assumptionsText(),
  });
  const out = tempDir({ "world.yaml": worldText(), "datapackage.json": PACKAGE });
  const args = [
    "data",
    "import",
    "mrio",
    table,
    "--layout",
    layout,
    "--crosswalk",
    join(cw, "crosswalk.yaml"),
  ];
  const run = await runCli([...args, "--out", out, "--world", out, "--json"]);
  return { out, run, again: () => runCli([...args, "--out", out, "--world", out]) };
}
