/**
 * Gambit's .efg format: the sample from Gambit's documentation (imperfect information, chance
 * nodes, decimals) and a perfect-information game; writing and reading back is the identity.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isPerfectInformation } from "../../src/strategy/extensive.js";
import { readEfg } from "../../src/strategy/formats/efg-read.js";
import { writeEfg } from "../../src/strategy/formats/efg-write.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/games");
const read = (name: string) => readEfg(readFileSync(join(FIXTURES, name), "utf8"), name);

describe("readEfg", () => {
  it("reads Gambit's bayes1a sample: chance nodes, shared information sets, outcomes", () => {
    const { game, issues } = read("bayes1a.efg");
    expect(issues).toEqual([]);
    expect(game?.players).toEqual(["Player 1", "Player 2"]);
    expect(game?.outcomes).toHaveLength(16);
    expect(game?.root.kind).toBe("chance");
    if (game?.root.kind !== "chance") return;
    expect(game.root.probs.map(String)).toEqual(["1/2", "1/2"]);
    expect(isPerfectInformation(game)).toBe(false);
  });

  it("reads a perfect-information game with its comment and node names", () => {
    const { game } = read("entry-deterrence.efg");
    expect(game?.comment).toBe("The incumbent threatens to fight; the threat is not credible.");
    expect(game?.root.label).toBe("start");
    expect(game && isPerfectInformation(game)).toBe(true);
  });

  it("lets a later node refer to an outcome and an information set defined earlier", () => {
    const text = `EFG 2 R "t" { "A" "B" }
p "" 1 1 "i" { "x" "y" } 0
p "" 2 1 "j" { "l" "r" } 0
t "" 1 "o1" { 1 2 }
t "" 2 "o2" { 3 4 }
p "" 2 1 0
t "" 2
t "" 1`;
    const { game, issues } = readEfg(text, "t.efg");
    expect(issues).toEqual([]);
    expect(game?.outcomes).toHaveLength(2);
    expect(game && isPerfectInformation(game)).toBe(false);
  });
});

describe("writeEfg", () => {
  for (const name of ["bayes1a.efg", "entry-deterrence.efg"]) {
    it(`round-trips ${name}`, () => {
      const game = read(name).game!;
      const back = readEfg(writeEfg(game), "w.efg");
      expect(back.issues).toEqual([]);
      expect(JSON.stringify(back.game)).toBe(JSON.stringify(game));
    });
  }
});
