/**
 * Normal-form (strategic) games with n players, as plain data. Payoffs are exact rationals kept
 * per player in Gambit's profile order: player 1's strategy varies fastest, then player 2's, and
 * so on. `JSON.stringify(game)` writes every payoff as an exact string.
 * @module
 */
import { Rational } from "./rational.js";

export interface NormalFormGame {
  title: string;
  /** Free text carried by the file formats (Gambit's "comment"); may be empty. */
  comment: string;
  players: string[];
  /** strategies[p] lists player p's strategy labels (at least one each). */
  strategies: string[][];
  /** payoffs[p][k] is player p's payoff at profile k (see `profileIndex`). */
  payoffs: Rational[][];
}

/** A pure-strategy profile: one strategy index per player. */
export type Profile = number[];

/** Strategies per player. */
export function shape(game: NormalFormGame): number[] {
  return game.strategies.map((s) => s.length);
}

/** Number of pure-strategy profiles (the product of the strategy counts). */
export function profileCount(game: NormalFormGame): number {
  let n = 1;
  for (const s of game.strategies) n *= s.length;
  return n;
}

/** Index of a profile in Gambit's order (player 1 fastest). */
export function profileIndex(game: NormalFormGame, profile: readonly number[]): number {
  let k = 0;
  let stride = 1;
  for (let p = 0; p < game.strategies.length; p++) {
    k += (profile[p] as number) * stride;
    stride *= (game.strategies[p] as string[]).length;
  }
  return k;
}

/** The profile at index k in Gambit's order. */
export function profileAt(game: NormalFormGame, k: number): Profile {
  const out: number[] = [];
  for (const s of game.strategies) {
    out.push(k % s.length);
    k = Math.floor(k / s.length);
  }
  return out;
}

/** Calls f for every profile in Gambit's order; the array passed is reused between calls. */
export function forEachProfile(
  sizes: readonly number[],
  f: (profile: readonly number[], k: number) => void,
): void {
  const profile = sizes.map(() => 0);
  let total = 1;
  for (const s of sizes) total *= s;
  for (let k = 0; k < total; k++) {
    f(profile, k);
    for (let p = 0; p < sizes.length; p++) {
      const next = (profile[p] as number) + 1;
      if (next < (sizes[p] as number)) {
        profile[p] = next;
        break;
      }
      profile[p] = 0;
    }
  }
}

export function payoff(game: NormalFormGame, player: number, profile: readonly number[]): Rational {
  return (game.payoffs[player] as Rational[])[profileIndex(game, profile)] as Rational;
}

/** The two payoff matrices of a two-player game: A[i][j] for player 1, B[i][j] for player 2. */
export function bimatrix(game: NormalFormGame): { A: Rational[][]; B: Rational[][] } {
  if (game.players.length !== 2) throw new RangeError("bimatrix: the game needs two players");
  const m = game.strategies[0]?.length ?? 0;
  const n = game.strategies[1]?.length ?? 0;
  const A: Rational[][] = [];
  const B: Rational[][] = [];
  for (let i = 0; i < m; i++) {
    const a: Rational[] = [];
    const b: Rational[] = [];
    for (let j = 0; j < n; j++) {
      a.push(game.payoffs[0]?.[i + m * j] as Rational);
      b.push(game.payoffs[1]?.[i + m * j] as Rational);
    }
    A.push(a);
    B.push(b);
  }
  return { A, B };
}

/** A two-player game from its matrices (rows: player 1's strategies). */
export function fromBimatrix(
  A: readonly (readonly Rational[])[],
  B: readonly (readonly Rational[])[],
  options: { title?: string; players?: [string, string]; rows?: string[]; cols?: string[] } = {},
): NormalFormGame {
  const m = A.length;
  const n = A[0]?.length ?? 0;
  const p1: Rational[] = [];
  const p2: Rational[] = [];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < m; i++) {
      p1.push(A[i]?.[j] as Rational);
      p2.push(B[i]?.[j] as Rational);
    }
  }
  return {
    title: options.title ?? "",
    comment: "",
    players: options.players ?? ["Player 1", "Player 2"],
    strategies: [
      options.rows ?? Array.from({ length: m }, (_, i) => String(i + 1)),
      options.cols ?? Array.from({ length: n }, (_, j) => String(j + 1)),
    ],
    payoffs: [p1, p2],
  };
}

/** Expected payoff of `player` when every player p plays the mixed strategy mixed[p]. */
export function expectedPayoff(
  game: NormalFormGame,
  player: number,
  mixed: readonly (readonly Rational[])[],
): Rational {
  const table = game.payoffs[player] as Rational[];
  let total = Rational.ZERO;
  forEachProfile(shape(game), (profile, k) => {
    let w = Rational.ONE;
    for (let p = 0; p < profile.length; p++) {
      w = w.mul(mixed[p]?.[profile[p] as number] as Rational);
      if (w.isZero()) return;
    }
    total = total.add(w.mul(table[k] as Rational));
  });
  return total;
}

/** The pure strategy s of `player` as a mixed strategy (a unit vector). */
export function pureAsMixed(size: number, s: number): Rational[] {
  return Array.from({ length: size }, (_, i) => (i === s ? Rational.ONE : Rational.ZERO));
}
