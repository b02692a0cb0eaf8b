/**
 * Figures: every number in a world may be a plain value or a distribution, and carries the id
 * of its source and the year it describes. `central` gives the value used by a deterministic run.
 * @module
 */
import { z } from "zod";

const finite = z.number().refine(Number.isFinite, { message: "expected a finite number" });

/** Provenance fields that any figure may carry. */
const provenance = {
  source: z
    .string()
    .min(1)
    .optional()
    .describe("Id of the figure's source (in `sources`); default: the item's source."),
  year: z
    .number()
    .int()
    .min(1900)
    .max(2100)
    .optional()
    .describe("The year the figure describes; default: the item's year."),
  note: z.string().optional().describe("How the figure was found or derived, and its caveats."),
};

/** A one-factor Gaussian copula: figures that name the same group move together. */
const corr = z
  .strictObject({
    group: z
      .string()
      .regex(/^[a-z][a-z0-9_-]{0,63}$/, { message: "expected a group id (lower case, a-z0-9_-)" })
      .describe("The correlation group: figures naming the same group are drawn together."),
    rho: z
      .number()
      .min(0)
      .max(1)
      .describe(
        "How much of the figure's draw comes from the group's common factor (0–1): two figures of a group have normal-score correlation √(rho₁ rho₂); 1 moves them in lockstep.",
      ),
  })
  .optional()
  .describe(
    "Draw this figure together with others that move with it (docs/model.md, Uncertainty); without, it is drawn independently.",
  );

const low = finite.describe("The lowest value the figure may take.");
const mode = finite.describe("The most likely value; what a deterministic run uses.");
const high = finite.describe("The highest value the figure may take.");

export const FixedSchema = z
  .strictObject({ value: finite.describe("The figure."), ...provenance })
  .meta({
    id: "fixedFigure",
    title: "Figure with its source",
    description: "A plain figure that names its own source, year or note.",
  });

export const TriangularSchema = z
  .strictObject({
    dist: z.literal("triangular").describe("A triangular distribution over low–high."),
    low,
    mode,
    high,
    corr,
    ...provenance,
  })
  .meta({
    id: "triangular",
    title: "Triangular distribution",
    description: "A figure drawn from a triangular distribution (low, mode, high).",
  });

export const PertSchema = z
  .strictObject({
    dist: z.literal("pert").describe("A PERT (scaled beta) distribution over low–high."),
    low,
    mode,
    high,
    corr,
    ...provenance,
  })
  .meta({
    id: "pert",
    title: "PERT distribution",
    description: "A figure drawn from a PERT distribution (low, mode, high; low < high).",
  });

export const UniformSchema = z
  .strictObject({
    dist: z.literal("uniform").describe("A uniform distribution over low–high."),
    low,
    high,
    corr,
    ...provenance,
  })
  .meta({
    id: "uniform",
    title: "Uniform distribution",
    description: "A figure drawn uniformly from low–high; a deterministic run uses the midpoint.",
  });

/** Lognormal given by the mean and standard deviation of log(X). */
export const LognormalSchema = z
  .strictObject({
    dist: z.literal("lognormal").describe("A lognormal distribution: log(X) is normal."),
    mu: finite.describe("The mean of log(X); a deterministic run uses exp(mu), the median."),
    sigma: finite
      .refine((s) => s > 0, { message: "expected sigma > 0" })
      .describe("The standard deviation of log(X), > 0."),
    corr,
    ...provenance,
  })
  .meta({
    id: "lognormal",
    title: "Lognormal distribution",
    description: "A figure drawn from a lognormal distribution given by mu and sigma of log(X).",
  });

export const DistributionSchema = z.discriminatedUnion("dist", [
  TriangularSchema,
  PertSchema,
  UniformSchema,
  LognormalSchema,
]);

export const QuantitySchema = z
  .union([finite.describe("A plain figure."), FixedSchema, DistributionSchema])
  .meta({
    id: "figure",
    title: "Figure",
    description:
      "A number, the number with its own source ({value, source, year}), or a distribution " +
      "(triangular, pert, uniform, lognormal) that Monte Carlo runs draw from; a " +
      "deterministic run uses its central value. It takes its source and year from the item " +
      "that holds it unless it names its own.",
  });

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
