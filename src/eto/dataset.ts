/**
 * The ETO Advanced Semiconductor Supply Chain Dataset (Emerging Technology Observatory, CSET),
 * read from its four CSV files (`inputs.csv`, `providers.csv`, `provision.csv`, `sequence.csv`)
 * into typed rows that remember their cell, so that every problem names file:line:col. Checks
 * here are those of the dataset on its own: required columns, ids that resolve, numbers that are
 * numbers, shares within 0–100. Pure: the caller reads the files.
 * @module
 */
import type { Issue } from "../diagnostics/issue.js";
import { type Cell, type CsvTable, parseCsv } from "../parse/csv.js";

export interface TextFile {
  file: string;
  text: string;
}

export interface EtoFiles {
  inputs: TextFile;
  providers: TextFile;
  provision: TextFile;
  sequence: TextFile;
  /** The stages (S1–S3), which provision.csv may name as what is provided; optional. */
  stages?: TextFile;
}

export interface EtoInput {
  id: string;
  name: string;
  /** Where the input's market size comes from (`market_share_chart_source`). */
  chartSource: string;
  /** Global market size, USD, from `market_share_chart_global_market_size_info`. */
  marketUsd?: number;
  marketText: string;
  year?: number;
  at: Cell;
}

export interface EtoProvider {
  id: string;
  name: string;
  type: "country" | "organization";
  /** The firm's country (ISO 3166 alpha-3 as ETO writes it), for organisations. */
  country: string;
  at: Cell;
}

export interface EtoProvision {
  provider: string;
  input: string;
  /** Percent, 0–100; undefined where the dataset gives none (firms in the 2021 data). */
  share?: number;
  year: number;
  source: string;
  /** The row's line in provision.csv. */
  line: number;
  shareAt: Cell;
  sourceAt: Cell;
}

export interface EtoSequence {
  input: string;
  goesInto?: string;
  isTypeOf?: string;
  line: number;
}

export interface EtoDataset {
  files: { [K in keyof EtoFiles]: string };
  inputs: Map<string, EtoInput>;
  providers: Map<string, EtoProvider>;
  provision: EtoProvision[];
  sequence: EtoSequence[];
}

const COLUMNS = {
  inputs: [
    "input_id",
    "input_name",
    "year",
    "market_share_chart_global_market_size_info",
    "market_share_chart_source",
  ],
  providers: ["provider_id", "provider_name", "provider_type", "country"],
  provision: ["provider_id", "provided_id", "share_provided", "year", "source"],
  sequence: ["input_id", "goes_into_id", "is_type_of_id"],
  stages: ["stage_id"],
} as const;

type Columns<K extends keyof typeof COLUMNS> = Record<(typeof COLUMNS)[K][number], Cell>;

