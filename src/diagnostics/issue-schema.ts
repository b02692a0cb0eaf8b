/**
 * Issues as a zod schema, for documents that carry them (the run document's warnings): the
 * JSON Schema editors and checkers read is generated from it (src/schema/kinds.ts), and
 * test/schema checks that its type is `Issue`'s.
 * @module
 */
import { z } from "zod";

export const LocationSchema = z
  .strictObject({
    file: z.string().describe("The file, as given on the command line."),
    line: z.number().int().min(1).describe("The line, 1-based."),
    col: z.number().int().min(1).describe("The column, 1-based."),
  })
  .meta({ id: "location", title: "Location", description: "A position in a file, 1-based." });

export const IssueShape = {
  severity: z.enum(["error", "warning"]).describe("error (the input is refused) or warning."),
  code: z
    .string()
    .describe("Stable machine-readable code, e.g. schema, unknown-id, shares-sum, measure-empty."),
  at: LocationSchema.exactOptional().describe(
    "Where the problem is; absent when it is about the input as a whole.",
  ),
  path: z
    .string()
    .exactOptional()
    .describe("Path inside the document, e.g. goods[3].recipe[0].criticality."),
  message: z
    .string()
    .describe("One sentence saying what is wrong, with what was expected and what was found."),
};

export const IssueSchema = z.strictObject(IssueShape).meta({
  id: "issue",
  title: "Issue",
  description: "A problem found in input: a code, where it is, and what is wrong.",
});
