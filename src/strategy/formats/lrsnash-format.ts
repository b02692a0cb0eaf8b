/**
 * The text formats of `lrsnash` (lrslib 7.1), the reference enumerator our two-player solver is
 * tested against: writing a game as its input file and reading its output back as extreme
 * equilibria. Pure text in, text out; running the program is the caller's business.
 * @module
 */
import { bimatrix, type NormalFormGame } from "../game.js";
import { Rational } from "../rational.js";

/** lrsnash's input: `m n`, then A (m rows), then B; integers or p/q only, never decimals. */
export function toLrsnashInput(game: NormalFormGame): string {
  const { A, B } = bimatrix(game);
  const m = A.length;
  const n = A[0]?.length ?? 0;
  const rows = (M: Rational[][]) => M.map((r) => r.map((v) => v.toString()).join(" ")).join("\n");
  return `${m} ${n}\n\n${rows(A)}\n\n${rows(B)}\n`;
}

export interface LrsnashEquilibrium {
  x: Rational[];
  y: Rational[];
  /** Player 1's payoff (from the `2` line) and player 2's (from the `1` line). */
  payoffs: [Rational, Rational];
}

/**
 * The (x, y) pairs in lrsnash's output. A block is one or more `2  y… u1` lines followed by one
 * `1  x… u2` line; each y of the block pairs with that x. Comment lines start with `*`.
 * Throws SyntaxError on a line it cannot read.
 */
export function parseLrsnashOutput(text: string): LrsnashEquilibrium[] {
  const out: LrsnashEquilibrium[] = [];
  let ys: { y: Rational[]; u1: Rational }[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("*")) continue;
    const fields = line.split(/\s+/);
    const values = fields.slice(1).map((f) => {
      const r = Rational.parse(f);
      if (!r) throw new SyntaxError(`lrsnash output: cannot read ${JSON.stringify(f)} in ${line}`);
      return r;
    });
    const u = values.pop();
    if (!u) throw new SyntaxError(`lrsnash output: empty line ${JSON.stringify(line)}`);
    if (fields[0] === "2") ys.push({ y: values, u1: u });
    else if (fields[0] === "1") {
      if (ys.length === 0) throw new SyntaxError(`lrsnash output: x line without y: ${line}`);
      for (const { y, u1 } of ys) out.push({ x: values, y, payoffs: [u1, u] });
      ys = [];
    } else throw new SyntaxError(`lrsnash output: unexpected line ${JSON.stringify(line)}`);
  }
  if (ys.length > 0) throw new SyntaxError("lrsnash output: y lines without their x line");
  return out;
}

/** lrsnash's own CPU time in seconds, from its `*0.001u 0.000s …` line, when present. */
export function lrsnashCpuSeconds(text: string): number | undefined {
  const m = /^\*(\d+(?:\.\d+)?)u\s+(\d+(?:\.\d+)?)s/m.exec(text);
  return m ? Number(m[1]) + Number(m[2]) : undefined;
}
