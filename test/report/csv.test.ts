/**
 * The CSV writer (src/report/csv.ts) against hand-written CSV: quoting only where RFC 4180
 * needs it, doubled quotes, LF line ends, raw numbers in full, and a table value's units in
 * its header line.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/parse/csv.js";
import { csvField, tableCsv, toCsv } from "../../src/report/csv.js";
import { pctCell, type Table, usdCell } from "../../src/report/table.js";
import { tableText } from "../../src/report/text-table.js";

describe("csvField", () => {
  it("leaves plain text as it is", () => {
    expect(csvField("euv_lithography")).toBe("euv_lithography");
    expect(csvField("TW 45.0%")).toBe("TW 45.0%");
    expect(csvField("≤$1.2 bn")).toBe("≤$1.2 bn");
    expect(csvField("")).toBe("");
  });

  it("quotes commas, quotes, line breaks and edge spaces, doubling inner quotes", () => {
    expect(csvField("TW 45%, KR 20%")).toBe('"TW 45%, KR 20%"');
    expect(csvField('the "tier 1" list')).toBe('"the ""tier 1"" list"');
    expect(csvField('"')).toBe('""""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
    expect(csvField(" padded")).toBe('" padded"');
    expect(csvField("padded ")).toBe('"padded "');
    expect(csvField('a,"b"\nc')).toBe('"a,""b""\nc"');
  });

  it("writes numbers in full, never grouped or rounded", () => {
    expect(csvField(1234567890.125)).toBe("1234567890.125");
    expect(csvField(0.1)).toBe("0.1");
    expect(csvField(-42)).toBe("-42");
    expect(csvField(-0)).toBe("0");
    expect(csvField(1e-7)).toBe("1e-7");
    expect(csvField(2.5e21)).toBe("2.5e+21");
    expect(csvField(Number.POSITIVE_INFINITY)).toBe("inf");
    expect(csvField(Number.NEGATIVE_INFINITY)).toBe("-inf");
    expect(csvField(Number.NaN)).toBe("");
  });

  it("writes booleans as true/false and missing values as empty fields", () => {
    expect(csvField(true)).toBe("true");
    expect(csvField(false)).toBe("false");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
  });
});

describe("toCsv", () => {
  it("ends every record, the last too, with LF", () => {
    expect(
      toCsv([
        ["a", "b"],
        [1, "x,y"],
        [null, 'say "hi"'],
      ]),
    ).toBe('a,b\n1,"x,y"\n,"say ""hi"""\n');
    expect(toCsv([])).toBe("");
  });

  it('writes a record of one empty field as "", not as a blank line', () => {
    expect(toCsv([["only"], [""], [null], ["x"]])).toBe('only\n""\n""\nx\n');
  });

  it("reads back as written through the project's own CSV reader (parse/csv.ts)", () => {
    const field = fc.oneof(
      fc.string(),
      fc.constantFrom(",", '"', "\n", "\r\n", " x", "x ", "#x", "", '""', "a,b\nc"),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((n) =>
          fc.array(fc.array(field, { minLength: n, maxLength: n }), {
            minLength: 1,
            maxLength: 6,
          }),
        ),
        (records) => {
          // The reader wants named columns; the rows are the random records.
          const header = records[0]!.map((_, j) => `c${j}`);
          const { table, issues } = parseCsv(toCsv([header, ...records]), "t.csv");
          expect(issues).toEqual([]);
          expect(table!.rows.map((r) => r.map((c) => c.text))).toEqual(records);
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });
});

describe("tableCsv", () => {
  const table: Table = {
    name: "suppliers",
    columns: [
      { header: "supplier" },
      { header: "imports a year", unit: "USD" },
      { header: "of its VA", unit: "fraction" },
      { header: "simulated", csvOnly: true },
      { header: "stock (months)" },
    ],
    rows: [
      ["TW", usdCell(1.5e9), pctCell(0.0123), true, 2],
      ["NL, EU", usdCell(-2500, true), pctCell(0, 3, true), false, 0.5],
    ],
  };

  it("has the units in its header and the raw values in its rows", () => {
    expect(tableCsv(table)).toBe(
      [
        "supplier,imports a year (USD),of its VA (fraction),simulated,stock (months)",
        "TW,1500000000,0.0123,true,2",
        '"NL, EU",-2500,0,false,0.5',
        "",
      ].join("\n"),
    );
  });

  it("is the same table the terminal shows, less its CSV-only columns", () => {
    expect(tableText(table, undefined).split("\n")).toEqual([
      "supplier  imports a year  of its VA  stock (months)",
      "--------  --------------  ---------  --------------",
      "TW        $1.50 bn        1.23%                   2",
      "NL, EU    ≤−$2.5 k        ≤0.000%               0.5",
    ]);
  });
});
