/**
 * Reads a game from text, choosing the format by the file's extension: `.nfg` (Gambit
 * strategic form), `.efg` (Gambit extensive form), `.json` (`json-schema.ts`). Text in, game or
 * located issues out; reading the file is the caller's business.
 * @module
 */
import type { Issue } from "../../diagnostics/issue.js";
import type { ExtensiveGame } from "../extensive.js";
import type { NormalFormGame } from "../game.js";
import { readEfg } from "./efg-read.js";
import { readJsonGame } from "./json-read.js";
import { readNfg } from "./nfg-read.js";

export type AnyGame =
  | { kind: "normal"; game: NormalFormGame }
  | { kind: "extensive"; game: ExtensiveGame };

/** The format named by a file's extension, or undefined. */
export function gameFormatOf(file: string): "nfg" | "efg" | "json" | undefined {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  return ext === "nfg" || ext === "efg" || ext === "json" ? ext : undefined;
}

/** The issue for a file whose extension names no game format. */
export function unknownFormat(file: string): Issue {
  const ext = /\.([^./]+)$/.exec(file)?.[1];
  return {
    severity: "error",
    code: "format",
    at: { file, line: 1, col: 1 },
    message: `expected a game file ending in .nfg, .efg or .json, found ${ext ? `".${ext}"` : "no extension"}`,
  };
}

export function readGame(text: string, file: string): { game?: AnyGame; issues: Issue[] } {
  const ext = gameFormatOf(file);
  if (ext === "nfg") {
    const r = readNfg(text, file);
    return r.game ? { game: { kind: "normal", game: r.game }, issues: [] } : { issues: r.issues };
  }
  if (ext === "efg") {
    const r = readEfg(text, file);
    return r.game
      ? { game: { kind: "extensive", game: r.game }, issues: [] }
      : { issues: r.issues };
  }
  if (ext === "json") return readJsonGame(text, file);
  return { issues: [unknownFormat(file)] };
}