/** Reads the four files; the dataset, or the issues that stop it. */
export function readEto(files: EtoFiles): { dataset?: EtoDataset; issues: Issue[] } {
  const issues: Issue[] = [];
  const tables = {
    inputs: table(files.inputs, "inputs", issues),
    providers: table(files.providers, "providers", issues),
    provision: table(files.provision, "provision", issues),
    sequence: table(files.sequence, "sequence", issues),
  };
  const stages = files.stages ? table(files.stages, "stages", issues) : [];
  if (!tables.inputs || !tables.providers || !tables.provision || !tables.sequence || !stages)
    return { issues };
  const stageIds = new Set(stages.map((r) => r.stage_id.text.trim()));
  const inputs = new Map<string, EtoInput>();
  for (const r of tables.inputs) {
    const id = r.input_id.text.trim();
    if (!checkId(files.inputs.file, r.input_id, "an input id such as N19", issues)) continue;
    if (inputs.has(id)) {
      issues.push(at(files.inputs.file, r.input_id, "duplicate-id", `input ${id} is listed twice`));
      continue;
    }
    const marketText = r.market_share_chart_global_market_size_info.text.trim();
    const input: EtoInput = {
      id,
      name: r.input_name.text.trim(),
      chartSource: r.market_share_chart_source.text.trim(),
      marketText,
      at: r.input_id,
    };
    const usd = marketSize(marketText);
    if (usd === "bad")
      issues.push(
        at(
          files.inputs.file,
          r.market_share_chart_global_market_size_info,
          "bad-number",
          `expected a market size such as "$32.6 billion (2025)" or nothing, found ${JSON.stringify(marketText)}`,
        ),
      );
    else if (usd !== undefined) input.marketUsd = usd;
    const year = optionalYear(files.inputs.file, r.year, issues);
    if (year !== undefined) input.year = year;
    inputs.set(id, input);
  }
  const providers = new Map<string, EtoProvider>();
  for (const r of tables.providers) {
    const id = r.provider_id.text.trim();
    if (!checkId(files.providers.file, r.provider_id, "a provider id such as P1", issues)) continue;
    const type = r.provider_type.text.trim();
    const before = providers.get(id);
    if (before) {
      // ETO lists a provider once per alias (Canon, Canon ANELVA, Canon Machinery): the rows
      // must agree on what the provider is.
      if (
        before.name !== r.provider_name.text.trim() ||
        before.type !== type ||
        before.country !== r.country.text.trim()
      )
        issues.push(
          at(
            files.providers.file,
            r.provider_id,
            "duplicate-id",
            `provider ${id} is listed again (line ${before.at.line}) with another name, type or country`,
          ),
        );
      continue;
    }
    if (type !== "country" && type !== "organization") {
      issues.push(
        at(
          files.providers.file,
          r.provider_type,
          "schema",
          `expected provider_type country or organization, found ${JSON.stringify(type)}`,
        ),
      );
      continue;
    }
    const country = r.country.text.trim();
    if (type === "organization" && country === "")
      issues.push(
        at(files.providers.file, r.country, "schema", `firm ${id} has no country; expected one`),
      );
    providers.set(id, { id, name: r.provider_name.text.trim(), type, country, at: r.provider_id });
  }
  const provision: EtoProvision[] = [];
  const seen = new Map<string, number>();
  for (const r of tables.provision) {
    const provider = r.provider_id.text.trim();
    const input = r.provided_id.text.trim();
    let ok = true;
    if (!providers.has(provider)) {
      issues.push(
        at(
          files.provision.file,
          r.provider_id,
          "unknown-id",
          `unknown provider ${JSON.stringify(provider)}; expected an id of providers.csv`,
        ),
      );
      ok = false;
    }
    if (!inputs.has(input) && !stageIds.has(input)) {
      issues.push(
        at(
          files.provision.file,
          r.provided_id,
          "unknown-id",
          `unknown input ${JSON.stringify(input)}; expected an id of inputs.csv${files.stages ? " or stages.csv" : ""}`,
        ),
      );
      ok = false;
    }
    const share = percent(files.provision.file, r.share_provided, issues);
    const year = optionalYear(files.provision.file, r.year, issues);
    if (year === undefined) {
      if (r.year.text.trim() === "")
        issues.push(at(files.provision.file, r.year, "schema", "expected the year of the share"));
      ok = false;
    }
    if (share === "bad") ok = false;
    const key = `${provider}\u0000${input}`;
    const before = seen.get(key);
    if (ok && before !== undefined) {
      issues.push(
        at(
          files.provision.file,
          r.provider_id,
          "duplicate-id",
          `provider ${provider} provides ${input} twice (also on line ${before})`,
        ),
      );
      ok = false;
    }
    if (!ok) continue;
    seen.set(key, r.provider_id.line);
    const row: EtoProvision = {
      provider,
      input,
      year: year!,
      source: r.source.text.trim(),
      line: r.provider_id.line,
      shareAt: r.share_provided,
      sourceAt: r.source,
    };
    if (share !== undefined && share !== "bad") row.share = share;
    provision.push(row);
  }
  const sequence: EtoSequence[] = [];
  for (const r of tables.sequence) {
    const row: EtoSequence = { input: r.input_id.text.trim(), line: r.input_id.line };
    for (const [cell, key] of [
      [r.input_id, "input"],
      [r.goes_into_id, "goesInto"],
      [r.is_type_of_id, "isTypeOf"],
    ] as const) {
      const id = cell.text.trim();
      if (id === "" && key !== "input") continue;
      if (!inputs.has(id)) {
        issues.push(
          at(
            files.sequence.file,
            cell,
            "unknown-id",
            `unknown input ${JSON.stringify(id)}; expected an id of inputs.csv`,
          ),
        );
        continue;
      }
      if (key !== "input") row[key] = id;
    }
    sequence.push(row);
  }
  if (issues.some((i) => i.severity === "error")) return { issues };
  return {
    dataset: {
      files: {
        inputs: files.inputs.file,
        providers: files.providers.file,
        provision: files.provision.file,
        sequence: files.sequence.file,
      },
      inputs,
      providers,
      provision,
      sequence,
    },
    issues,
  };
}

