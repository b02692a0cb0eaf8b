/**
 * How Monte Carlo draws are made: `random`, pseudo-random streams (`streams.ts`), or `sobol`,
 * the points of a Sobol sequence with a random digital shift (`sobol-sequence.ts`: randomised
 * quasi-Monte Carlo). Either way draw k is a pure function of (seed, k).
 * @module
 */
export const SAMPLINGS = ["random", "sobol"] as const;
export type Sampling = (typeof SAMPLINGS)[number];
