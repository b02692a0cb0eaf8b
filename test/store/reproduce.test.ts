/**
 * A stored run is reproducible from what is stored (docs/store.md): a scenario with draws runs
 * through `run/`, its document goes into the store, the scenario is edited, and the texts, seed,
 * draws and options the store kept for the run give the same document again, bit for bit.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileReader } from "../../src/io/world-files.js";
import { runScenarioRequest } from "../../src/run/scenario.js";
import type { Json } from "../../src/run/store.js";
import { openStore } from "../../src/store/open.js";
import { type LoadedWorld, loadWorld } from "../../src/world/load.js";
import type { World } from "../../src/world/schema.js";

const ROOT = join(import.meta.dirname, "../..");
const FILE = "examples/taiwan-fab-disruption.yaml";
const sha256 = (t: string) => createHash("sha256").update(t, "utf8").digest("hex");

/** A world read back from its stored JSON text. */
function worldFrom(content: string): LoadedWorld {
  return {
    world: JSON.parse(content) as World,
    issues: [],
    locate: () => undefined,
    fromTop: () => true,
  };
}

const tmp = mkdtempSync(join(tmpdir(), "levier-reproduce-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("a stored run", () => {
  it("reruns from the texts, seed, draws and options the store kept, to the same document", async () => {
    const store = await openStore(join(tmp, "levier.db"));
    try {
      const loaded = loadWorld(fileReader(ROOT)).world!;
      const content = JSON.stringify(loaded.world);
      const text = readFileSync(join(ROOT, FILE), "utf8");
      const w = await store.createWorld({
        id: "default",
        name: "levier default",
        content,
        contentType: "application/json",
        at: "2026-01-01T00:00:00.000Z",
      });
      const s = await store.createScenario({
        name: "Taiwan",
        text,
        contentType: "application/yaml",
        worldId: "default",
        at: "2026-01-01T00:00:01.000Z",
      });
      if (!w.ok || !s.ok) throw new Error("setup");
      const made = await store.createRun({
        scenarioId: s.value.id,
        seed: 5,
        draws: 3,
        options: { horizon: 3 },
        total: 3,
        at: "2026-01-01T00:00:02.000Z",
      });
      if (!made.ok) throw new Error("createRun");
      const run = made.value;
      await store.startRun(run.id, "2026-01-01T00:00:03.000Z");
      const first = await runScenarioRequest({
        world: worldFrom(content),
        text,
        file: FILE,
        horizon: 3,
        draws: { count: 3, seed: 5, inputs: { scenario: sha256(text), world: sha256(content) } },
      });
      const doc = JSON.parse(JSON.stringify(first.doc)) as Json;
      await store.finishRun(run.id, {
        result: doc,
        warnings: JSON.parse(JSON.stringify(first.warnings)) as Json,
        at: "2026-01-01T00:00:04.000Z",
      });
      // The loaded world and its JSON text run the same.
      const direct = await runScenarioRequest({
        world: loaded,
        text,
        file: FILE,
        horizon: 3,
        draws: { count: 3, seed: 5, inputs: { scenario: sha256(text), world: sha256(content) } },
      });
      expect(JSON.stringify(direct.doc)).toBe(JSON.stringify(first.doc));

      // The scenario is edited afterwards; the run keeps what it ran on.
      await store.updateScenario(s.value.id, 1, {
        text: text.replace("draws: 40", "draws: 2"),
        at: "2026-01-01T00:00:05.000Z",
      });
      const kept = (await store.runInputs(run.id))!;
      expect(kept.run.inputs).toEqual({ scenario: sha256(text), world: sha256(content) });
      const again = await runScenarioRequest({
        world: worldFrom(kept.world.content),
        text: kept.scenario.text,
        file: FILE,
        horizon: kept.run.options.horizon as number,
        draws: { count: kept.run.draws!, seed: kept.run.seed!, inputs: kept.run.inputs },
      });
      expect(JSON.stringify(again.doc)).toBe(JSON.stringify(kept.run.result));
      expect(again.doc.draws).toMatchObject({ requested: 3, done: 3, seed: 5 });
    } finally {
      await store.close();
    }
  });
});
