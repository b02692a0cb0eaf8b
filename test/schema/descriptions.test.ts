/**
 * Every schema levier publishes has a title and a description, every `$defs` entry too, and
 * every property, however deep, a description of its own (what an editor shows on hover). The
 * walker is checked first on schemas that lack them, so that a pass means something.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { jsonSchemaOf, SCHEMA_KINDS, schemaId } from "../../src/schema/kinds.js";
import { undescribed } from "./undescribed.js";

describe("the check for missing words", () => {
  it("finds a property without a description, however deep", () => {
    const schema = {
      title: "T",
      description: "D",
      type: "object",
      properties: {
        a: { description: "a", type: "array", items: { $ref: "#/$defs/item" } },
        b: {
          anyOf: [{ type: "number" }, { type: "object", properties: { c: { type: "string" } } }],
        },
      },
      additionalProperties: { type: "object", properties: { d: { type: "number" } } },
      $defs: {
        item: { title: "Item", type: "object", properties: { e: { description: "e" } } },
      },
    };
    expect(undescribed(schema)).toEqual([
      "#/properties/b: no description",
      "#/properties/b/anyOf/1/properties/c: no description",
      "#/$defs/item: no description",
      "#/additionalProperties/properties/d: no description",
    ]);
  });

  it("finds what a zod schema leaves undescribed", () => {
    const Inner = z
      .strictObject({ x: z.number().describe("x"), y: z.string() })
      .meta({ id: "inner", title: "Inner" });
    const Outer = z
      .strictObject({ inner: Inner.describe("the inner one"), list: z.array(Inner) })
      .meta({ title: "Outer" });
    expect(undescribed(z.toJSONSchema(Outer) as Record<string, unknown>)).toEqual([
      "#: no description",
      "#/properties/list: no description",
      "#/$defs/inner: no description",
      "#/$defs/inner/properties/y: no description",
    ]);
  });
});

describe.each(SCHEMA_KINDS)("the %s schema", (kind) => {
  const schema = jsonSchemaOf(kind);

  it("is a draft 2020-12 schema with its $id", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toBe(`https://levier.dev/schema/${kind}.json`);
    expect(schema.$id).toBe(schemaId(kind));
  });

  it("has a title and a description, and so does every definition and property", () => {
    expect(undescribed(schema)).toEqual([]);
    expect(schema.title).toMatch(/^levier /);
  });
});
