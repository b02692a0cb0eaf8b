/**
 * Figures: every number in a world may be a plain value or a distribution, and carries the id
 * of its source and the year it describes. `central` gives the value used by a deterministic run.
 * @module
 */
import { z } from "zod";

const finite = z.number().refine(Number.isFinite, { message: "expected a finite number" });

/** Provenance fields that any figure may carry. */
const provenance = {
  source: z.string().min(1).optional(),
  year: z.number().int().min(1900).max(2100).optional(),
  note: z.string().optional(),
};

export const FixedSchema = z.strictObject({ value: finite, ...provenance });

export const TriangularSchema = z.strictObject({
  dist: z.literal("triangular"),
  low: finite,
  mode: finite,
  high: finite,
  ...provenance,
});

export const PertSchema = z.strictObject({
  dist: z.literal("pert"),
  low: finite,
  mode: finite,
  high: finite,
  ...provenance,
});

export const UniformSchema = z.strictObject({
  dist: z.literal("uniform"),
  low: finite,
  high: finite,
  ...provenance,
});

/** Lognormal given by the mean and standard deviation of log(X). */
export const LognormalSchema = z.strictObject({
  dist: z.literal("lognormal"),
  mu: finite,
  sigma: finite.refine((s) => s > 0, { message: "expected sigma > 0" }),
  ...provenance,
});

export const DistributionSchema = z.discriminatedUnion("dist", [
  TriangularSchema,
  PertSchema,
  UniformSchema,
  LognormalSchema,
]);

export const QuantitySchema = z.union([finite, FixedSchema, DistributionSchema]);

export type Quantity = z.infer<typeof QuantitySchema>;
export type Distribution = z.infer<typeof DistributionSchema>;

/**
 * The value a deterministic run uses: the value itself, the mode of a triangular or PERT
 * distribution, the midpoint of a uniform one, the median exp(mu) of a lognormal one.
 */
export function central(q: Quantity): number {
  if (typeof q === "number") return q;
  if (!("dist" in q)) return q.value;
  switch (q.dist) {
    case "triangular":
    case "pert":
      return q.mode;
    case "uniform":
      return (q.low + q.high) / 2;
    case "lognormal":
      return Math.exp(q.mu);
  }
}

/** The interval a figure may take: [value, value] for a fixed one, the support otherwise. */
export function bounds(q: Quantity): [number, number] {
  if (typeof q === "number") return [q, q];
  if (!("dist" in q)) return [q.value, q.value];
  if (q.dist === "lognormal") return [0, Number.POSITIVE_INFINITY];
  return [q.low, q.high];
}

export interface Provenance {
  source?: string;
  year?: number;
  note?: string;
}

export function provenanceOf(q: Quantity): Provenance {
  if (typeof q === "number") return {};
  const out: Provenance = {};
  if (q.source !== undefined) out.source = q.source;
  if (q.year !== undefined) out.year = q.year;
  if (q.note !== undefined) out.note = q.note;
  return out;
}

/** Problems with a distribution's parameters that the schema alone cannot see. */
export function distributionProblem(q: Quantity): string | undefined {
  if (typeof q === "number" || !("dist" in q)) return undefined;
  if (q.dist === "lognormal") return undefined;
  if (q.low > q.high) return `expected low <= high, found low ${q.low} > high ${q.high}`;
  if ((q.dist === "triangular" || q.dist === "pert") && (q.mode < q.low || q.mode > q.high)) {
    return `expected low <= mode <= high, found ${q.low}, ${q.mode}, ${q.high}`;
  }
  if (q.dist === "pert" && q.low === q.high) return "expected low < high for a PERT distribution";
  return undefined;
}
