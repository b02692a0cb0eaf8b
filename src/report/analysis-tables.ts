/**
 * The tables the analysis commands print (`levier exposure`, `leverage`, `io`,
 * `dependencies` and the summary of `report profile`), as table values: the terminal shows
 * their text, `--csv` their raw figures. Estimates (not simulated) are marked "≤" on the
 * terminal and have a `simulated` column of their own in CSV. After Monte Carlo draws
 * (`--draws`), exposure and leverage tables add each main figure's 90% range over the draws (5th
 * to 95th percentile): one column on the terminal, its two ends as columns of their own in CSV.
 * @module
 */
import type { DependencyReport } from "../analysis/dependency/commission.js";
import type { IoTable, Multipliers } from "../analysis/io/leontief.js";
import type { Profile } from "../analysis/profile.js";
import type { ExposureWithDraws, LeverageCellWithDraws } from "../run/analysis-draws.js";
import type { Stats } from "../run/draws.js";
import { pct, score, usd as usdText } from "./format.js";
import { type Cell, type Column, emptyCell, pctCell, type Table, UNITS, usdCell } from "./table.js";

const usd = UNITS.usd;
const fraction = UNITS.fraction;
const simulatedColumn = { header: "simulated", csvOnly: true } as const;

/** A figure's 90% range over the draws: a column for the terminal and two for CSV. */
function rangeColumns(header: string, unit: string): Column[] {
  return [
    { header: `${header}, 90% of draws`, textOnly: true, align: "right" },
    { header: `${header} p5`, unit, csvOnly: true },
    { header: `${header} p95`, unit, csvOnly: true },
  ];
}

/** The range's cells; `bound` marks a range of estimates (an unsimulated row) with "≤". */
function rangeCells(r: Stats | undefined, show: (x: number) => string, bound = false): Cell[] {
  if (!r) return [emptyCell(), emptyCell(""), emptyCell("")];
  const mark = bound ? "≤" : "";
  return [{ text: `${mark}${show(r.p5)} to ${mark}${show(r.p95)}`, value: null }, r.p5, r.p95];
}

const pct3 = (x: number) => pct(x, 3);

/** What an actor buys from whom, and its loss if that supplier withholds it. */
export function exposureDependencies(doc: ExposureWithDraws, top: number): Table {
  const drawn = doc.draws !== undefined;
  return {
    name: "dependencies",
    columns: [
      { header: "good" },
      { header: "supplier" },
      { header: "share of use", unit: fraction },
      { header: "value a year", unit: usd },
      { header: "stock (months)" },
      { header: `loss over ${doc.horizon} months`, unit: usd },
      ...(drawn ? rangeColumns("loss", usd) : []),
      { header: "of its VA", unit: fraction },
      { header: "security index", unit: fraction },
      simulatedColumn,
    ],
    rows: doc.dependencies
      .slice(0, top)
      .map((d) => [
        d.good,
        d.supplier,
        pctCell(d.shareOfUse, 1),
        usdCell(d.value),
        d.stockMonths,
        usdCell(d.loss, !d.simulated),
        ...(drawn ? rangeCells(d.ranges?.loss, usdText, !d.simulated) : []),
        pctCell(d.lossShare, 3, !d.simulated),
        d.simulated ? pctCell(d.securityLoss, 3) : emptyCell(),
        d.simulated,
      ]),
  };
}

/** The actor's loss if a supplier withholds everything it ships to it. */
export function exposureSuppliers(doc: ExposureWithDraws, top: number): Table {
  const drawn = doc.draws !== undefined;
  return {
    name: "suppliers",
    columns: [
      { header: "supplier withholding everything" },
      { header: "imports a year", unit: usd },
      { header: `loss over ${doc.horizon} months`, unit: usd },
      ...(drawn ? rangeColumns("loss", usd) : []),
      { header: "of its VA", unit: fraction },
      { header: "security index", unit: fraction },
      simulatedColumn,
    ],
    rows: doc.suppliers
      .slice(0, top)
      .map((s) => [
        s.supplier,
        usdCell(s.imports),
        usdCell(s.loss, !s.simulated),
        ...(drawn ? rangeCells(s.ranges?.loss, usdText, !s.simulated) : []),
        pctCell(s.lossShare, 3, !s.simulated),
        s.simulated ? pctCell(s.securityLoss, 3) : emptyCell(),
        s.simulated,
      ]),
  };
}

