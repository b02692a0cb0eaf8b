/**
 * Two runs side by side: each run's headline chart, and per actor the chosen figure in each run
 * and their difference (b − a), largest differences first, charted and as a table.
 */
import { useMemo } from "react";
import { usd } from "../../../src/format/number.js";
import { reportCharts, undrawable } from "../../../src/report/charts.js";
import { Chart, type Spec } from "../components/Chart.js";
import { ErrorBox, Loading } from "../components/Status.js";
import { Table } from "../components/Table.js";
import { href, setParams } from "../route.js";
import { runLabel } from "../run-label.js";
import type { RunDocument, RunRow, ScenarioRow } from "../types.js";
import { useFetch } from "../use-fetch.js";

type Figures = Record<string, number | null | undefined>;
interface Comparison {
  a: unknown;
  b: unknown;
  actors: { actor: string; name?: string; a: Figures; b: Figures; diff: Figures }[];
}

const LABELS: Record<string, string> = {
  loss: "Loss (USD; negative = gain)",
  lossGdpShare: "Loss (share of GDP)",
  valueAddedLost: "Value added lost (USD)",
  finalUseLost: "Final use lost (USD)",
  downstreamLost: "Downstream value added lost (USD)",
  securityIndexLoss: "Security index loss (0–1)",
};

/** Figures in USD (the rest are shares, indices or months). */
function isMoney(figure: string): boolean {
  return !/Share$|^securityIndex|Month$|^recovery/.test(figure);
}

function fmt(figure: string, v: number | null | undefined): string {
  if (v === null || v === undefined) return "—";
  return isMoney(figure) ? usd(v) : v.toPrecision(4);
}

export function CompareView({ params }: { params: Record<string, string> }) {
  const { a, b } = params;
  const runs = useFetch<RunRow[]>("/api/runs");
  const scenarios = useFetch<ScenarioRow[]>("/api/scenarios");
  const cmp = useFetch<Comparison>(
    a && b ? `/api/runs/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}` : undefined,
  );
  const done = (runs.data ?? []).filter((r) => r.status === "done");
  const pick = (
    <form className="pick" onSubmit={(e) => e.preventDefault()}>
      {(["a", "b"] as const).map((k) => (
        <span key={k}>
          <label htmlFor={`run-${k}`}>{k === "a" ? "First run (a)" : "Second run (b)"}</label>
          <select
            id={`run-${k}`}
            value={params[k] ?? ""}
            onChange={(e) => setParams("compare", { ...params, [k]: e.target.value })}
          >
            <option value="">Choose…</option>
            {done.map((r) => (
              <option key={r.id} value={r.id}>
                {runLabel(r, scenarios.data)}
              </option>
            ))}
          </select>
        </span>
      ))}
    </form>
  );
  if (!a || !b) return pick;
  return (
    <div className="compare">
      {pick}
      <div className="side-by-side">
        <RunHeadline id={a} label="a" />
        <RunHeadline id={b} label="b" />
      </div>
      {cmp.error ? <ErrorBox error={cmp.error} /> : null}
      {cmp.loading ? <Loading what="the comparison" /> : null}
      {cmp.data ? <Differences c={cmp.data} params={params} /> : null}
    </div>
  );
}

function RunHeadline({ id, label }: { id: string; label: string }) {
  const doc = useFetch<RunDocument>(`/api/runs/${encodeURIComponent(id)}/result`);
  const chart = useMemo(
    () => (doc.data ? reportCharts(doc.data).find((c) => !undrawable(c)) : undefined),
    [doc.data],
  );
  return (
    <section aria-labelledby={`head-${label}`}>
      <h2 id={`head-${label}`}>
        Run {label}: <a href={href("run", { id })}>{doc.data?.scenario.name ?? id}</a>
      </h2>
      {doc.error ? <ErrorBox error={doc.error} /> : null}
      {chart ? (
        <Chart
          title={`${chart.title} (run ${label})`}
          spec={chart.spec}
          filename={`run-${id}-${chart.id}`}
        />
      ) : null}
    </section>
  );
}

function Differences({ c, params }: { c: Comparison; params: Record<string, string> }) {
  const keys = Object.keys(c.actors[0]?.diff ?? {}).filter((k) =>
    c.actors.some((x) => typeof x.diff[k] === "number"),
  );
  const figure =
    params.figure && keys.includes(params.figure)
      ? params.figure
      : keys.includes("loss")
        ? "loss"
        : keys[0];
  const rows = useMemo(
    () =>
      figure
        ? [...c.actors].sort(
            (x, y) => Math.abs(Number(y.diff[figure] ?? 0)) - Math.abs(Number(x.diff[figure] ?? 0)),
          )
        : [],
    [c, figure],
  );
  const spec = useMemo<Spec | undefined>(() => {
    if (!figure) return undefined;
    const values = rows.slice(0, 15).map((r) => ({
      actor: r.name ?? r.actor,
      diff: Number(r.diff[figure] ?? 0) / (isMoney(figure) ? 1e9 : 1),
    }));
    return {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      width: 560,
      height: { step: 18 },
      data: { values },
      mark: "bar",
      encoding: {
        y: { field: "actor", type: "nominal", sort: null, title: null },
        x: {
          field: "diff",
          type: "quantitative",
          title: `b − a: ${isMoney(figure) ? `${figure}, USD bn` : (LABELS[figure] ?? figure)}`,
        },
        color: { condition: { test: "datum.diff > 0", value: "#b2182b" }, value: "#2166ac" },
        tooltip: [{ field: "actor" }, { field: "diff", format: ",.4~g" }],
      },
    };
  }, [rows, figure]);
  if (!figure) return <p>The two runs have no figure in common.</p>;
  return (
    <section aria-labelledby="diff-title">
      <h2 id="diff-title">Differences (b − a)</h2>
      <form className="pick" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="figure">Figure</label>
        <select
          id="figure"
          value={figure}
          onChange={(e) => setParams("compare", { ...params, figure: e.target.value }, true)}
        >
          {keys.map((k) => (
            <option key={k} value={k}>
              {LABELS[k] ?? k}
            </option>
          ))}
        </select>
      </form>
      {spec ? (
        <Chart
          title={`The largest differences in ${LABELS[figure] ?? figure}`}
          spec={spec}
          filename={`compare-${figure}`}
        />
      ) : null}
      <Table
        caption={`${LABELS[figure] ?? figure} in each run, and the difference`}
        filename={`compare-${params.a}-${params.b}-${figure}`}
        rows={rows}
        rowKey={(r) => r.actor}
        columns={[
          { label: "Actor", cell: (r) => r.name ?? r.actor, raw: (r) => r.actor },
          {
            label: "Run a",
            cell: (r) => fmt(figure, r.a[figure]),
            raw: (r) => r.a[figure],
            numeric: true,
          },
          {
            label: "Run b",
            cell: (r) => fmt(figure, r.b[figure]),
            raw: (r) => r.b[figure],
            numeric: true,
          },
          {
            label: "b − a",
            cell: (r) => fmt(figure, r.diff[figure]),
            raw: (r) => r.diff[figure],
            numeric: true,
          },
        ]}
      />
    </section>
  );
}
