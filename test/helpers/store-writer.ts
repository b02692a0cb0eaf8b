/**
 * Writes runs in a loop into a SQLite store until it is killed (test/store/store.test.ts kills
 * it with SIGKILL at a random moment). Each run goes queued → running → progress → done (or
 * failed), and every few runs the scenario is edited. Prints "ready" once the store is open.
 * Usage: node --import tsx test/helpers/store-writer.ts PATH
 */
import { openStore } from "../../src/store/open.js";
import { sha256 } from "../../src/store/rows.js";

const path = process.argv[2]!;
const store = await openStore(path);
const at = () => new Date().toISOString();

let world = (await store.listWorlds())[0];
if (!world) {
  const made = await store.createWorld({
    id: "w",
    name: "world",
    content: JSON.stringify({
      actors: ["EU", "US"],
      goods: Array.from({ length: 200 }, (_, i) => i),
    }),
    contentType: "application/json",
    at: at(),
  });
  if (!made.ok) throw new Error("world");
  world = made.value;
}
let scenario = (await store.listScenarios())[0];
if (!scenario) {
  const made = await store.createScenario({
    id: "s",
    name: "scenario",
    text: "name: kill test\nhorizon: 12\n",
    contentType: "application/yaml",
    worldId: world.id,
    at: at(),
  });
  if (!made.ok) throw new Error("scenario");
  scenario = made.value;
}
process.stdout.write("ready\n");

const start = Date.now();
for (let i = 0; ; i++) {
  const n = `${process.pid}-${i}`;
  const made = await store.createRun({
    id: `run-${n}`,
    scenarioId: scenario.id,
    seed: i,
    draws: 4,
    total: 4,
    options: { horizon: 12, i },
    inputs: { extra: sha256(n) },
    at: at(),
  });
  if (!made.ok) throw new Error(`createRun: ${made.reason}`);
  const id = made.value.id;
  if (i % 11 === 3) continue; // left queued
  await store.startRun(id, at());
  for (let k = 1; k < 4; k++) await store.progress(id, { done: k, total: 4 }, at());
  if (i % 11 === 7) continue; // left running
  if (i % 5 === 4) {
    await store.failRun(id, { error: `failed ${n}`, warnings: [{ code: "w", n }], at: at() });
  } else {
    const payload = Array.from({ length: 3000 }, (_, j) => ((i + 1) * 7919 + j * 31) % 10007);
    const sum = payload.reduce((a, b) => a + b, 0);
    await store.finishRun(id, {
      result: { run: n, payload, sum },
      warnings: [{ code: "w", n }],
      at: at(),
    });
  }
  if (i % 3 === 0) {
    const cur = (await store.getScenario(scenario.id))!;
    await store.updateScenario(cur.id, cur.version, {
      text: `name: kill test\nhorizon: 12\n# edit ${n} after ${Date.now() - start} ms\n`,
      at: at(),
    });
  }
}
