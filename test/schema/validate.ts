/**
 * Documents checked against levier's JSON Schemas by an independent validator (Ajv, draft
 * 2020-12), not by the zod schemas they were generated from.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { jsonSchemaOf, type SchemaKind } from "../../src/schema/kinds.js";

const ajv = new Ajv2020({ allErrors: true, strict: true });
const compiled = new Map<SchemaKind, ValidateFunction>();

function validatorOf(kind: SchemaKind): ValidateFunction {
  let v = compiled.get(kind);
  if (!v) {
    v = ajv.compile(jsonSchemaOf(kind));
    compiled.set(kind, v);
  }
  return v;
}

/** The schema's errors for `doc` (none when it validates). */
export function schemaErrors(kind: SchemaKind, doc: unknown): ErrorObject[] {
  const v = validatorOf(kind);
  return v(doc) ? [] : [...(v.errors ?? [])];
}

/** The errors as `path: message` lines, for a failure message a reader can act on. */
export function describeErrors(errors: readonly ErrorObject[]): string[] {
  return errors.map(
    (e) =>
      `${e.instancePath || "/"}: ${e.message}${e.keyword === "additionalProperties" ? ` (${JSON.stringify(e.params)})` : ""}`,
  );
}
