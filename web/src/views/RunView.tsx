/**
 * One run: its progress while it runs (server-sent events), then the report's own charts (the
 * same Vega-Lite specs as the HTML report, with bands when run with draws), the actors' outcomes,
 * and the report's downloads.
 */
import { useEffect, useMemo, useState } from "react";
import { pct, usd } from "../../../src/format/number.js";
import { reportCharts, undrawable } from "../../../src/report/charts.js";
import { getJson, messageOf, send } from "../api.js";
import { Chart } from "../components/Chart.js";
import { ErrorBox, Loading } from "../components/Status.js";
import { Table } from "../components/Table.js";
import { href } from "../route.js";
import type { ActorEntry, RunDocument, RunRow } from "../types.js";
import { useFetch } from "../use-fetch.js";

const FINISHED = new Set(["done", "failed", "cancelled", "interrupted"]);

/** The run's row, followed by its events until it finishes. */
export function useRun(id: string | undefined): { run?: RunRow; error?: string } {
  const [run, setRun] = useState<RunRow>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!id) return;
    setRun(undefined);
    setError(undefined);
    let source: EventSource | undefined;
    let gone = false;
    const path = `/api/runs/${encodeURIComponent(id)}`;
    const refresh = () =>
      getJson<RunRow>(path).then(
        (r) => !gone && setRun(r),
        (e) => !gone && setError(messageOf(e)),
      );
    refresh().then(() => {
      if (gone) return;
      source = new EventSource(`${path}/events`);
      source.addEventListener("progress", (ev) => {
        const p = JSON.parse((ev as MessageEvent).data) as { done: number; total: number };
        setRun((r) => (r ? { ...r, status: "running", progress: p } : r));
      });
      const end = () => {
        source?.close();
        void refresh();
      };
      for (const name of ["done", "failed", "cancelled", "interrupted"])
        source.addEventListener(name, end);
      source.onerror = () => {
        // The stream closes when the run has finished; read where it stands.
        source?.close();
        void refresh();
      };
    });
    return () => {
      gone = true;
      source?.close();
    };
  }, [id]);
  return { ...(run ? { run } : {}), ...(error ? { error } : {}) };
}

