/**
 * docs/validation.md: every case runs through levier's pipeline, each of levier's figures lies
 * within the range the page states for it, and the page is what `npm run validation` writes
 * now (a stale page fails). The metrics are checked on hand-made documents, and a bad
 * references file gets file:line:col errors.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { amount, gdpOver, outputLost } from "../../scripts/validation/metrics.js";
import { renderPage } from "../../scripts/validation/page.js";
import { parseReferences } from "../../scripts/validation/references.js";
import {
  CASES_DIR,
  PAGE_FILE,
  REFERENCES_FILE,
  runValidation,
  type Validation,
} from "../../scripts/validation/run-cases.js";
import { InputError } from "../../src/diagnostics/errors.js";
import type { RunDocument } from "../../src/report/document.js";
import type { World } from "../../src/world/schema.js";

const ROOT = resolve(import.meta.dirname, "../..");
const references = parseReferences(
  readFileSync(join(ROOT, REFERENCES_FILE), "utf8"),
  REFERENCES_FILE,
);
const FIGURES = references.cases.flatMap((c) =>
  c.references.map((r) => [`${c.id} / ${r.id}`, r.id] as const),
);

let validation: Validation;
beforeAll(() => {
  validation = runValidation(ROOT);
});

describe("the validation cases", () => {
  it("are at least six scenarios, one file each in examples/validation, all of them used", () => {
    const files = readdirSync(join(ROOT, CASES_DIR))
      .filter((f) => f.endsWith(".yaml") && f !== "references.yaml")
      .sort();
    const used = references.cases.map((c) => c.scenario).sort();
    expect(used).toEqual(files);
    expect(new Set(used).size).toBeGreaterThanOrEqual(6);
  });

  it("state ranges on the published figure's side of zero that contain it", () => {
    for (const c of references.cases)
      for (const r of c.references) {
        const [lo, hi] = r.range;
        for (const x of [r.value, r.low ?? r.value, r.high ?? r.value]) {
          expect(x, r.id).toBeGreaterThanOrEqual(lo);
          expect(x, r.id).toBeLessThanOrEqual(hi);
        }
        expect(Math.sign(lo), r.id).toBe(Math.sign(r.value));
      }
  });
});

describe("levier beside the published estimates", () => {
  it.each(FIGURES)("%s: levier's figure lies within the range the page states", (_, id) => {
    const figure = validation.cases.flatMap((c) => c.figures).find((f) => f.reference.id === id)!;
    const [lo, hi] = figure.reference.range;
    expect(figure.value, `${id}: the result document lacks the metric's field`).toBeDefined();
    expect(figure.value!).toBeGreaterThanOrEqual(lo);
    expect(figure.value!).toBeLessThanOrEqual(hi);
  });

  it("docs/validation.md is what `npm run validation` writes now", () => {
    const page = readFileSync(join(ROOT, PAGE_FILE), "utf8");
    expect(page, "docs/validation.md is stale: run `npm run validation`").toBe(
      renderPage(validation),
    );
  });
});

describe("the metrics", () => {
  const actor = (id: string, kind: string, loss?: number) =>
    ({ id, kind, ...(loss === undefined ? {} : { loss }) }) as unknown as RunDocument["actors"][0];
  const doc = (actors: RunDocument["actors"]) =>
    ({ actors, goods: [], nodes: [], scenario: { horizon: 12 } }) as unknown as RunDocument;

  it("count the world as the actors that are not blocs", () => {
    const d = doc([actor("A", "state", 2), actor("B", "aggregate", 3), actor("EU", "bloc", 100)]);
    expect(amount(d, "WORLD", "loss")).toBe(5);
    expect(amount(d, "EU", "loss")).toBe(100);
  });

  it("give no figure when the document lacks the field", () => {
    const d = doc([actor("A", "state", 2), actor("B", "state")]);
    expect(amount(d, "WORLD", "loss")).toBeUndefined();
    expect(amount(d, "A", "downstreamLost")).toBeUndefined();
  });

  it("take GDP over the horizon, a bloc as its members", () => {
    const world = {
      actors: [
        { id: "A", kind: "state", gdp: { value: 100 } },
        { id: "B", kind: "state", gdp: { value: 300 } },
        { id: "EU", kind: "bloc", members: ["A", "B"], gdp: { value: 1 } },
      ],
    } as unknown as World;
    expect(gdpOver(world, "WORLD", 6)).toBe(200e9);
    expect(gdpOver(world, "EU", 12)).toBe(400e9);
    expect(gdpOver(world, "A", 24)).toBe(200e9);
  });

  it("sum a good's shortfall over the months, gains counted against losses", () => {
    const d = {
      goods: [{ id: "cars", baseline: 10, output: [8, 9, 11, 10] }],
    } as unknown as RunDocument;
    expect(outputLost(d, "cars")).toBe(2);
  });
});

describe("references.yaml", () => {
  const good = readFileSync(join(ROOT, REFERENCES_FILE), "utf8");

  it("with a range that straddles zero is rejected at the range's line", () => {
    const lines = good.split("\n");
    const at = lines.findIndex((l) => /^\s+range: \[/.test(l));
    lines[at] = lines[at]!.replace(/\[.*\]/, "[-0.01, 0.1]");
    const error = (() => {
      try {
        parseReferences(lines.join("\n"), "refs.yaml");
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InputError);
    const issue = (error as InputError).issues[0]!;
    expect(issue.at).toMatchObject({ file: "refs.yaml", line: at + 1 });
    expect(issue.message).toMatch(/one side of 0/);
  });

  it("with an unknown metric is rejected with the path of the field", () => {
    const bad = good.replace("measure: lossGdpShare", "measure: gdp");
    expect(() => parseReferences(bad, "refs.yaml")).toThrow(/refs\.yaml:\d+:\d+/);
  });
});
