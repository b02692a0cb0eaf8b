/**
 * `levier game solve` in-process: a `new Command()` with exitOverride and `registerGame`, the
 * way test/cli will drive `main` once the command is wired in.
 */
import { join } from "node:path";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { registerGame } from "../../src/cli/game.js";
import { InputError } from "../../src/diagnostics/errors.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/games");

async function solve(args: string[]): Promise<{ stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const program = new Command().exitOverride();
  registerGame(program, {
    stdout: {
      write: (s) => {
        stdout += s;
      },
    },
    stderr: {
      write: (s) => {
        stderr += s;
      },
    },
    cwd: FIXTURES,
  });
  await program.parseAsync(["game", "solve", ...args], { from: "user" });
  return { stdout, stderr };
}

describe("levier game solve", () => {
  it("--json prints one document with exact equilibria, pure, dominance and security", async () => {
    const { stdout, stderr } = await solve(["battle-of-the-sexes.json", "--json"]);
    expect(stderr).toBe("");
    const doc = JSON.parse(stdout);
    expect(doc.equilibria).toEqual([
      {
        strategies: [
          ["1", "0"],
          ["1", "0"],
        ],
        payoffs: ["2", "1"],
      },
      {
        strategies: [
          ["2/3", "1/3"],
          ["1/3", "2/3"],
        ],
        payoffs: ["2/3", "2/3"],
      },
      {
        strategies: [
          ["0", "1"],
          ["0", "1"],
        ],
        payoffs: ["1", "2"],
      },
    ]);
    expect(doc.pure.map((e: { profile: string[] }) => e.profile)).toEqual([
      ["Opera", "Opera"],
      ["Football", "Football"],
    ]);
    expect(doc.dominance).toEqual({
      eliminated: [],
      surviving: [
        ["Opera", "Football"],
        ["Opera", "Football"],
      ],
    });
    expect(doc.security[0]).toEqual({
      player: "Ann",
      pure: { value: "0", strategies: ["Opera", "Football"] },
      mixed: { value: "2/3", strategy: ["1/3", "2/3"] },
    });
    expect(doc.method).toBe("extreme-equilibria");
  });

  it("--json on an extensive game adds the subgame-perfect equilibrium and threats", async () => {
    const doc = JSON.parse((await solve(["entry-deterrence.efg", "--json"])).stdout);
    expect(doc.subgamePerfect.payoffs).toEqual(["1", "1"]);
    expect(doc.subgamePerfect.choices.map((c: { action: string }) => c.action)).toEqual([
      "enter",
      "accommodate",
    ]);
    const incumbent = doc.threats.find((t: { player: string }) => t.player === "Incumbent");
    expect(incumbent.actions).toEqual([
      { action: "fight", payoff: "-1", credible: false },
      { action: "accommodate", payoff: "1", credible: true },
    ]);
  });

  it("explains in plain words without --json", async () => {
    const { stdout } = await solve(["entry-deterrence.efg"]);
    expect(stdout).toContain(
      "Subgame-perfect equilibrium (backward induction): payoffs Entrant 1, Incumbent 1",
    );
    expect(stdout).toContain("after enter, a plan by Incumbent to choose fight is NOT credible");
  });

  it("solves an imperfect-information game through its reduced normal form", async () => {
    const doc = JSON.parse((await solve(["bayes1a.efg", "--json"])).stdout);
    expect(doc.subgamePerfect).toBeNull();
    expect(doc.game.strategies[0]).toHaveLength(4);
    expect(doc.equilibria.length).toBeGreaterThan(0);
  });

  it("reports pure equilibria for games with more than two players", async () => {
    const doc = JSON.parse((await solve(["three-player-coordination.nfg", "--json"])).stdout);
    expect(doc.method).toBe("pure-equilibria");
    expect(doc.pure.map((e: { profile: string[] }) => e.profile)).toEqual([
      ["restrict", "restrict", "restrict"],
      ["open", "open", "open"],
    ]);
    expect(doc.equilibria[1]).toEqual({
      strategies: [
        ["0", "1"],
        ["0", "1"],
        ["0", "1"],
      ],
      payoffs: ["1", "1", "3"],
    });
    expect(doc.notes).toContain("with 3 players only pure-strategy equilibria are computed");
  });

  it("still solves a perfect-information game whose reduced normal form is too large", async () => {
    // 21 chance branches, each with its own binary choice for player A: 2^21 reduced strategies.
    const { stdout } = await solve(["wide-chance.efg"]);
    expect(stdout).toContain("Subgame-perfect equilibrium (backward induction): payoffs A 1, B 0");
    expect(stdout).toContain("equilibria, dominance and security were not computed");
    const doc = JSON.parse((await solve(["wide-chance.efg", "--json"])).stdout);
    expect(doc.method).toBe("not-computed");
    expect(doc.equilibria).toEqual([]);
    expect(doc.threats).toHaveLength(21);
  });

  it("raises InputError for a missing file and for an unknown extension", async () => {
    await expect(solve(["nope.nfg"])).rejects.toBeInstanceOf(InputError);
    await expect(solve(["bad/../battle-of-the-sexes.txt"])).rejects.toThrow(
      /expected a game file ending in \.nfg, \.efg or \.json/,
    );
  });
});
