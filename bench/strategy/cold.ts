/**
 * One cold call: a fresh process, the modules loaded, then the first enumeration of one random
 * n×n game (JIT not yet warm), as a one-shot `levier game solve` pays it. Prints the time in ms.
 *
 *     node --import tsx bench/strategy/cold.ts N [SEED] [HI]
 */
import { extremeEquilibria } from "../../src/strategy/nash/extreme-equilibria.js";
import { randomBimatrix, seededRng } from "../../test/strategy/helpers/random-games.js";

const n = Number(process.argv[2] ?? 10);
const seed = Number(process.argv[3] ?? 10_000 + n);
const hi = Number(process.argv[4] ?? 99);
const game = randomBimatrix(seededRng(seed), { rows: n, cols: n, lo: 0, hi });
const t0 = performance.now();
extremeEquilibria(game);
console.log((performance.now() - t0).toFixed(1));
