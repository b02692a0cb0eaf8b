/**
 * A map of Europe (the EU's members one by one) or of the world, each country coloured by a
 * chosen outcome of its actor: from a run (loss, loss as a share of GDP, value added lost,
 * security) or from the world itself (each actor's share of a good's world output). Countries
 * that are no actor of the world (the rest of the world) are grey. The values are also a table.
 */
import { useEffect, useMemo, useState } from "react";
import { pct, usd } from "../../../src/format/number.js";
import { Chart, type Spec } from "../components/Chart.js";
import { ErrorBox, Loading } from "../components/Status.js";
import { Table } from "../components/Table.js";
import { type CountryFeature, countries, type Region, tagged } from "../map/geo.js";
import { setParams } from "../route.js";
import { runLabel } from "../run-label.js";
import type { RunDocument, RunRow, ScenarioRow } from "../types.js";
import { useFetch } from "../use-fetch.js";
import { useWorld } from "../world.js";

const RUN_OUTCOMES = {
  loss: { label: "Loss (USD; negative = gain)", money: true },
  lossGdpShare: { label: "Loss as a share of GDP (%)", money: false },
  valueAddedLostShare: { label: "Value added lost (% of the chain's baseline)", money: false },
  securityIndexLoss: { label: "Security index loss (0–1)", money: false },
} as const;
type RunOutcome = keyof typeof RUN_OUTCOMES;

