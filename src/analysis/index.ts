/**
 * The analyses of a world (docs/analysis.md): chokepoints, exposure, the leverage matrix, the
 * input–output view, the Commission's dependency test, profiles and where a bloc is
 * indispensable. Each analysis that simulates is split in two: a plan that lists its
 * withholding tasks, and a function that assembles the results of those tasks, so that the
 * tasks can run here (`runTasks`) or on worker threads (`runTasksParallel`).
 * @module
 */
export {
  CHOKEPOINT_SORT_KEYS,
  type ChokepointRow,
  type ChokepointSortKey,
  type ChokepointTable,
  chokepointRowsOf,
  chokepointTable,
  chokepointTasks,
  type GoodCriticality,
} from "./chokepoints.js";
export { hhi } from "./concentration.js";
export { type AnalysisContext, analysisContext } from "./context.js";
export { cascade, recipesOf, staticCriticality } from "./criticality.js";
export { type DependencyReport, dependencyTest } from "./dependency/commission.js";
export { type DependencyTest, parseDependencyTest } from "./dependency/schema.js";
export { type Entity, entityOf } from "./entities.js";
export {
  DEFAULT_EXPOSURE_THRESHOLD,
  type Exposure,
  exposure,
  exposurePlan,
} from "./exposure.js";
export {
  DEFAULT_INDISPENSABLE_HORIZON,
  type Indispensability,
  indispensabilityWith,
} from "./indispensable.js";
export { extractBackward, extractForward } from "./io/extraction.js";
export {
  ghoshInverse,
  type IoTable,
  leontiefInverse,
  multipliersDense,
  multipliersSparse,
} from "./io/leontief.js";
export { goodsTable, networkTable } from "./io/views.js";
export {
  DEFAULT_LEVERAGE_HORIZON,
  DEFAULT_LEVERAGE_THRESHOLD,
  type LeverageCell,
  type LeverageMatrix,
  leverageMatrix,
  leveragePlan,
} from "./leverage/matrix.js";
export { runTasks } from "./leverage/run-tasks.js";
export type { WithholdTask } from "./leverage/withhold.js";
export { DEFAULT_MAJOR_POWERS } from "./powers.js";
export { type Profile, profile, profilePlan, profileTasks } from "./profile.js";
export { substitutability } from "./substitutability.js";
