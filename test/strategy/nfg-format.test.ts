/**
 * Gambit's .nfg format: both versions of the sample in Gambit's documentation define the same
 * game; numbers are read exactly; writing and reading back is the identity.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readNfg } from "../../src/strategy/formats/nfg-read.js";
import { writeNfg } from "../../src/strategy/formats/nfg-write.js";
import { bimatrix } from "../../src/strategy/game.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/games");
const read = (name: string) => readNfg(readFileSync(join(FIXTURES, name), "utf8"), name);

describe("readNfg", () => {
  it("reads the payoff version: player 1's strategy varies fastest", () => {
    const { game, issues } = read("selten-payoff.nfg");
    expect(issues).toEqual([]);
    expect(game?.title).toBe("Selten (IJGT, 75), Figure 2, normal form");
    expect(game?.players).toEqual(["Player 1", "Player 2"]);
    expect(game?.strategies).toEqual([
      ["1", "2", "3"],
      ["1", "2"],
    ]);
    const { A, B } = bimatrix(game!);
    expect(A.map((r) => r.map(String))).toEqual([
      ["1", "1"],
      ["0", "0"],
      ["0", "2"],
    ]);
    expect(B.map((r) => r.map(String))).toEqual([
      ["1", "1"],
      ["2", "3"],
      ["2", "0"],
    ]);
  });

  it("reads the outcome version into the same game", () => {
    const a = read("selten-payoff.nfg").game!;
    const b = read("selten-outcome.nfg").game!;
    expect(b.payoffs.map((t) => t.map(String))).toEqual(a.payoffs.map((t) => t.map(String)));
  });

  it("reads integers, decimals, fractions and exponents exactly", () => {
    const text = `NFG 1 R "numbers" { "A" "B" } { 3 1 }\n3/2 -0.25 .5 1e2 -7 +4`;
    const { game } = readNfg(text, "n.nfg");
    expect(game?.payoffs.map((t) => t.map(String))).toEqual([
      ["3/2", "1/2", "-7"],
      ["-1/4", "100", "4"],
    ]);
  });

  it("maps outcome 0 to zero payoffs and keeps an optional comment", () => {
    const text = `NFG 1 R "t" { "A" "B" } { { "x" "y" } { "z" } } "a comment"
{ { "win" 1, -1 } } 1 0`;
    const { game, issues } = readNfg(text, "o.nfg");
    expect(issues).toEqual([]);
    expect(game?.comment).toBe("a comment");
    expect(game?.payoffs.map((t) => t.map(String))).toEqual([
      ["1", "0"],
      ["-1", "0"],
    ]);
  });

  it('reads an escaped quote \\" inside labels', () => {
    const { game } = readNfg(`NFG 1 R "say \\"hi\\"" { "A" } { 1 } 5`, "q.nfg");
    expect(game?.title).toBe('say "hi"');
  });
});

describe("writeNfg", () => {
  for (const version of ["payoff", "outcome"] as const) {
    it(`round-trips the ${version} version`, () => {
      const game = read("selten-outcome.nfg").game!;
      const back = readNfg(writeNfg(game, { version }), "w.nfg");
      expect(back.issues).toEqual([]);
      expect(JSON.stringify(back.game)).toBe(JSON.stringify(game));
    });
  }
});
