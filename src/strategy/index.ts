/**
 * The game-theory layer of levier: exact rationals, normal-form and extensive-form games, their
 * file formats (Gambit .nfg/.efg, JSON), and exact solvers — all extreme Nash equilibria of
 * two-player games (checked against lrsnash), pure equilibria of n-player games, iterated
 * dominance, security levels, subgame perfection with the credibility of threats, Nash and
 * Rubinstein bargaining. Pure: no file system, clock or randomness. See docs/strategy.md.
 * @module
 */

export {
  type BargainingResult,
  type Deal,
  nashBargainingFinite,
  nashBargainingHull,
} from "./bargaining/nash-bargaining.js";
export {
  type RubinsteinInput,
  type RubinsteinResult,
  rubinstein,
} from "./bargaining/rubinstein.js";
export {
  type ChanceNode,
  type DecisionNode,
  type ExtensiveGame,
  type GameNode,
  isPerfectInformation,
  type Outcome,
  type TerminalNode,
} from "./extensive.js";
export { readEfg } from "./formats/efg-read.js";
export { writeEfg } from "./formats/efg-write.js";
export { extensiveToJson } from "./formats/json-extensive.js";
export { readJsonGame } from "./formats/json-read.js";
export { ExtensiveGameJson, NormalGameJson } from "./formats/json-schema.js";
export { normalToJson } from "./formats/json-write.js";
export { parseLrsnashOutput, toLrsnashInput } from "./formats/lrsnash-format.js";
export { readNfg } from "./formats/nfg-read.js";
export { writeNfg } from "./formats/nfg-write.js";
export { type AnyGame, gameFormatOf, readGame } from "./formats/read-game.js";
export {
  bimatrix,
  expectedPayoff,
  fromBimatrix,
  type NormalFormGame,
  type Profile,
  profileAt,
  profileIndex,
} from "./game.js";
export {
  type ExtremeEquilibria,
  extremeEquilibria,
  type MixedEquilibrium,
} from "./nash/extreme-equilibria.js";
export { q, Rational } from "./rational.js";
export { type GameReport, solveGame } from "./report/solve.js";
export { renderReport } from "./report/text.js";
export {
  isCredible,
  type SubgamePerfect,
  subgamePerfect,
  type ThreatAssessment,
  threats,
} from "./solvers/backward-induction.js";
export { type BestResponse, bestResponses, isNashEquilibrium } from "./solvers/best-response.js";
export { type DominanceResult, type Elimination, iteratedDominance } from "./solvers/dominance.js";
export { type PureEquilibrium, pureEquilibria } from "./solvers/pure-equilibria.js";
export { reducedNormalForm } from "./solvers/reduced-normal-form.js";
export { type Security, security } from "./solvers/security.js";
export { solveZeroSum, type ZeroSumSolution } from "./solvers/zero-sum.js";
