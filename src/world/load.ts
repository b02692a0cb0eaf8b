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
import { parseCsv } from "../parse/csv.js";
import type { LocatedDoc } from "../parse/located.js";
import { parseYaml } from "../parse/yaml.js";
import { type Assembled, assemble, type Part } from "./assemble.js";
import { isTableCollection, tableToDoc } from "./row-tables.js";
import { type WorldDoc, WorldDocSchema, WorldPatchSchema } from "./schema.js";
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
  /** The collection a CSV resource holds, when its name is not the collection's. */
  "levier:collection": z.string().optional(),
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
  const issues = [...result.issues, ...validateWorld(result.assembled)];
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
  const isPatch = read.docs.some(
    (d) => typeof d.value === "object" && d.value !== null && "extends" in d.value,
  );
  const parts: Part[] = [];
  const schemaIssues: Issue[] = [];
  for (const located of read.docs) {
    const { value, issues } = validateDoc(
      isPatch ? WorldPatchSchema : WorldDocSchema,
      located,
      isPatch ? "patch" : "world",
    );
    if (value) parts.push({ doc: value as WorldDoc, located });
    schemaIssues.push(...issues);
  }
  if (schemaIssues.length > 0) return { issues: schemaIssues };
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
    const baseIssues = validateWorld(loaded.assembled);
    if (hasErrors(baseIssues)) return { issues: baseIssues };
    base = loaded.assembled;
  }
  return mergeOver(parts, base, path);
}

/** Assembles parts over a base (if any); merged items must be whole items of the full schema. */
function mergeOver(
  parts: Part[],
  base: Assembled | undefined,
  file: string,
): { assembled?: Assembled; issues: Issue[] } {
  const result = assemble(parts, base);
  if (!result.assembled || !base) return result;
  const { assembled } = result;
  const whole = validateDoc(WorldDocSchema, {
    file,
    value: assembled.world,
    locate: (p) => assembled.locate(p) ?? { file, line: 1, col: 1 },
  });
  return whole.issues.length > 0 ? { issues: whole.issues } : result;
}

/**
 * The world of a document that patches it under `world:` (a scenario, a game specification):
 * the patch's positions point into that document. Without a patch, the world itself.
 */
export function patchWorldOf(
  world: LoadedWorld,
  patch: unknown,
  doc: LocatedDoc,
): { world?: LoadedWorld; issues: Issue[] } {
  if (!patch) return { world, issues: [] };
  const view: LocatedDoc = {
    file: doc.file,
    value: patch,
    locate: (p) => doc.locate(["world", ...p]),
  };
  return patchWorld(world, patch as WorldDoc, view);
}

/**
 * Applies a patch held inside another document (a scenario's `world:`) to a loaded world, and
 * validates the result. `located` gives positions in the holding document.
 */
export function patchWorld(
  base: Assembled,
  patch: WorldDoc,
  located: LocatedDoc,
): { world?: LoadedWorld; issues: Issue[] } {
  const merged = mergeOver([{ doc: patch, located, prefix: ["world"] }], base, located.file);
  if (!merged.assembled) return { issues: merged.issues };
  const issues = validateWorld(merged.assembled);
  if (hasErrors(issues)) return { issues };
  return { world: { ...merged.assembled, issues }, issues };
}

interface Read {
  docs: LocatedDoc[];
  issues: Issue[];
}

function notFound(file: string, message: string): Read {
  return {
    docs: [],
    issues: [{ severity: "error", code: "not-found", at: { file, line: 1, col: 1 }, message }],
  };
}

function readSingle(reader: WorldReader, path: string): Read {
  const text = reader.read(path);
  if (text === undefined) {
    return notFound(
      path,
      "no such file or directory; expected a world file (.yaml, .yml, .json) or a directory with datapackage.json",
    );
  }
  if (/\.csv$/i.test(path)) {
    return {
      docs: [],
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
  return parsed.doc ? { docs: [parsed.doc], issues: [] } : { docs: [], issues: parsed.issues };
}

function readPackage(reader: WorldReader, dir: string): Read {
  const pkgPath = reader.resolve(`${dir}/`, "datapackage.json");
  const text = reader.read(pkgPath);
  if (text === undefined)
    return notFound(pkgPath, "a world directory needs a datapackage.json listing its resources");
  const parsed = parseYaml(text, pkgPath);
  if (!parsed.doc) return { docs: [], issues: parsed.issues };
  const pkgDoc = parsed.doc;
  const pkg = validateDoc(DataPackageSchema, pkgDoc);
  if (!pkg.value) return { docs: [], issues: pkg.issues };
  const docs: LocatedDoc[] = [];
  const issues: Issue[] = [];
  pkg.value.resources.forEach((res, i): void => {
    if (res["levier:role"] !== "world") return;
    const file = reader.resolve(pkgPath, res.path);
    const body = reader.read(file);
    if (body === undefined) {
      issues.push({
        severity: "error",
        code: "not-found",
        at: pkgDoc.locate(["resources", i, "path"]),
        path: `resources[${i}].path`,
        message: `resource file ${res.path} does not exist`,
      });
      return;
    }
    if (!/\.csv$/i.test(res.path)) {
      const doc = parseYaml(body, file);
      if (doc.doc) docs.push(doc.doc);
      issues.push(...doc.issues);
      return;
    }
    const collection = res["levier:collection"] ?? res.name;
    if (!isTableCollection(collection)) {
      const key = res["levier:collection"] === undefined ? "name" : "levier:collection";
      issues.push({
        severity: "error",
        code: "schema",
        at: pkgDoc.locate(["resources", i, key]),
        path: `resources[${i}].${key}`,
        message: `a CSV resource must be named suppliers, demand or flows (or say which in "levier:collection"), found ${JSON.stringify(collection)}`,
      });
      return;
    }
    const csv = parseCsv(body, file);
    const table = csv.table ? tableToDoc(csv.table, collection) : csv;
    if ("doc" in table && table.doc) docs.push(table.doc);
    issues.push(...table.issues);
  });
  return { docs, issues };
}
