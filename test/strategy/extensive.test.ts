/**
 * Backward induction (with chance, ties and off-path threats), credibility, and the reduced
 * normal form of extensive games, on trees solved by hand.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ExtensiveGame } from "../../src/strategy/extensive.js";
import { readEfg } from "../../src/strategy/formats/efg-read.js";
import { readJsonGame } from "../../src/strategy/formats/json-read.js";
import {
  isCredible,
  subgamePerfect,
  threats,
} from "../../src/strategy/solvers/backward-induction.js";
import { reducedNormalForm } from "../../src/strategy/solvers/reduced-normal-form.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/games");
const efg = (name: string) =>
  readEfg(readFileSync(join(FIXTURES, name), "utf8"), name).game as ExtensiveGame;

describe("subgame perfection with chance moves", () => {
  // EU threatens; Rival complies (3, 1) or resists; then EU executes (a lottery worth −1 to EU)
  // or backs down (−1/2, 2). Backing down is better for EU, so Rival resists, so threatening is
  // worth −1/2 to EU, and EU prefers doing nothing (0, 0).
  const read = readJsonGame(
    readFileSync(join(FIXTURES, "threat-chain.json"), "utf8"),
    "threat-chain.json",
  );
  const game = read.game?.game as ExtensiveGame;

  it("reads the JSON tree", () => {
    expect(read.issues).toEqual([]);
    expect(read.game?.kind).toBe("extensive");
  });

  it("solves backwards: do nothing; Rival would resist; EU would back down", () => {
    const spe = subgamePerfect(game);
    expect(spe.payoffs.map(String)).toEqual(["0", "0"]);
    expect(spe.decisions.map((d) => [d.path.join(">"), d.actions[d.chosen], d.onPath])).toEqual([
      ["", "do nothing", true],
      ["threaten", "resist", false],
      ["threaten>resist", "back down", false],
    ]);
  });

  it("marks the threat to execute as not credible, and the chance node's expected value", () => {
    const spe = subgamePerfect(game);
    expect(isCredible(spe, ["threaten", "resist"], "execute")).toBe(false);
    const eu = threats(spe).find((t) => t.path.join(">") === "threaten>resist");
    expect(eu?.actions.map((a) => [a.action, String(a.payoff), a.credible])).toEqual([
      ["execute", "-1", false],
      ["back down", "-1/2", true],
    ]);
    expect(isCredible(spe, ["nowhere"], "execute")).toBeUndefined();
  });
});

describe("ties", () => {
  it("takes the first best action, reports every best action and flags the tie", () => {
    const text = `EFG 2 R "tie" { "A" "B" }
p "" 1 1 "a" { "L" "R" } 0
p "" 2 1 "b" { "x" "y" } 0
t "" 1 "" { 1, 5 }
t "" 2 "" { 3, 5 }
t "" 3 "" { 2, 0 }`;
    const spe = subgamePerfect(readEfg(text, "tie.efg").game as ExtensiveGame);
    const b = spe.decisions[1];
    expect(b?.best).toEqual([0, 1]);
    expect(b?.chosen).toBe(0);
    expect(spe.ties).toBe(true);
    // With B choosing x, A gets 1 from L and 2 from R.
    expect(spe.decisions[0]?.actions[spe.decisions[0]?.chosen ?? -1]).toBe("R");
  });

  it("adds outcomes on inner nodes to every play through them", () => {
    const text = `EFG 2 R "fees" { "A" "B" }
p "" 1 1 "a" { "L" "R" } 1 "fee" { -1, 0 }
t "" 2 "" { 3, 0 }
t "" 3 "" { 1, 0 }`;
    expect(
      subgamePerfect(readEfg(text, "fees.efg").game as ExtensiveGame).payoffs.map(String),
    ).toEqual(["2", "0"]);
  });

  it("refuses imperfect information", () => {
    expect(() => subgamePerfect(efg("bayes1a.efg"))).toThrow(RangeError);
  });
});

describe("reducedNormalForm", () => {
  it("turns entry deterrence into its 2×2 normal form", () => {
    const nf = reducedNormalForm(efg("entry-deterrence.efg"));
    expect(nf.strategies).toEqual([
      ["enter", "stay out"],
      ["fight", "accommodate"],
    ]);
    expect(nf.payoffs.map((t) => t.map(String))).toEqual([
      ["-1", "0", "1", "0"],
      ["-1", "2", "1", "2"],
    ]);
  });

  it("merges strategies that differ only where the player's own move rules it out", () => {
    const text = `EFG 2 R "out" { "A" "B" }
p "" 1 1 "first" { "Out" "In" } 0
t "" 1 "" { 1, 1 }
p "" 2 1 "b" { "l" "r" } 0
p "" 1 2 "second" { "a" "b" } 0
t "" 2 "" { 2, 0 }
t "" 3 "" { 0, 2 }
t "" 4 "" { 3, 3 }`;
    const nf = reducedNormalForm(readEfg(text, "out.efg").game as ExtensiveGame);
    expect(nf.strategies[0]).toEqual(["Out/*", "In/a", "In/b"]);
    expect(nf.strategies[1]).toEqual(["l", "r"]);
  });

  it("takes expected values over chance (Gambit's bayes1a: 4 × 4 strategies)", () => {
    const nf = reducedNormalForm(efg("bayes1a.efg"));
    expect(nf.strategies).toEqual([
      ["H/H", "L/H", "H/L", "L/L"].map(() => expect.any(String)),
      ["h/h", "l/h", "h/l", "l/l"].map(() => expect.any(String)),
    ]);
    const at = (s1: string, s2: string) => {
      const i = nf.strategies[0]?.indexOf(s1) ?? -1;
      const j = nf.strategies[1]?.indexOf(s2) ?? -1;
      return nf.payoffs.map((t) => String(t[i + 4 * j]));
    };
    // Worked out in the docs: (H,H) against (h,h) gives (10+10+4+4)/4 and (2+2+2+2)/4.
    expect(at("H/H", "h/h")).toEqual(["7", "2"]);
    expect(at("L/L", "l/l")).toEqual(["7", "1/2"]);
  });
});
