/**
 * From file contents to a validated Council, without touching the file system: the reader is
 * passed in (the CLI gives the real one). The directory holds a Frictionless datapackage.json
 * whose resources name their role: council-rules, council-measure-kinds, council-population,
 * council-sources. Every problem is an issue at file:line:col; nothing throws.
 * @module
 */
import { z } from "zod";
import { formatPath, type Issue, type Location } from "../diagnostics/issue.js";
import { parseCsv } from "../parse/csv.js";
import type { LocatedDoc } from "../parse/located.js";
import { parseYaml } from "../parse/yaml.js";
import type { Source } from "../world/schema.js";
import { validateDoc } from "../world/schema-issues.js";
import type { Council } from "./council.js";
import { type PopulationRow, populationRows } from "./population.js";
import { ruleFromDoc } from "./rule.js";
import {
  type MeasureKind,
  MeasureKindsFileSchema,
  type RuleDoc,
  RulesFileSchema,
  SourcesFileSchema,
} from "./schema.js";

export interface CouncilReader {
  /** The text of a file, or undefined when there is none. */
  read(path: string): string | undefined;
  /** The path of `file` inside directory `dir`. */
  join(dir: string, file: string): string;
}

export const ROLES = {
  rules: "council-rules",
  measureKinds: "council-measure-kinds",
  population: "council-population",
  sources: "council-sources",
} as const;

const DataPackageSchema = z.looseObject({
  name: z.string().min(1),
  resources: z
    .array(
      z.looseObject({
        name: z.string().min(1),
        path: z.string().min(1),
        "levier:role": z.string().optional(),
      }),
    )
    .min(1),
});

export function loadCouncil(
  reader: CouncilReader,
  dir: string,
): { council?: Council; issues: Issue[] } {
  const pkgPath = reader.join(dir, "datapackage.json");
  const pkg = readDoc(reader, pkgPath, DataPackageSchema);
  if (!pkg.value) return { issues: pkg.issues };
  const issues: Issue[] = [];
  const paths = {} as Record<keyof typeof ROLES, string>;
  for (const [key, role] of Object.entries(ROLES) as [keyof typeof ROLES, string][]) {
    const resource = pkg.value.resources.find((r) => r["levier:role"] === role);
    if (resource) paths[key] = reader.join(dir, resource.path);
    else
      issues.push({
        severity: "error",
        code: "missing-resource",
        at: pkg.doc?.locate(["resources"]) ?? { file: pkgPath, line: 1, col: 1 },
        path: "resources",
        message: `no resource with "levier:role": "${role}"; expected one for each of ${Object.values(ROLES).join(", ")}`,
      });
  }
  if (issues.length > 0) return { issues };

  const rulesFile = readDoc(reader, paths.rules, RulesFileSchema);
  const kindsFile = readDoc(reader, paths.measureKinds, MeasureKindsFileSchema);
  const sourcesFile = readDoc(reader, paths.sources, SourcesFileSchema);
  const population = readPopulation(reader, paths.population);
  issues.push(
    ...rulesFile.issues,
    ...kindsFile.issues,
    ...sourcesFile.issues,
    ...population.issues,
  );
  if (!rulesFile.value || !kindsFile.value || !sourcesFile.value || !population.rows)
    return { issues };

  const located = {
    rules: rulesFile.doc as LocatedDoc,
    kinds: kindsFile.doc as LocatedDoc,
    sources: sourcesFile.doc as LocatedDoc,
  };
  issues.push(
    ...crossChecks(
      rulesFile.value.rules,
      kindsFile.value.measureKinds,
      sourcesFile.value.sources,
      population.rows,
      located,
    ),
  );
  if (issues.some((i) => i.severity === "error")) return { issues };
  const years = new Set(population.rows.map((r) => r.year));
  return {
    council: {
      members: population.rows,
      rules: rulesFile.value.rules.map(ruleFromDoc),
      measureKinds: kindsFile.value.measureKinds,
      sources: sourcesFile.value.sources,
      year: Math.max(...years),
    },
    issues,
  };
}