export function MapView({ params }: { params: Record<string, string> }) {
  const region: Region = params.region === "world" ? "world" : "europe";
  const world = useWorld();
  const runs = useFetch<RunRow[]>("/api/runs");
  const scenarios = useFetch<ScenarioRow[]>("/api/scenarios");
  const doc = useFetch<RunDocument>(
    params.run ? `/api/runs/${encodeURIComponent(params.run)}/result` : undefined,
  );
  const [shapes, setShapes] = useState<CountryFeature[]>();
  const [shapeError, setShapeError] = useState<string>();
  useEffect(() => {
    setShapes(undefined);
    countries(region).then(setShapes, (e) => setShapeError(String(e)));
  }, [region]);

  const w = world.data;
  const good =
    params.good && w?.goods.some((g) => g.id === params.good)
      ? params.good
      : (w?.goods.find((g) => g.id === "euv_lithography")?.id ?? w?.goods[0]?.id);
  const outcome: RunOutcome =
    params.outcome && params.outcome in RUN_OUTCOMES
      ? (params.outcome as RunOutcome)
      : "lossGdpShare";
  const fromRun = !!params.run;

  const values = useMemo(() => {
    const m = new Map<string, number>();
    if (fromRun && doc.data) {
      for (const a of [...doc.data.actors, ...(doc.data.eu?.members ?? [])]) {
        const v = a[outcome];
        if (typeof v === "number") m.set(a.id, v);
      }
    } else if (!fromRun && w && good)
      for (const s of w.suppliers[good] ?? []) m.set(s.actor, s.share);
    return m;
  }, [fromRun, doc.data, outcome, w, good]);

  const label = fromRun
    ? RUN_OUTCOMES[outcome].label
    : `Share of world output of ${w?.goods.find((g) => g.id === good)?.name ?? good} (%)`;
  const money = fromRun && RUN_OUTCOMES[outcome].money;
  const percent = !money && (!fromRun || outcome !== "securityIndexLoss");
  const spec = useMemo<Spec | undefined>(() => {
    if (!shapes || !w) return undefined;
    const feats = tagged(shapes, w.actors, values);
    const width = region === "europe" ? 620 : 860;
    const height = region === "europe" ? 540 : 440;
    const projection =
      region === "europe"
        ? {
            type: "azimuthalEqualArea",
            rotate: [-12, -53, 0],
            scale: 780,
            translate: [width / 2, height / 2],
          }
        : { type: "equalEarth" };
    const diverging = fromRun && outcome !== "securityIndexLoss";
    return {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      width,
      height,
      projection,
      layer: [
        {
          data: { values: feats },
          mark: {
            type: "geoshape",
            fill: "#d9d9d9",
            stroke: "#ffffff",
            strokeWidth: 0.4,
            clip: true,
          },
          encoding: { tooltip: [{ field: "properties.name", title: "Country" }] },
        },
        {
          data: { values: feats.filter((f) => f.properties.value !== null) },
          mark: { type: "geoshape", stroke: "#ffffff", strokeWidth: 0.4, clip: true },
          encoding: {
            color: {
              field: "properties.value",
              type: "quantitative",
              title: label,
              scale: diverging
                ? { scheme: "redblue", reverse: true, domainMid: 0 }
                : { scheme: "blues" },
              legend: { format: money ? "~s" : percent ? ".2~p" : ".3f", orient: "bottom-left" },
            },
            tooltip: [
              { field: "properties.actorName", title: "Actor" },
              {
                field: "properties.value",
                title: label,
                format: money ? ",.4~s" : percent ? ".3~p" : ".4f",
              },
            ],
          },
        },
      ],
    };
  }, [shapes, w, values, region, label, money, percent, fromRun, outcome]);

  if (world.error) return <ErrorBox error={world.error} />;
  if (!w) return <Loading what="the world" />;
  const set = (p: Record<string, string | undefined>) =>
    setParams("map", { ...params, ...p }, true);
  const rows = w.actors
    .filter((a) => values.has(a.id))
    .map((a) => ({ a, v: values.get(a.id) ?? 0 }))
    .sort((x, y) => y.v - x.v);
  const fmt = (v: number) => (money ? usd(v) : percent ? pct(v) : v.toFixed(4));
  return (
    <div className="map">
      <form className="pick" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="region">Region</label>
        <select id="region" value={region} onChange={(e) => set({ region: e.target.value })}>
          <option value="europe">Europe (the EU's members)</option>
          <option value="world">The world</option>
        </select>
        <label htmlFor="source">Colour by</label>
        <select
          id="source"
          value={params.run ?? ""}
          onChange={(e) => set({ run: e.target.value || undefined })}
        >
          <option value="">The world's data: supplier shares</option>
          {(runs.data ?? [])
            .filter((r) => r.status === "done")
            .map((r) => (
              <option key={r.id} value={r.id}>
                {runLabel(r, scenarios.data)}
              </option>
            ))}
        </select>
        {fromRun ? (
          <>
            <label htmlFor="outcome">Outcome</label>
            <select id="outcome" value={outcome} onChange={(e) => set({ outcome: e.target.value })}>
              {Object.entries(RUN_OUTCOMES).map(([k, o]) => (
                <option key={k} value={k}>
                  {o.label}
                </option>
              ))}
            </select>
          </>
        ) : (
          <>
            <label htmlFor="good">Good</label>
            <select id="good" value={good} onChange={(e) => set({ good: e.target.value })}>
              {w.goods.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </>
        )}
      </form>
      {doc.error ? <ErrorBox error={doc.error} /> : null}
      {shapeError ? <ErrorBox error={`The map could not be loaded: ${shapeError}`} /> : null}
      {fromRun && !doc.data && !doc.error ? <Loading what="the run's results" /> : null}
      {spec && (!fromRun || doc.data) ? (
        <Chart
          title={`${region === "europe" ? "Europe" : "The world"}: ${label}`}
          spec={spec}
          filename={`map-${region}-${fromRun ? outcome : good}`}
          note="Grey: no actor of its own in the world (part of the rest of the world), or no value."
        />
      ) : !shapeError ? (
        <Loading what="the map" />
      ) : null}
      <Table
        caption={label}
        filename={`map-${fromRun ? outcome : good}`}
        rows={rows}
        rowKey={(r) => r.a.id}
        columns={[
          { label: "Actor", cell: (r) => r.a.name, raw: (r) => r.a.id },
          { label, cell: (r) => fmt(r.v), raw: (r) => r.v, numeric: true },
        ]}
      />
    </div>
  );
}
