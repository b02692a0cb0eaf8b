/**
 * The corpus of malformed game files in test/fixtures/games/bad: every file gets its exact
 * location and message, and `levier game solve` rejects it with an InputError carrying the
 * same issue.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { registerGame } from "../../src/cli/game.js";
import { InputError } from "../../src/diagnostics/errors.js";
import { formatIssue } from "../../src/diagnostics/issue.js";
import { readGame } from "../../src/strategy/formats/read-game.js";

const DIR = join(import.meta.dirname, "../fixtures/games");

/** [fixture under test/fixtures/games/bad, its first issue as `levier` prints it] */
const CORPUS: [string, string][] = [
  [
    "bad-node-type.efg",
    'bad/bad-node-type.efg:2:1: error[syntax] expected a node: "c" (chance), "p" (player) or "t" (terminal), found "x"',
  ],
  [
    "bad-number.json",
    'bad/bad-number.json:4:20: error[game] payoffs[0][0][1]: expected a number or an exact text like "3/2", found "1/0"',
  ],
  [
    "bad-version.nfg",
    "bad/bad-version.nfg:1:5: error[syntax] expected version 1 after NFG, found the number 2",
  ],
  [
    "chance-sum.json",
    "bad/chance-sum.json:5:15: error[game] root.chance: expected the probabilities to sum to 1, found 3/4",
  ],
  [
    "infoset-mismatch.efg",
    'bad/infoset-mismatch.efg:6:10: error[syntax] information set 1 of player 2 was defined on line 3 as "j" { "l" "r" }; expected the same here, found "j" { "l" "m" }',
  ],
  [
    "long-payoffs.nfg",
    "bad/long-payoffs.nfg:3:16: error[syntax] expected 12 payoffs (3×2 profiles × 2 players), found 14",
  ],
  [
    "missing-strategies.json",
    'bad/missing-strategies.json:1:1: error[schema] strategies: missing field "strategies"; expected a list',
  ],
  [
    "missing-title.nfg",
    'bad/missing-title.nfg:1:9: error[syntax] expected the game\'s title (a quoted text), found "{"',
  ],
  [
    "no-players.nfg",
    "bad/no-players.nfg:1:20: error[syntax] expected at least one player in the list of players, found none",
  ],
  [
    "not-nfg.nfg",
    'bad/not-nfg.nfg:1:1: error[syntax] expected "NFG" at the start of a strategic game file, found "EFG"',
  ],
  [
    "outcome-mismatch.efg",
    'bad/outcome-mismatch.efg:4:8: error[syntax] outcome 1 was defined earlier as "o" { 1, 2 }; expected the same here, found "o" { 1, 3 }',
  ],
  [
    "outcome-out-of-range.nfg",
    "bad/outcome-out-of-range.nfg:6:5: error[syntax] expected an outcome number between 0 and 2, found 7",
  ],
  [
    "outcome-short.nfg",
    "bad/outcome-short.nfg:3:9: error[syntax] expected 2 payoffs in outcome 1 (one per player), found 1",
  ],
  [
    "payoff-count.efg",
    "bad/payoff-count.efg:3:18: error[syntax] expected 2 payoffs in outcome 1 (one per player), found 3",
  ],
  [
    "player-out-of-range.efg",
    "bad/player-out-of-range.efg:2:6: error[syntax] expected a player number between 1 and 2, found the number 3",
  ],
  [
    "probs-not-one.efg",
    "bad/probs-not-one.efg:2:17: error[syntax] expected the probabilities of chance information set 1 to sum to 1, found 5/6",
  ],
  [
    "short-payoffs.nfg",
    "bad/short-payoffs.nfg:3:24: error[syntax] expected 12 payoffs (3×2 profiles × 2 players), found 11",
  ],
  [
    "strategies-mismatch.nfg",
    'bad/strategies-mismatch.nfg:1:51: error[syntax] expected "{" opening the strategies of player 3 ("C"), found "}"',
  ],
  [
    "syntax.json",
    "bad/syntax.json:3:3: error[syntax] invalid JSON: Expected ',' or '}' after property value",
  ],
  [
    "too-many-profiles.json",
    "bad/too-many-profiles.json:3:17: error[game] strategies: the game has 1030301 strategy profiles; the limit is 1000000",
  ],
  [
    "trailing-brace.nfg",
    'bad/trailing-brace.nfg:2:17: error[syntax] expected end of file after the payoffs, found "}"',
  ],
  [
    "trailing-node.efg",
    'bad/trailing-node.efg:4:1: error[syntax] expected end of file after the last node of the tree, found "t"',
  ],
  [
    "truncated-tree.efg",
    'bad/truncated-tree.efg:3:19: error[syntax] expected a node: "c" (chance), "p" (player) or "t" (terminal), found end of file',
  ],
  [
    "unclosed-quote.nfg",
    "bad/unclosed-quote.nfg:1:25: error[syntax] expected a closing quote for this text, found end of file",
  ],
  [
    "undefined-outcome.efg",
    "bad/undefined-outcome.efg:4:6: error[syntax] outcome 5 is used before it is defined; expected its name and payoffs after it, found end of file",
  ],
  [
    "unknown-player.json",
    'bad/unknown-player.json:5:15: error[game] root.player: unknown player "US"; expected one of "EU", "Rival"',
  ],
  [
    "word-in-payoffs.nfg",
    'bad/word-in-payoffs.nfg:2:5: error[syntax] expected 4 payoffs (2×1 profiles × 2 players), found "x" after 2',
  ],
  [
    "wrong-shape.json",
    'bad/wrong-shape.json:6:14: error[game] payoffs[1][1]: expected a list of 2 entries (one per strategy of player 2 ("B")), found a list of 1',
  ],
  [
    "zero-denominator.nfg",
    'bad/zero-denominator.nfg:2:1: error[syntax] expected a number, found "1/0" (a zero denominator)',
  ],
  [
    "zero-strategies.nfg",
    'bad/zero-strategies.nfg:1:35: error[syntax] expected the number of strategies of player 2 ("P2") (a whole number ≥ 1), found the number 0',
  ],
];

describe("malformed game files", () => {
  it("the corpus covers every file in the directory, and at least 15", () => {
    const files = readdirSync(join(DIR, "bad")).sort();
    expect(CORPUS.map(([f]) => f).sort()).toEqual(files);
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  for (const [file, expected] of CORPUS) {
    it(`${file}: ${expected.replace(/^[^ ]+ /, "")}`, async () => {
      const text = readFileSync(join(DIR, "bad", file), "utf8");
      const { game, issues } = readGame(text, `bad/${file}`);
      expect(game).toBeUndefined();
      expect(issues.map(formatIssue)[0]).toBe(expected);

      const program = new Command().exitOverride();
      const ctx = { stdout: { write: () => {} }, stderr: { write: () => {} }, cwd: DIR };
      registerGame(program, ctx);
      const run = program.parseAsync(["game", "solve", `bad/${file}`], { from: "user" });
      await expect(run).rejects.toBeInstanceOf(InputError);
      const err = await run.catch((e: InputError) => e);
      expect((err as InputError).issues.map(formatIssue)[0]).toBe(expected);
    });
  }
});
