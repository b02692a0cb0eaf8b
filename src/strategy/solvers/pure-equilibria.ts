/**
 * All pure-strategy Nash equilibria of an n-player game: the profiles where every player's
 * strategy is a best response to the others'. For each player, every "column" of profiles that
 * differ only in that player's strategy is scanned once for its maximum, so the work is
 * (number of profiles) × (number of players) exact comparisons.
 * @module
 */
import { type NormalFormGame, type Profile, profileAt, profileCount, shape } from "../game.js";
import type { Rational } from "../rational.js";

export interface PureEquilibrium {
  profile: Profile;
  payoffs: Rational[];
}

export function pureEquilibria(game: NormalFormGame): PureEquilibrium[] {
  const sizes = shape(game);
  const total = profileCount(game);
  const best = new Uint8Array(total);
  let stride = 1;
  for (let p = 0; p < sizes.length; p++) {
    const size = sizes[p] as number;
    const table = game.payoffs[p] as Rational[];
    for (let base = 0; base < total; base++) {
      if (Math.floor(base / stride) % size !== 0) continue;
      let top = table[base] as Rational;
      for (let s = 1; s < size; s++) {
        const v = table[base + s * stride] as Rational;
        if (v.gt(top)) top = v;
      }
      for (let s = 0; s < size; s++)
        if ((table[base + s * stride] as Rational).eq(top)) best[base + s * stride]++;
    }
    stride *= size;
  }
  const out: PureEquilibrium[] = [];
  for (let k = 0; k < total; k++) {
    if (best[k] !== sizes.length) continue;
    out.push({ profile: profileAt(game, k), payoffs: game.payoffs.map((t) => t[k] as Rational) });
  }
  return out;
}
