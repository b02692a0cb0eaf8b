// Gains files: three shapes, weights, abstention band, `others`; errors at file:line:col.
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { gainsFromDoc } from "../../src/council/gains.js";
import { parseYaml } from "../../src/parse/yaml.js";
import { defaultCouncil, FIXTURES } from "./data.js";

const members = defaultCouncil().members;
const index = (id: string) => members.findIndex((m) => m.id === id);

function read(name: string) {
  const file = join(FIXTURES, "gains", name);
  const parsed = parseYaml(readFileSync(file, "utf8"), file);
  if (!parsed.doc) return { issues: parsed.issues.map(where) };
  const { gains, issues } = gainsFromDoc(parsed.doc, members);
  return { gains, issues: issues.map(where) };
}
function where(i: {
  code: string;
  at?: { file: string; line: number; col: number };
  message: string;
}) {
  return {
    code: i.code,
    at: i.at
      ? `${relative(join(FIXTURES, "gains"), i.at.file)}:${i.at.line}:${i.at.col}`
      : undefined,
    message: i.message,
  };
}

describe("gains files", () => {
  it("reads a member: gain map, with economic/security parts weighted 1 and 1 by default", () => {
    const { gains, issues } = read("map.yaml");
    expect(issues).toEqual([]);
    expect(gains?.gains[index("NL")]).toBe(-3);
    expect(gains?.gains[index("DE")]).toBe(-2);
    expect(gains?.abstentionBand).toBe(0);
  });

  it("reads a list in JSON with weights, a band and `others` for the members not listed", () => {
    const { gains, issues } = read("list.json");
    expect(issues).toEqual([]);
    expect(gains?.gains[index("NL")]).toBe(-3);
    expect(gains?.gains[index("DE")]).toBe(-2);
    expect(gains?.gains[index("MT")]).toBe(1);
    expect(gains?.weights).toEqual({ economic: 1, security: 0.5 });
    expect(gains?.abstentionBand).toBe(0.5);
    expect(gains?.unit).toBe("EUR bn");
  });

  it("reads a structured document whose gains are a map", () => {
    const { gains } = read("structured.yaml");
    expect(gains?.gains.filter((g) => g < 0)).toHaveLength(5);
  });

  it("places an unknown member at its entry", () => {
    expect(read("unknown-member.yaml").issues).toEqual([
      {
        code: "unknown-id",
        at: "unknown-member.yaml:4:7",
        message: expect.stringMatching(/^unknown member "UK"; expected one of DE, FR/),
      },
    ]);
  });

  it("places a member listed twice (and, a bare list having no `others`, names those missing)", () => {
    expect(read("duplicate.yaml").issues).toEqual([
      { code: "duplicate-id", at: "duplicate.yaml:3:13", message: "member DE is listed twice" },
      {
        code: "missing-member",
        at: "duplicate.yaml:1:1",
        message: expect.stringMatching(/^no gain for IT, ES/),
      },
    ]);
  });

  it("names the members missing when there is no `others`", () => {
    const { issues } = read("missing.yaml");
    expect(issues).toEqual([
      {
        code: "missing-member",
        at: "missing.yaml:1:1",
        message: expect.stringMatching(/^no gain for IT, ES, PL/),
      },
    ]);
  });

  it("places values that are not gains", () => {
    const { issues } = read("bad-value.yaml");
    expect(issues.map((i) => [i.code, i.at])).toEqual([
      ["schema", "bad-value.yaml:3:7"],
      ["schema", "bad-value.yaml:4:31"],
    ]);
    expect(issues[1]?.message).toMatch(/unknown field "safety"/);
  });

  it("refuses gains too large for the solver, at the member's entry", () => {
    expect(read("huge.yaml").issues).toEqual([
      {
        code: "out-of-range",
        at: "huge.yaml:4:7",
        message: expect.stringMatching(/^the weighted gain of FR is 10000000000000;/),
      },
    ]);
  });

  it("reports YAML syntax errors with their position", () => {
    expect(read("syntax.yaml").issues).toEqual([
      expect.objectContaining({ code: "syntax", at: "syntax.yaml:3:1" }),
    ]);
  });
});
