/**
 * docs/validation.md: every case runs through levier's pipeline, each of levier's figures lies
 * within the range the page states for it, each headline of the six examples meets the
 * expectation examples.yaml states for it, and the page is what `npm run validation` writes
 * now (a stale page fails). The metrics are checked on hand-made documents, and bad references
 * and examples files get file:line:col errors.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  amountOf,
  evaluate,
  mostExposed,
  type Run,
  statesByLoss,
} from "../../scripts/validation/examples-metrics.js";
import { acceptedRange, ranged } from "../../scripts/validation/examples-range.js";
import {
  EXAMPLES_DIR,
  EXAMPLES_FILE,
  type ExamplesRun,
  runExamples,
} from "../../scripts/validation/examples-run.js";
import { type Headline, parseExamples } from "../../scripts/validation/examples-schema.js";
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
import type { RunDocument } from "../../src/run/document.js";
import type { World } from "../../src/world/schema.js";

const ROOT = resolve(import.meta.dirname, "../..");
const references = parseReferences(
  readFileSync(join(ROOT, REFERENCES_FILE), "utf8"),
  REFERENCES_FILE,
);
const FIGURES = references.cases.flatMap((c) =>
  c.references.map((r) => [`${c.id} / ${r.id}`, r.id] as const),
);

const examplesText = readFileSync(join(ROOT, EXAMPLES_FILE), "utf8");
const anyId = () => true;
const HEADLINES = parseExamples(examplesText, EXAMPLES_FILE, anyId).examples.flatMap((e) =>
  e.headlines.map((h) => [`${e.id} / ${h.id}`, e.id, h.id] as const),
);

let validation: Validation;
let examples: ExamplesRun;
beforeAll(() => {
  validation = runValidation(ROOT);
  examples = runExamples(ROOT);
});

describe("the validation cases", () => {
  it("are at least six scenarios, one file each in examples/validation, all of them used", () => {
    const files = readdirSync(join(ROOT, CASES_DIR))
      .filter((f) => f.endsWith(".yaml") && f !== "references.yaml" && f !== "examples.yaml")
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
      renderPage(validation, examples),
    );
  });
});

describe("the six examples", () => {
  it("are each scenario of examples/, once", () => {
    const files = readdirSync(join(ROOT, EXAMPLES_DIR))
      .filter((f) => f.endsWith(".yaml"))
      .sort();
    const used = parseExamples(examplesText, EXAMPLES_FILE, anyId)
      .examples.map((e) => e.scenario)
      .sort();
    expect(used).toEqual(files);
  });

  it.each(HEADLINES)("%s: levier's figure meets the expectation the page states", (_, e, h) => {
    const r = examples.examples
      .find((x) => x.example.id === e)!
      .headlines.find((x) => x.headline.id === h)!;
    // A headline with a `known` note records a flaw of the model still open: it must still be
    // outside its range, so that a fix brings the note's removal with it.
    const known = r.headline.known !== undefined;
    expect(r.met, `${e} / ${h}: ${r.verdict}${known ? " (remove its `known` note)" : ""}`).toBe(
      !known,
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

describe("the headlines' figures", () => {
  const actor = (id: string, kind: string, loss: number) =>
    ({ id, kind, loss }) as unknown as RunDocument["actors"][0];
  const world = {
    actors: [
      { id: "A", kind: "state", gdp: { value: 100 } },
      { id: "B", kind: "state", gdp: { value: 300 } },
      { id: "C", kind: "state", gdp: { value: 50 } },
      { id: "R", kind: "aggregate", gdp: { value: 1000 } },
      { id: "EU", kind: "bloc", members: ["A", "B"], gdp: { value: 400 } },
    ],
    groups: [{ id: "ab_group", members: ["A", "C"] }],
  } as unknown as World;
  // Losses over 12 months: A 2 bn (2% of its GDP), B 3 bn (1%), C 4 bn (8%), R 50 bn.
  const run: Run = {
    doc: {
      actors: [
        actor("EU", "bloc", 5e9),
        actor("A", "state", 2e9),
        actor("B", "state", 3e9),
        actor("C", "state", 4e9),
        actor("R", "aggregate", 5e10),
      ],
      scenario: { horizon: 12 },
      capacityShare: { baseline: 0.06, horizon: 0.08, added: 0.02 },
    } as unknown as RunDocument,
    world,
    groups: [],
  };
  const h = (x: Record<string, unknown>) =>
    ({ id: "h", title: "h", reason: "r", expect: "positive", ...x }) as unknown as Headline;

  it("rank states only, leaving out blocs and aggregates", () => {
    expect(statesByLoss(run.doc).map((a) => a.id)).toEqual(["C", "B", "A"]);
  });

  it("sum a bloc or a group over its members, and the world over every actor not a bloc", () => {
    expect(amountOf(run, "EU", "loss")).toBe(5e9);
    expect(amountOf(run, "ab_group", "loss")).toBe(6e9);
    expect(amountOf(run, "WORLD", "loss")).toBe(5.9e10);
  });

  it("take the most exposed member by its loss over its GDP, not by its loss", () => {
    expect(mostExposed(run, "EU")).toMatchObject({ id: "A", share: 0.02 });
  });

  it("check who is hardest hit: the required among them, the rest from the allowed", () => {
    const top = { measure: "hardestHit", count: 2 };
    expect(evaluate(h({ ...top, includes: ["C"] }), run).met).toBe(true);
    expect(evaluate(h({ ...top, includes: ["C"], others: ["A"] }), run).verdict).toBe(
      "outside: B is among them",
    );
    expect(evaluate(h({ ...top, includes: ["A"] }), run).verdict).toBe(
      "outside: A is not among them",
    );
  });

  it("check the member's identity as well as its share", () => {
    const m = { measure: "mostExposedMember", bloc: "EU", range: [0.01, 0.03] };
    expect(evaluate(h({ ...m, members: ["A"] }), run).met).toBe(true);
    expect(evaluate(h({ ...m, members: ["B"] }), run).verdict).toBe(
      "outside: A is the most exposed",
    );
  });

  it("divide one loss by another, and read the capacity shares", () => {
    const ratio = evaluate(h({ measure: "lossRatio", of: "C", to: "A", range: [1, 3] }), run);
    expect(ratio.value).toBe(2);
    expect(ratio.met).toBe(true);
    // A target that loses against a side that gains: more leverage than any finite ratio.
    const gainer = {
      ...run,
      doc: { ...run.doc, actors: [...run.doc.actors, actor("G", "state", -1e6)] },
    };
    const unbounded = evaluate(
      h({ measure: "lossRatio", of: "C", to: "G", range: [1, 3] }),
      gainer,
    );
    expect(unbounded.met).toBe(true);
    expect(unbounded.verdict).toBe("as expected (unbounded: only the target loses)");
    const reverse = evaluate(h({ measure: "lossRatio", of: "G", to: "C", range: [1, 3] }), gainer);
    expect(reverse.met).toBe(false);
    const added = evaluate(h({ measure: "capacityShare", at: "added", range: [0.01, 0.04] }), run);
    expect(added.value).toBe(0.02);
  });

  it("read an automation path: shares, their changes and the shock's relief", () => {
    const year = (y: number, share: number) => ({ year: y, share });
    const path = {
      ...run,
      doc: {
        ...run.doc,
        valueCapture: {
          baseYear: 2025,
          path: [year(2025, 0.75), year(2035, 0.7)],
          without: [year(2025, 0.75), year(2035, 0.69)],
          shocks: {
            with: [{ year: 2035, loss: 1, lossShare: 0.03 }],
            without: [{ year: 2035, loss: 1, lossShare: 0.045 }],
          },
        },
      } as unknown as RunDocument,
    };
    const at = (x: Record<string, unknown>) =>
      evaluate(h({ measure: "valueCapture", year: 2035, path: "with", range: [-1, 1], ...x }), path)
        .value;
    expect(at({ figure: "share", year: 2025 })).toBe(0.75);
    expect(at({ figure: "share", path: "without" })).toBe(0.69);
    expect(at({ figure: "shareChange", path: "without" })).toBeCloseTo(-0.06, 12);
    expect(at({ figure: "policyGain" })).toBeCloseTo(0.01, 12);
    expect(at({ figure: "shockLossShare" })).toBe(0.03);
    expect(at({ figure: "shockRelief" })).toBeCloseTo(0.015, 12);
    // A year the path does not have, or a run without a path: not computed, never a stand-in.
    expect(at({ figure: "share", year: 2030 })).toBeUndefined();
    const none = evaluate(
      h({ measure: "valueCapture", figure: "share", year: 2025, path: "with", range: [0, 1] }),
      run,
    );
    expect(none.verdict).toBe("not computed");
  });

  it("say how a figure misses its range", () => {
    const pos = h({ measure: "loss", actor: "A", range: [1e9, 2e9] }) as never;
    expect(ranged(pos, 1.5e9).met).toBe(true);
    expect(ranged(pos, 2e9).met).toBe(true);
    expect(ranged(pos, 2.5e8).verdict).toBe("outside: 4.0× below the low end");
    expect(ranged(pos, 6e9).verdict).toBe("outside: 3.0× above the high end");
    expect(ranged(pos, -1).verdict).toBe("outside: the opposite direction");
    const est = h({ measure: "loss", actor: "A", estimate: [3e9, 5e9] }) as never;
    expect(ranged(est, 4e9).verdict).toBe("as expected");
    expect(ranged(est, 1e10).verdict).toBe("as expected (2.0× the estimate's high end)");
    expect(ranged(est, 1.6e10).met).toBe(false);
    expect(ranged(pos, 0).verdict).toBe("outside: no effect");
    expect(ranged(pos, undefined).met).toBe(false);
    const zero = h({ measure: "loss", actor: "A", expect: "zero" }) as never;
    expect(ranged(zero, 0).met).toBe(true);
    expect(ranged(zero, 1e-9).verdict).toBe("outside: not 0");
  });
});

describe("examples.yaml", () => {
  const lines = examplesText.split("\n");
  const fault = (text: string, knows: (id: string) => boolean = () => true) => {
    try {
      parseExamples(text, "examples.yaml", knows);
    } catch (e) {
      return e as InputError;
    }
    return undefined;
  };

  it("with a range on the wrong side of 0 for its sign is rejected at the range's line", () => {
    const at = lines.findIndex((l, i) => /^\s+range: \[/.test(l) && /positive/.test(lines[i - 1]!));
    const bad = [...lines];
    bad[at] = bad[at]!.replace(/\[.*\]/, "[-1.0e+9, 1.0e+9]");
    const error = fault(bad.join("\n"));
    expect(error).toBeInstanceOf(InputError);
    expect(error!.issues[0]!.at).toMatchObject({ file: "examples.yaml", line: at + 1 });
    expect(error!.issues[0]!.message).toMatch(/at or above 0/);
  });

  it("with an actor the world does not know is rejected at its line", () => {
    const at = lines.findIndex((l) => /^\s+actor: CN$/.test(l));
    const bad = [...lines];
    bad[at] = bad[at]!.replace("CN", "XX");
    const error = fault(bad.join("\n"), (id) => id !== "XX");
    expect(error).toBeInstanceOf(InputError);
    expect(error!.issues).toHaveLength(1);
    expect(error!.issues[0]!.at).toMatchObject({ file: "examples.yaml", line: at + 1 });
    expect(error!.issues[0]!.message).toBe('no actor or group "XX" in the world');
  });

  it("accept a third of an estimate's low end to three times its high end", () => {
    const h = (estimate: number[]) => ({ estimate, expect: "either" }) as never;
    expect(acceptedRange(h([3e9, 5e9]))).toEqual([1e9, 1.5e10]);
    expect(acceptedRange(h([-6e9, 2e9]))).toEqual([-1.8e10, 6e9]);
    expect(acceptedRange(h([-6e9, -3e9]))).toEqual([-1.8e10, -1e9]);
    expect(acceptedRange(h([0, 2e9]))).toEqual([0, 6e9]);
  });

  it("with both an estimate and a range is rejected", () => {
    const bad = examplesText.replace(/(\n\s+)estimate: (\[[^\]]*\])/, "$1estimate: $2$1range: $2");
    expect(fault(bad)?.message).toMatch(/an estimate .* or a range, not both/);
  });

  it("with a zero expectation that states a range is rejected", () => {
    const bad = examplesText.replace("expect: zero", "expect: zero\n        range: [0, 1]");
    expect(fault(bad)?.message).toMatch(/expected no range or estimate with expect: zero/);
  });
});
