/**
 * The value chain: its layers and goods; for the chosen good, every supplier with its share of
 * world output and the source of that share; the chokepoints (the world's top (actor, good)
 * pairs by share × criticality × (1 − substitutability)) highlighted.
 */
import { pct, score } from "../../../src/format/number.js";
import { ErrorBox, Loading } from "../components/Status.js";
import { Table } from "../components/Table.js";
import { href } from "../route.js";
import type { ChokepointRow, ChokepointTable } from "../types.js";
import { useFetch } from "../use-fetch.js";
import { actorName, goodName, layersOf, useWorld, type WorldDoc, worldPath } from "../world.js";

/** How many of the chokepoint table's rows count as the world's chokepoints. */
const TOP = 15;

export function ChainView({ params }: { params: Record<string, string> }) {
  const worldId = params.world ?? "default";
  const world = useWorld(worldId);
  const choke = useFetch<ChokepointTable>(`${worldPath(worldId)}/chokepoints?horizon=12`);
  if (world.error) return <ErrorBox error={world.error} />;
  if (!world.data) return <Loading what="the world" />;
  const w = world.data;
  const top = (choke.data?.rows ?? []).slice(0, TOP);
  const chokeGoods = new Set(top.map((r) => r.good));
  const good = params.good && w.goods.some((g) => g.id === params.good) ? params.good : undefined;
  return (
    <div className="chain">
      <p className="lead">
        {w.meta.name} (as of {String(w.meta.asOf)}): {w.counts.actors} actors, {w.counts.goods}{" "}
        goods, {w.counts.suppliers} supplier figures from {w.counts.sources} sources. Goods marked{" "}
        <span className="badge">chokepoint</span> have one of the world's {TOP} strongest
        chokepoints.
      </p>
      <div className="layers">
        {layersOf(w).map((layer) => (
          <section key={layer} className="layer" aria-labelledby={`layer-${layer}`}>
            <h2 id={`layer-${layer}`}>{layer}</h2>
            <ul>
              {w.goods
                .filter((g) => g.layer === layer)
                .map((g) => (
                  <li key={g.id}>
                    <a
                      href={href("chain", { world: params.world, good: g.id })}
                      aria-current={good === g.id ? "true" : undefined}
                      className={chokeGoods.has(g.id) ? "choke" : undefined}
                    >
                      {g.name}
                      {chokeGoods.has(g.id) ? <span className="badge">chokepoint</span> : null}
                    </a>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </div>
      {good ? <GoodSuppliers w={w} good={good} top={top} worldParam={params.world} /> : null}
      <section aria-labelledby="chokepoints">
        <h2 id="chokepoints">Chokepoints (12-month horizon)</h2>
        {choke.error ? <ErrorBox error={choke.error} /> : null}
        {!choke.data && !choke.error ? <Loading what="the chokepoints" /> : null}
        {top.length ? (
          <ChokeTable
            w={w}
            rows={top}
            caption="The world's strongest chokepoints"
            worldParam={params.world}
          />
        ) : null}
      </section>
    </div>
  );
}

function GoodSuppliers(props: {
  w: WorldDoc;
  good: string;
  top: ChokepointRow[];
  worldParam: string | undefined;
}) {
  const { w, good } = props;
  const g = w.goods.find((x) => x.id === good);
  const sources = new Map(w.sources?.map((s) => [s.id, s]) ?? []);
  const choke = new Map(props.top.filter((r) => r.good === good).map((r) => [r.actor, r]));
  const rows = w.suppliers[good] ?? [];
  return (
    <section aria-labelledby="good-title" className="good">
      <h2 id="good-title">
        {g?.name ?? good}{" "}
        <span className="sub">
          ({g?.layer}; world output {g?.globalOutput.toLocaleString("en")} {g?.unit} a year)
        </span>
      </h2>
      <Table
        caption={`Suppliers of ${g?.name ?? good}`}
        filename={`suppliers-${good}`}
        rows={rows}
        rowKey={(r) => r.actor}
        rowClass={(r) => (choke.has(r.actor) ? "choke" : undefined)}
        columns={[
          {
            label: "Supplier",
            cell: (r) => (
              <a href={href("actor", { world: props.worldParam, id: r.actor })}>
                {actorName(w, r.actor)}
              </a>
            ),
            raw: (r) => r.actor,
          },
          {
            label: "Share of world output (%)",
            cell: (r) => pct(r.share),
            raw: (r) => r.share,
            numeric: true,
          },
          {
            label: "Chokepoint rank",
            cell: (r) => (choke.has(r.actor) ? `#${choke.get(r.actor)?.rank}` : "—"),
            raw: (r) => choke.get(r.actor)?.rank ?? "",
          },
          {
            label: "Source",
            cell: (r) => {
              const s = r.source ? sources.get(r.source) : undefined;
              if (!s) return r.source ?? "—";
              const text = `${s.publisher}, ${s.title} (${s.year})`;
              return s.url ? (
                <a href={s.url} rel="noreferrer" target="_blank">
                  {text}
                </a>
              ) : (
                text
              );
            },
            raw: (r) => r.source ?? "",
          },
          {
            label: "Year of the figure",
            cell: (r) => (r.year ? String(r.year) : "—"),
            raw: (r) => r.year ?? "",
          },
        ]}
      />
    </section>
  );
}

export function ChokeTable(props: {
  w: WorldDoc;
  rows: ChokepointRow[];
  caption: string;
  worldParam: string | undefined;
}) {
  const { w } = props;
  return (
    <Table
      caption={props.caption}
      rows={props.rows}
      rowKey={(r) => `${r.actor}-${r.good}`}
      columns={[
        { label: "Rank", cell: (r) => String(r.rank), raw: (r) => r.rank, numeric: true },
        {
          label: "Actor",
          cell: (r) => (
            <a href={href("actor", { world: props.worldParam, id: r.actor })}>
              {actorName(w, r.actor)}
            </a>
          ),
          raw: (r) => r.actor,
        },
        {
          label: "Good",
          cell: (r) => (
            <a href={href("chain", { world: props.worldParam, good: r.good })}>
              {goodName(w, r.good)}
            </a>
          ),
          raw: (r) => r.good,
        },
        {
          label: "Share of world output (%)",
          cell: (r) => pct(r.share),
          raw: (r) => r.share,
          numeric: true,
        },
        {
          label: "Criticality (share of world value added)",
          cell: (r) => pct(r.criticality),
          raw: (r) => r.criticality,
          numeric: true,
        },
        {
          label: "Substitutability (0–1)",
          cell: (r) => r.substitutability.toFixed(2),
          raw: (r) => r.substitutability,
          numeric: true,
        },
        {
          label: "Stocks (months)",
          cell: (r) => String(r.stockMonths),
          raw: (r) => r.stockMonths,
          numeric: true,
        },
        { label: "Score", cell: (r) => score(r.score), raw: (r) => r.score, numeric: true },
      ]}
    />
  );
}