/** "$32.6 billion (2025)" → 32.6e9; "" → undefined; anything else → "bad". */
export function marketSize(text: string): number | undefined | "bad" {
  if (text === "") return undefined;
  const m = /^\$\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(billion|million|trillion)\b/i.exec(text);
  if (!m) return "bad";
  const scale = { billion: 1e9, million: 1e6, trillion: 1e12 }[
    m[2]!.toLowerCase() as "billion" | "million" | "trillion"
  ];
  return Number(m[1]!.replace(/,/g, "")) * scale;
}

function table<K extends keyof typeof COLUMNS>(
  f: TextFile,
  kind: K,
  issues: Issue[],
): Columns<K>[] | undefined {
  const parsed = parseCsv(f.text, f.file);
  issues.push(...parsed.issues);
  if (!parsed.table) return undefined;
  const t: CsvTable = parsed.table;
  const index = new Map(t.header.map((c, i) => [c.text.trim(), i]));
  const missing = COLUMNS[kind].filter((c) => !index.has(c));
  if (missing.length > 0) {
    const first = t.header[0] ?? { line: 1, col: 1, text: "" };
    issues.push(
      at(
        f.file,
        { ...first, col: 1 },
        "missing-column",
        `${kind}.csv needs the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}; found ${t.header.map((c) => c.text).join(", ")}`,
      ),
    );
    return undefined;
  }
  return t.rows.map((row) => {
    const out = {} as Columns<K>;
    for (const c of COLUMNS[kind]) (out as Record<string, Cell>)[c] = row[index.get(c)!]!;
    return out;
  });
}

function checkId(file: string, cell: Cell, expected: string, issues: Issue[]): boolean {
  if (cell.text.trim() !== "") return true;
  issues.push(at(file, cell, "schema", `expected ${expected}, found nothing`));
  return false;
}

function percent(file: string, cell: Cell, issues: Issue[]): number | undefined | "bad" {
  const text = cell.text.trim();
  if (text === "") return undefined;
  const v = Number(text);
  if (!/^-?[0-9]+(\.[0-9]+)?$/.test(text) || !Number.isFinite(v)) {
    issues.push(
      at(file, cell, "bad-number", `expected a share in percent, found ${JSON.stringify(text)}`),
    );
    return "bad";
  }
  if (v < 0 || v > 100) {
    issues.push(
      at(file, cell, "out-of-range", `expected a share between 0 and 100 percent, found ${text}`),
    );
    return "bad";
  }
  return v;
}

function optionalYear(file: string, cell: Cell, issues: Issue[]): number | undefined {
  const text = cell.text.trim();
  if (text === "") return undefined;
  if (!/^[0-9]{4}$/.test(text)) {
    issues.push(
      at(file, cell, "bad-number", `expected a year such as 2025, found ${JSON.stringify(text)}`),
    );
    return undefined;
  }
  return Number(text);
}

function at(file: string, cell: Cell, code: string, message: string): Issue {
  return { severity: "error", code, at: { file, line: cell.line, col: cell.col }, message };
}