/** Pairs of the leverage matrix, in the order given; `drawn`: the matrix has draws (ranges of
 * the damage and the asymmetry, and the share of draws in which the asymmetry is positive). */
export function leveragePairs(
  cells: readonly LeverageCellWithDraws[],
  horizon: number,
  drawn = false,
): Table {
  return {
    name: "pairs",
    columns: [
      { header: "from" },
      { header: "to" },
      { header: `damage over ${horizon} months`, unit: usd },
      ...(drawn ? rangeColumns("damage", usd) : []),
      { header: "of target's VA", unit: fraction },
      { header: "security index", unit: fraction },
      { header: "own cost", unit: usd },
      { header: "of own VA", unit: fraction },
      { header: "asymmetry", unit: fraction },
      ...(drawn
        ? [
            ...rangeColumns("asymmetry", fraction),
            { header: "asymmetry > 0 in (share of draws)", unit: fraction },
          ]
        : []),
      simulatedColumn,
    ],
    rows: cells.map((c) => [
      c.from,
      c.to,
      usdCell(c.damage, !c.simulated),
      ...(drawn ? rangeCells(c.ranges?.damage, usdText, !c.simulated) : []),
      pctCell(c.damageShare, 3, !c.simulated),
      c.simulated ? pctCell(c.securityLoss, 3) : emptyCell(),
      usdCell(c.cost),
      pctCell(c.costShare, 3),
      pctCell(c.asymmetryShare, 3),
      ...(drawn
        ? [
            ...rangeCells(c.ranges?.asymmetryShare, pct3),
            c.holdsShare === undefined ? emptyCell() : pctCell(c.holdsShare, 0),
          ]
        : []),
      c.simulated,
    ]),
  };
}

/** Each sector's output and its Leontief (output) and Ghosh (supply) multipliers. */
export function ioSectors(table: IoTable, m: Multipliers): Table {
  return {
    name: "sectors",
    columns: [
      { header: "sector" },
      { header: "output USD/yr" },
      { header: "output multiplier" },
      { header: "supply multiplier" },
    ],
    rows: table.ids.map((id, i) => [id, table.x[i]!, m.output[i]!, m.supply[i]!]),
  };
}

/** The Commission's test, good by good: each criterion's value (✓ where it holds). */
export function dependencyGoods(report: DependencyReport): Table {
  return {
    name: "goods",
    columns: [
      { header: "good" },
      ...report.criteria.map((c) => ({ header: `${c.id} (> ${c.above})` })),
      ...report.criteria.map((c) => ({ header: `${c.id} holds`, csvOnly: true })),
      { header: "verdict" },
      { header: "main source" },
      { header: "main source share", unit: fraction, csvOnly: true },
    ],
    rows: report.goods.map((g) => {
      const main = g.suppliers[0];
      return [
        g.good,
        ...g.criteria.map((c) => ({
          text: `${c.value === null ? "∞" : c.value.toFixed(3)}${c.holds ? " ✓" : ""}`,
          value: c.value ?? Number.POSITIVE_INFINITY,
        })),
        ...g.criteria.map((c) => c.holds),
        {
          text: g.dependent ? "dependent" : "–",
          value: g.dependent ? "dependent" : "not dependent",
        },
        main ? { text: `${main.actor} ${pct(main.share, 1)}`, value: main.actor } : emptyCell(),
        main ? main.share : emptyCell(""),
      ];
    }),
  };
}

/** The profile summary's chokepoints: the actor's goods with a score, best first. */
export function profileChokepoints(p: Profile, top = 10): Table {
  return {
    name: "chokepoints",
    columns: [
      { header: "rank" },
      { header: "chokepoint" },
      { header: "share", unit: fraction },
      { header: "score" },
    ],
    rows: p.chokepoints
      .filter((r) => r.score > 0)
      .slice(0, top)
      .map((r) => [r.rank, r.good, pctCell(r.share, 1), { text: score(r.score), value: r.score }]),
  };
}

/** The profile summary's leverage over and under each major power. */
export function profileLeverage(p: Profile): Table {
  return {
    name: "leverage",
    columns: [
      { header: "power" },
      { header: "damage over", unit: fraction },
      { header: "damage under", unit: fraction },
      { header: "asymmetry", unit: fraction },
    ],
    rows: p.leverage.map((l) => [
      l.power,
      pctCell(l.over.damageShare, 3),
      pctCell(l.under.damageShare, 3),
      pctCell(l.over.asymmetryShare, 3),
    ]),
  };
}
