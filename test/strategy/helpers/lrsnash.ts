/**
 * Running lrsnash (lrslib) on a game: it reads files only, so the game goes through a temp file.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type LrsnashEquilibrium,
  parseLrsnashOutput,
  toLrsnashInput,
} from "../../../src/strategy/formats/lrsnash-format.js";
import type { NormalFormGame } from "../../../src/strategy/game.js";
import type { MixedEquilibrium } from "../../../src/strategy/nash/extreme-equilibria.js";

export class LrsnashRunner {
  private readonly dir = mkdtempSync(join(tmpdir(), "levier-lrsnash-"));
  private count = 0;
  constructor(private readonly binary: string) {}

  /** lrsnash's raw output for the game. */
  raw(game: NormalFormGame): string {
    const file = join(this.dir, `game-${this.count++}.txt`);
    writeFileSync(file, toLrsnashInput(game));
    return execFileSync(this.binary, [file], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
  }

  equilibria(game: NormalFormGame): LrsnashEquilibrium[] {
    return parseLrsnashOutput(this.raw(game));
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** One line per (x, y) pair with payoffs, sorted: the unit of comparison with lrsnash. */
export function keysOfLrsnash(list: readonly LrsnashEquilibrium[]): string[] {
  return list.map((e) => `${e.x.join(" ")} | ${e.y.join(" ")} | ${e.payoffs.join(" ")}`).sort();
}

export function keysOfOurs(list: readonly MixedEquilibrium[]): string[] {
  return list
    .map(
      (e) =>
        `${e.strategies[0]?.join(" ")} | ${e.strategies[1]?.join(" ")} | ${e.payoffs.join(" ")}`,
    )
    .sort();
}