function readDoc<S extends z.ZodType>(
  reader: CouncilReader,
  path: string,
  schema: S,
): { value?: z.infer<S>; doc?: LocatedDoc; issues: Issue[] } {
  const text = reader.read(path);
  if (text === undefined) return { issues: [missing(path)] };
  const parsed = parseYaml(text, path);
  if (!parsed.doc) return { issues: parsed.issues };
  const { value, issues } = validateDoc(schema, parsed.doc);
  return value === undefined ? { doc: parsed.doc, issues } : { value, doc: parsed.doc, issues };
}

function readPopulation(
  reader: CouncilReader,
  path: string,
): { rows?: PopulationRow[]; issues: Issue[] } {
  const text = reader.read(path);
  if (text === undefined) return { issues: [missing(path)] };
  const { table, issues } = parseCsv(text, path);
  if (!table) return { issues };
  const result = populationRows(table);
  return result.issues.length > 0 ? { issues: result.issues } : { rows: result.rows, issues: [] };
}

function missing(path: string): Issue {
  return {
    severity: "error",
    code: "missing-file",
    at: { file: path, line: 1, col: 1 },
    message: `cannot read ${path}; expected the file named in datapackage.json`,
  };
}

function crossChecks(
  rules: RuleDoc[],
  kinds: MeasureKind[],
  sources: Source[],
  members: PopulationRow[],
  docs: { rules: LocatedDoc; kinds: LocatedDoc; sources: LocatedDoc },
): Issue[] {
  const issues: Issue[] = [];
  const report = (doc: LocatedDoc, code: string, path: PropertyKey[], message: string) =>
    issues.push({ severity: "error", code, at: doc.locate(path), path: formatPath(path), message });
  const sourceIds = new Set<string>();
  sources.forEach((s, i) => {
    if (sourceIds.has(s.id))
      report(docs.sources, "duplicate-id", ["sources", i, "id"], `source ${s.id} is defined twice`);
    sourceIds.add(s.id);
  });
  const sourceRef = (doc: LocatedDoc, path: PropertyKey[], id: string) => {
    if (!sourceIds.has(id))
      report(
        doc,
        "unknown-id",
        path,
        `unknown source ${JSON.stringify(id)}; expected one of the ids in sources.yaml`,
      );
  };
  const names = new Map<string, number>();
  rules.forEach((r, i) => {
    for (const [name, path] of [
      [r.id, ["rules", i, "id"]],
      ...(r.aliases ?? []).map((a, j) => [a, ["rules", i, "aliases", j]] as const),
    ] as [string, PropertyKey[]][]) {
      if (names.has(name))
        report(
          docs.rules,
          "duplicate-id",
          path,
          `rule name ${name} is used twice; rule ids and aliases must be unique`,
        );
      names.set(name, i);
    }
    sourceRef(docs.rules, ["rules", i, "source"], r.source);
    const expected = r.kind === "majority" ? "counts-against" : "does-not-prevent";
    if (r.abstention.effect !== expected)
      report(
        docs.rules,
        "abstention-effect",
        ["rules", i, "abstention", "effect"],
        `under a ${r.kind} rule an abstention ${expected === "counts-against" ? "counts against (thresholds are shares of all members)" : "does not prevent adoption (Art. 238(4) TFEU)"}; expected ${JSON.stringify(expected)}, found ${JSON.stringify(r.abstention.effect)}`,
      );
  });
  const kindIds = new Set<string>();
  kinds.forEach((k, i) => {
    if (kindIds.has(k.id))
      report(
        docs.kinds,
        "duplicate-id",
        ["measureKinds", i, "id"],
        `measure kind ${k.id} is defined twice`,
      );
    kindIds.add(k.id);
    sourceRef(docs.kinds, ["measureKinds", i, "source"], k.source);
    k.steps.forEach((s, j) => {
      if (!names.has(s.rule))
        report(
          docs.kinds,
          "unknown-id",
          ["measureKinds", i, "steps", j, "rule"],
          `unknown rule ${JSON.stringify(s.rule)}; expected one of ${[...names.keys()].join(", ")}`,
        );
    });
  });
  for (const m of members)
    for (const id of [m.shareSource, m.populationSource])
      if (!sourceIds.has(id))
        issues.push({
          severity: "error",
          code: "unknown-id",
          at: m.at as Location,
          path: `population.${m.id}`,
          message: `unknown source ${JSON.stringify(id)}; expected one of the ids in sources.yaml`,
        });
  return issues;
}
