/**
 * The zod schema of the run document and the interfaces levier builds it with are one type:
 * `tsc --noEmit` (part of `npm test`) fails on these lines when a field is added, removed or
 * changed on either side alone. The runtime assertions only make vitest count them.
 */
import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { CouncilOnScenario } from "../../src/council/on-scenario.js";
import type { CouncilOnScenarioSchema } from "../../src/council/result-schema.js";
import type { Issue } from "../../src/diagnostics/issue.js";
import type { IssueSchema } from "../../src/diagnostics/issue-schema.js";
import type { RunDocument, RunWarning } from "../../src/run/document.js";
import type {
  ActorResultSchema,
  CapacityShareSchema,
  GoodResultSchema,
  NodeResultSchema,
  PoolResultSchema,
  RunDocumentSchema,
  RunWarningSchema,
} from "../../src/run/document-schema.js";
import type { ActorResult, GoodResult, NodeResult, PoolResult } from "../../src/run/results.js";
import type { CapacityShare } from "../../src/run/scenario-run.js";

describe("the run document's schema has the run document's type", () => {
  it("as a whole", () => {
    expectTypeOf<z.output<typeof RunDocumentSchema>>().toEqualTypeOf<RunDocument>();
  });

  it("part by part, so that a difference is named where it is", () => {
    expectTypeOf<z.output<typeof ActorResultSchema>>().toEqualTypeOf<ActorResult>();
    expectTypeOf<z.output<typeof GoodResultSchema>>().toEqualTypeOf<GoodResult>();
    expectTypeOf<z.output<typeof NodeResultSchema>>().toEqualTypeOf<NodeResult>();
    expectTypeOf<z.output<typeof PoolResultSchema>>().toEqualTypeOf<PoolResult>();
    expectTypeOf<z.output<typeof CapacityShareSchema>>().toEqualTypeOf<CapacityShare>();
    expectTypeOf<z.output<typeof CouncilOnScenarioSchema>>().toEqualTypeOf<CouncilOnScenario>();
    expectTypeOf<z.output<typeof IssueSchema>>().toEqualTypeOf<Issue>();
    expectTypeOf<z.output<typeof RunWarningSchema>>().toEqualTypeOf<RunWarning>();
  });
});
