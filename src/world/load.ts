/**
 * From file contents to a validated world, without touching the file system: the reader is
 * passed in (`io/world-files.ts` gives the real one). A world is a single YAML/JSON file, or a
 * directory with a Frictionless `datapackage.json` whose resources marked `"levier:role": "world"`
 * are its parts (YAML documents, or CSV tables of suppliers, demand and flows). A document with
 * `extends` patches another world: "default" or a path relative to it.
 * @module
 */
import { z } from "zod";
import { hasErrors, type Issue } from "../diagnostics/issue.js";
import { type Assembled, assemble, type Part } from "./assemble.js";
import { parseCsv } from "./parse/csv.js";
import type { LocatedDoc } from "./parse/located.js";
import { isTableCollection, tableToDoc } from "./parse/table.js";
import { parseYaml } from "./parse/yaml.js";
import { WorldDocSchema } from "./schema.js";
import { validateDoc } from "./schema-issues.js";
import { validateWorld } from "./validate.js";

export interface WorldReader {
  /** The text of a file, or undefined when there is none. */
  read(path: string): string | undefined;
  isDirectory(path: string): boolean;
  resolve(from: string, relative: string): string;
  /** The directory of the default world. */
  defaultWorld: string;
}

export interface LoadedWorld extends Assembled {
  /** Warnings (unsourced figures and the like); errors make `loadWorld` fail instead. */
  issues: Issue[];
}

const ResourceSchema = z.looseObject({
  name: z.string().min(1),
  path: z.string().min(1),
  format: z.string().optional(),
  "levier:role": z.string().optional(),
});
const DataPackageSchema = z.looseObject({
  name: z.string().min(1),
  resources: z.array(ResourceSchema).min(1),
});

const MAX_EXTENDS = 8;

/** Loads and validates the world at `spec` (the default world when undefined). */
export function loadWorld(
  reader: WorldReader,
  spec?: string,
): { world?: LoadedWorld; issues: Issue[] } {
  const result = loadLevel(reader, spec ?? reader.defaultWorld, []);
  if (!result.assembled) return { issues: result.issues };
  const issues = [
    ...result.issues,
    ...validateWorld(result.assembled.world, result.assembled.locate),
  ];
  if (hasErrors(issues)) return { issues };
  return { world: { ...result.assembled, issues }, issues };
}

function loadLevel(
  reader: WorldReader,
  path: string,
  chain: string[],
): { assembled?: Assembled; issues: Issue[] } {
  if (chain.includes(path)) {
    return {
      issues: [
        {
          severity: "error",
          code: "extends-cycle",
          at: { file: path, line: 1, col: 1 },
          message: `extends forms a cycle: ${[...chain, path].join(" -> ")}`,
        },
      ],
    };
  }
  if (chain.length >= MAX_EXTENDS) {
    return {
      issues: [
        {
          severity: "error",
          code: "extends-depth",
          at: { file: path, line: 1, col: 1 },
          message: `extends chains more than ${MAX_EXTENDS} worlds`,
        },
      ],
    };
  }
  const read = reader.isDirectory(path) ? readPackage(reader, path) : readSingle(reader, path);
  if (hasErrors(read.issues)) return { issues: read.issues };
  const parts = read.parts;
  const ext = parts.map((p) => [p, p.doc.extends] as const).find(([, e]) => e !== undefined);
  let base: Assembled | undefined;
  if (ext) {
    const [part, target] = ext;
    const basePath =
      target === "default"
        ? reader.defaultWorld
        : reader.resolve(part.located.file, target as string);
    const loaded = loadLevel(reader, basePath, [...chain, path]);
    if (!loaded.assembled) return { issues: loaded.issues };
    const baseIssues = validateWorld(loaded.assembled.world, loaded.assembled.locate);
    if (hasErrors(baseIssues)) return { issues: baseIssues };
    base = loaded.assembled;
  }
  return assemble(parts, base);
}

function readSingle(reader: WorldReader, path: string): { parts: Part[]; issues: Issue[] } {
  const text = reader.read(path);
  if (text === undefined) {
    return {
      parts: [],
      issues: [
        {
          severity: "error",
          code: "not-found",
          at: { file: path, line: 1, col: 1 },
          message:
            "no such file or directory; expected a world file (.yaml, .yml, .json) or a directory with datapackage.json",
        },
      ],
    };
  }
  if (/\.csv$/i.test(path)) {
    return {
      parts: [],
      issues: [
        {
          severity: "error",
          code: "usage",
          at: { file: path, line: 1, col: 1 },
          message:
            "a CSV table is a part of a world; give the directory whose datapackage.json lists it, or a YAML/JSON world",
        },
      ],
    };
  }
  const parsed = parseYaml(text, path);
  if (!parsed.doc) return { parts: [], issues: parsed.issues };
  return toPart(parsed.doc);
}

function toPart(located: LocatedDoc): { parts: Part[]; issues: Issue[] } {
  const { value, issues } = validateDoc(WorldDocSchema, located);
  if (!value) return { parts: [], issues };
  return { parts: [{ doc: value, located }], issues: [] };
}

function readPackage(reader: WorldReader, dir: string): { parts: Part[]; issues: Issue[] } {
  const pkgPath = reader.resolve(`${dir}/`, "datapackage.json");
  const text = reader.read(pkgPath);
  if (text === undefined) {
    return {
      parts: [],
      issues: [
        {
          severity: "error",
          code: "not-found",
          at: { file: pkgPath, line: 1, col: 1 },
          message: "a world directory needs a datapackage.json listing its resources",
        },
      ],
    };
  }
  const parsed = parseYaml(text, pkgPath);
  if (!parsed.doc) return { parts: [], issues: parsed.issues };
  const pkg = validateDoc(DataPackageSchema, parsed.doc);
  if (!pkg.value) return { parts: [], issues: pkg.issues };
  const parts: Part[] = [];
  const issues: Issue[] = [];
  pkg.value.resources.forEach((res, i): void => {
    if (res["levier:role"] !== "world") return;
    const file = reader.resolve(pkgPath, res.path);
    const body = reader.read(file);
    if (body === undefined) {
      issues.push({
        severity: "error",
        code: "not-found",
        at: parsed.doc!.locate(["resources", i, "path"]),
        path: `resources[${i}].path`,
        message: `resource file ${res.path} does not exist`,
      });
      return;
    }
    if (/\.csv$/i.test(res.path)) {
      if (!isTableCollection(res.name)) {
        issues.push({
          severity: "error",
          code: "schema",
          at: parsed.doc!.locate(["resources", i, "name"]),
          path: `resources[${i}].name`,
          message: `a CSV resource must be named suppliers, demand or flows, found ${JSON.stringify(res.name)}`,
        });
        return;
      }
      const csv = parseCsv(body, file);
      if (!csv.table) {
        issues.push(...csv.issues);
        return;
      }
      const table = tableToDoc(csv.table, res.name);
      if (!table.doc) {
        issues.push(...table.issues);
        return;
      }
      const part = toPart(table.doc);
      parts.push(...part.parts);
      issues.push(...part.issues);
    } else {
      const doc = parseYaml(body, file);
      if (!doc.doc) {
        issues.push(...doc.issues);
        return;
      }
      const part = toPart(doc.doc);
      parts.push(...part.parts);
      issues.push(...part.issues);
    }
  });
  return { parts, issues };
}