export function RunView({ params }: { params: Record<string, string> }) {
  const id = params.id;
  const { run, error } = useRun(id);
  const result = useFetch<RunDocument>(
    run?.status === "done" ? `/api/runs/${encodeURIComponent(id ?? "")}/result` : undefined,
  );
  if (!id)
    return (
      <p>
        No run chosen: open one from <a href={href("scenarios")}>Scenarios and runs</a>.
      </p>
    );
  if (error) return <ErrorBox error={error} />;
  if (!run) return <Loading what={`run ${id}`} />;
  const p = run.progress;
  const failure = typeof run.error === "string" ? run.error : run.error?.message;
  return (
    <div className="run">
      <p className="lead">
        Run {run.id} of scenario{" "}
        <a href={href("editor", { id: run.scenarioId })}>{run.scenarioId}</a>:{" "}
        <strong data-status={run.status}>{run.status}</strong>
        {run.draws ? `, ${run.draws} draws` : ", central values"}
        {typeof run.seed === "number" ? `, seed ${run.seed}` : ""}.
      </p>
      {!FINISHED.has(run.status) ? (
        <div className="progress">
          <label htmlFor="run-progress">Progress</label>
          <progress id="run-progress" max={p?.total || 1} value={p?.done ?? 0} />
          <span role="status">{p ? `${p.done} of ${p.total}` : "waiting to start"}</span>
          <button
            type="button"
            onClick={() =>
              void send(`/api/runs/${encodeURIComponent(id)}/cancel`, {}).catch(() => undefined)
            }
          >
            Cancel the run
          </button>
        </div>
      ) : null}
      {failure ? <ErrorBox error={`The run ${run.status}: ${failure}`} /> : null}
      {run.warnings?.length ? (
        <details>
          <summary>{run.warnings.length} warning(s)</summary>
          <ul>
            {[...new Set(run.warnings.map((w) => w.message))].map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {result.error ? <ErrorBox error={result.error} /> : null}
      {run.status === "done" && !result.data && !result.error ? (
        <Loading what="the results" />
      ) : null}
      {result.data ? <Results id={id} scenarioId={run.scenarioId} doc={result.data} /> : null}
    </div>
  );
}

export const REPORT_FORMATS = [
  { ext: "html", label: "HTML report" },
  { ext: "xlsx", label: "Excel workbook" },
  { ext: "json", label: "JSON document" },
  { ext: "csv", label: "CSV tables" },
  { ext: "md", label: "Markdown report" },
];

function Results({ id, scenarioId, doc }: { id: string; scenarioId: string; doc: RunDocument }) {
  const charts = useMemo(() => reportCharts(doc), [doc]);
  return (
    <>
      <h2>{doc.scenario.name}</h2>
      {doc.scenario.description ? <p>{doc.scenario.description}</p> : null}
      <nav aria-label="Downloads of the report" className="downloads">
        <h3>Download the report</h3>
        <ul>
          {REPORT_FORMATS.map((f) => (
            <li key={f.ext}>
              <a
                href={`/api/runs/${encodeURIComponent(id)}/report.${f.ext}`}
                download={`run-${id}.${f.ext}`}
              >
                {f.label} (.{f.ext})
              </a>
            </li>
          ))}
        </ul>
        <p>
          <a href={href("editor", { id: scenarioId })}>Edit its scenario</a> ·{" "}
          <a href={href("map", { run: id })}>This run on the map</a> ·{" "}
          <a href={href("council", { run: id })}>The Council vote on its gains</a> ·{" "}
          <a href={href("compare", { a: id })}>Compare with another run</a>
        </p>
      </nav>
      <div className="charts">
        {charts.map((c) => {
          const why = undrawable(c);
          return why ? (
            <p key={c.id} className="note">
              {c.title}: not drawn, {why}.
            </p>
          ) : (
            <Chart key={c.id} title={c.title} spec={c.spec} filename={`run-${id}-${c.id}`} />
          );
        })}
      </div>
      <ActorsTable doc={doc} id={id} />
    </>
  );
}

/** Four decimals, with no "-0.0000" for a tiny negative. */
function fixed4(x: number): string {
  return Math.abs(x) < 5e-5 ? "0.0000" : x.toFixed(4);
}

function range(a: ActorEntry, f: (x: number) => string): string {
  const r = a.ranges?.loss;
  return r ? `${f(r.p5)} to ${f(r.p95)}` : "—";
}

function ActorsTable({ doc, id }: { doc: RunDocument; id: string }) {
  const banded = doc.actors.some((a) => a.ranges);
  return (
    <Table
      caption={`Every actor's outcome over ${doc.scenario.horizon} months (loss: ${doc.lossMeasure.id}; negative = gain)`}
      filename={`run-${id}-actors`}
      rows={doc.actors}
      rowKey={(a) => a.id}
      columns={[
        { label: "Actor", cell: (a) => a.name, raw: (a) => a.id },
        { label: "Loss (USD)", cell: (a) => usd(a.loss), raw: (a) => a.loss, numeric: true },
        ...(banded
          ? [
              {
                label: "Loss, 5th to 95th percentile (USD)",
                cell: (a: ActorEntry) => range(a, usd),
                raw: (a: ActorEntry) =>
                  a.ranges?.loss ? `${a.ranges.loss.p5};${a.ranges.loss.p95}` : "",
              },
            ]
          : []),
        {
          label: "Loss (% of GDP)",
          cell: (a) => (a.lossGdpShare === undefined ? "—" : pct(a.lossGdpShare)),
          raw: (a) => a.lossGdpShare ?? "",
          numeric: true,
        },
        {
          label: "Value added lost (USD)",
          cell: (a) => usd(a.valueAddedLost),
          raw: (a) => a.valueAddedLost,
          numeric: true,
        },
        {
          label: "Security index loss (0–1)",
          cell: (a) => fixed4(a.securityIndexLoss),
          raw: (a) => a.securityIndexLoss,
          numeric: true,
        },
      ]}
    />
  );
}
