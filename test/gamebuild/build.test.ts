/**
 * Games built from simulations: profile order and payoffs from a stand-in simulator (so each
 * payoff is checked by hand), the threat tree and the words that explain it, and the whole
 * `levier game build` on the tiny world, whose written game `levier game solve` reads back.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildGame, payoffOf } from "../../src/gamebuild/build.js";
import { explainGame } from "../../src/gamebuild/explain.js";
import type { GameSpec } from "../../src/gamebuild/schema.js";
import type { Measure } from "../../src/scenario/schema.js";
import { solveGame } from "../../src/strategy/report/solve.js";
import { runCli } from "../helpers/cli.js";
import { FIXTURES } from "../helpers/world.js";

const cut = (from: string, to: string): Measure => ({
  type: "export_control",
  from: [from],
  to: [to],
  goods: ["g"],
  cap: 0,
});

/** Entry-deterrence numbers: the incumbent's threat to fight is not credible. */
const spec: GameSpec = {
  name: "entry",
  horizon: 12,
  players: [
    {
      actor: "EN",
      strategies: [
        { id: "stay-out", measures: [] },
        { id: "enter", measures: [cut("EN", "IN")], stake: 3 },
      ],
    },
    {
      actor: "IN",
      strategies: [
        { id: "accommodate", measures: [] },
        { id: "fight", measures: [cut("IN", "EN")] },
      ],
    },
  ],
  sequential: {
    threatener: "IN",
    idle: "accommodate",
    threat: "fight",
    target: "EN",
    comply: "stay-out",
    resist: "enter",
  },
};

/** Losses (USD bn) by who cuts whom: entering costs the incumbent 2; fighting costs each 2. */
function evaluate(measures: Measure[]) {
  const cuts = new Set(
    measures.map((m) => (m.type === "export_control" ? `${m.from[0]}>${m.to[0]}` : "")),
  );
  const loss = { EN: 0, IN: 0 };
  if (cuts.has("EN>IN")) loss.IN += 2e9;
  if (cuts.has("IN>EN")) {
    loss.EN += 4e9;
    loss.IN += 2e9;
  }
  return new Map(Object.entries(loss).map(([id, v]) => [id, { loss: v, securityIndexLoss: 0 }]));
}

describe("building a game from simulations", () => {
  const built = buildGame(spec, evaluate);

  it("orders profiles as Gambit does and takes payoffs as −losses plus stakes", () => {
    expect(built.profiles.map((p) => p.strategies)).toEqual([
      ["stay-out", "accommodate"],
      ["enter", "accommodate"],
      ["stay-out", "fight"],
      ["enter", "fight"],
    ]);
    expect(built.profiles.map((p) => p.payoffs)).toEqual([
      [0, 0],
      [3, -2],
      [-4, -2],
      [-1, -4],
    ]);
    expect(payoffOf({ economic: 1, security: 2 }, 1.5e9, 0.01)).toBe(-3.5);
  });

  it("builds the threat tree and finds the threat not credible", () => {
    const tree = solveGame({ kind: "extensive", game: built.sequential! });
    const words = explainGame(spec, built, solveGame({ kind: "normal", game: built.normal }), tree);
    expect(words).toContain(
      "IN's threat to fight if EN chooses enter is not credible: once EN has resisted, carrying it out gives IN −4 against −2 for backing down.",
    );
    expect(words.at(-1)).toMatch(
      /EN resists \(enter\); payoffs EN 3, IN −2\. The threat does not deter, because it is not credible\.$/,
    );
  });

  it("finds a credible threat deterring when fighting hurts the incumbent less than entry", () => {
    const fierce = (measures: Measure[]) => {
      const m = evaluate(measures);
      const cuts = measures.some((x) => x.type === "export_control" && x.from[0] === "IN");
      if (cuts) m.set("IN", { loss: m.get("IN")!.loss - 3e9, securityIndexLoss: 0 });
      return m;
    };
    const b = buildGame(spec, fierce);
    const words = explainGame(
      spec,
      b,
      solveGame({ kind: "normal", game: b.normal }),
      solveGame({ kind: "extensive", game: b.sequential! }),
    );
    expect(words.join(" ")).toContain("IN's threat to fight if EN chooses enter is credible");
    expect(words.at(-1)).toContain("IN threatens, EN complies (stay-out)");
    expect(words.at(-1)).toContain("The threat deters: without it EN would play enter.");
  });
});

describe("levier game build", () => {
  it("simulates the tiny world's profiles, writes the game and solves it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "levier-game-"));
    try {
      const r = await runCli(
        [
          "game",
          "build",
          "gamebuild/tiny-threat.yaml",
          "--world",
          "worlds/tiny.yaml",
          "--json",
          "--out",
          dir,
        ],
        FIXTURES,
      );
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect(doc.profiles).toHaveLength(4);
      expect(doc.profiles[0]).toMatchObject({ strategies: ["sell", "accept"], payoffs: [0, 0] });
      expect(doc.solution.equilibria.length).toBeGreaterThan(0);
      expect(doc.sequential.solution.threats.length).toBe(4);
      expect(doc.summary.join(" ")).toMatch(
        /AA's threat to retaliate if CC chooses withhold is (not )?credible/,
      );
      const solved = await runCli(
        ["game", "solve", join(dir, "tiny-threat.json"), "--json"],
        FIXTURES,
      );
      expect(solved.code).toBe(0);
      expect(JSON.parse(solved.stdout).equilibria).toEqual(
        doc.solution.equilibria.map((e: { strategies: unknown; payoffs: unknown }) => ({
          strategies: e.strategies,
          payoffs: e.payoffs,
        })),
      );
      expect(readFileSync(join(dir, "tiny-threat-threat.efg"), "utf8")).toMatch(/^EFG 2 R/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reports a bad specification at file:line:col and exits 2", async () => {
    const r = await runCli(
      ["game", "build", "gamebuild/bad-strategy.yaml", "--world", "worlds/tiny.yaml"],
      FIXTURES,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'gamebuild/bad-strategy.yaml:10:53: error[unknown-id] sequential.threat: AA has no strategy "punish"; expected one of accept, retaliate',
    );
    expect(r.stderr).toContain(
      'gamebuild/bad-strategy.yaml:9:78: error[unknown-id] players[1].strategies[1].measures[0].to[0]: unknown actor "ZZ"',
    );
  });
});
