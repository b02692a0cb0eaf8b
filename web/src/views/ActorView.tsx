/**
 * An actor's profile: where it is indispensable (its chokepoint rows), where it is exposed (the
 * goods and suppliers whose withholding would cost it most), and its leverage over and under
 * the major powers (damage done by withholding, and the cost to the one who withholds).
 */
import { pct, usd } from "../../../src/format/number.js";
import { ErrorBox, Loading } from "../components/Status.js";
import { Table } from "../components/Table.js";
import { href } from "../route.js";
import type { Profile } from "../types.js";
import { useFetch } from "../use-fetch.js";
import { actorName, goodName, useWorld, worldPath } from "../world.js";
import { ChokeTable } from "./ChainView.js";

export function ActorView({ params }: { params: Record<string, string> }) {
  const worldId = params.world ?? "default";
  const world = useWorld(worldId);
  const id = params.id;
  const profile = useFetch<Profile>(
    id ? `${worldPath(worldId)}/profiles/${encodeURIComponent(id)}` : undefined,
  );
  if (world.error) return <ErrorBox error={world.error} />;
  if (!world.data) return <Loading what="the world" />;
  const w = world.data;
  const actor = w.actors.find((a) => a.id === id);
  return (
    <div className="actor">
      <form className="pick" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="actor-pick">Actor</label>
        <select
          id="actor-pick"
          value={id ?? ""}
          onChange={(e) => {
            location.hash = href("actor", { world: params.world, id: e.target.value });
          }}
        >
          <option value="">Choose an actor…</option>
          {w.actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({a.id})
            </option>
          ))}
        </select>
      </form>
      {id && !actor ? <ErrorBox error={`There is no actor "${id}" in this world.`} /> : null}
      {actor ? (
        <>
          <h2 id="actor-name">
            {actor.name}{" "}
            <span className="sub">
              ({actor.kind}
              {actor.members && actor.kind === "bloc" ? ` of ${actor.members.length} members` : ""})
            </span>
          </h2>
          <Supplies w={w} id={actor.id} worldParam={params.world} />
          {profile.error ? <ErrorBox error={profile.error} /> : null}
          {profile.loading ? (
            <Loading
              what={`${actor.name}'s profile (it simulates each withholding, which takes a while)`}
            />
          ) : null}
          {profile.data ? <ProfileTables p={profile.data} worldParam={params.world} w={w} /> : null}
        </>
      ) : null}
    </div>
  );
}

function Supplies(props: {
  w: NonNullable<ReturnType<typeof useWorld>["data"]>;
  id: string;
  worldParam: string | undefined;
}) {
  const { w, id } = props;
  const rows = w.goods
    .map((g) => ({ good: g, s: (w.suppliers[g.id] ?? []).find((s) => s.actor === id) }))
    .filter((r) => r.s && r.s.share > 0)
    .sort((a, b) => (b.s?.share ?? 0) - (a.s?.share ?? 0));
  if (!rows.length) return <p>{actorName(w, id)} supplies none of the chain's goods itself.</p>;
  return (
    <section aria-labelledby="supplies">
      <h3 id="supplies">What it supplies</h3>
      <Table
        caption={`${actorName(w, id)}'s shares of world output`}
        rows={rows}
        rowKey={(r) => r.good.id}
        columns={[
          {
            label: "Good",
            cell: (r) => (
              <a href={href("chain", { world: props.worldParam, good: r.good.id })}>
                {r.good.name}
              </a>
            ),
            raw: (r) => r.good.id,
          },
          { label: "Layer", cell: (r) => r.good.layer },
          {
            label: "Share of world output (%)",
            cell: (r) => pct(r.s?.share ?? 0),
            raw: (r) => r.s?.share,
            numeric: true,
          },
        ]}
      />
    </section>
  );
}

function ProfileTables(props: {
  p: Profile;
  w: NonNullable<ReturnType<typeof useWorld>["data"]>;
  worldParam: string | undefined;
}) {
  const { p, w } = props;
  const deps = [...p.exposure.dependencies].sort((a, b) => b.loss - a.loss).slice(0, 15);
  return (
    <>
      <section aria-labelledby="indispensable">
        <h3 id="indispensable">Indispensable where</h3>
        {p.chokepoints.some((r) => r.score > 0) ? (
          <ChokeTable
            w={w}
            rows={p.chokepoints.filter((r) => r.score > 0).slice(0, 15)}
            caption={`${p.actor.name}'s chokepoints (${p.horizon}-month horizon; rank in the world table)`}
            worldParam={props.worldParam}
          />
        ) : (
          <p>{p.actor.name} holds no chokepoint.</p>
        )}
      </section>
      <section aria-labelledby="exposed">
        <h3 id="exposed">Exposed where</h3>
        <Table
          caption={`What ${p.actor.name} would lose if one supplier withheld one good (${p.horizon} months)`}
          rows={deps}
          rowKey={(d) => `${d.good}-${d.supplier}`}
          columns={[
            { label: "Good", cell: (d) => goodName(w, d.good), raw: (d) => d.good },
            {
              label: "Supplier",
              cell: (d) => (
                <a href={href("actor", { world: props.worldParam, id: d.supplier })}>
                  {actorName(w, d.supplier)}
                </a>
              ),
              raw: (d) => d.supplier,
            },
            {
              label: "Share of its use (%)",
              cell: (d) => pct(d.shareOfUse),
              raw: (d) => d.shareOfUse,
              numeric: true,
            },
            {
              label: "Stocks (months)",
              cell: (d) => String(d.stockMonths),
              raw: (d) => d.stockMonths,
              numeric: true,
            },
            { label: "Loss (USD)", cell: (d) => usd(d.loss), raw: (d) => d.loss, numeric: true },
            {
              label: "Loss (% of value added)",
              cell: (d) => pct(d.lossShare),
              raw: (d) => d.lossShare,
              numeric: true,
            },
          ]}
        />
      </section>
      <section aria-labelledby="leverage">
        <h3 id="leverage">Leverage over and under the major powers</h3>
        <Table
          caption={`${p.actor.name} withholding from each power, and each power withholding from ${p.actor.name} (${p.horizon} months)`}
          rows={p.leverage}
          rowKey={(l) => l.power}
          columns={[
            {
              label: "Power",
              cell: (l) => (
                <a href={href("actor", { world: props.worldParam, id: l.power })}>{l.name}</a>
              ),
              raw: (l) => l.power,
            },
            {
              label: `Damage ${p.actor.id} can do (USD)`,
              cell: (l) => usd(l.over.damage),
              raw: (l) => l.over.damage,
              numeric: true,
            },
            {
              label: `Its cost to ${p.actor.id} (USD)`,
              cell: (l) => usd(l.over.cost),
              raw: (l) => l.over.cost,
              numeric: true,
            },
            {
              label: `Damage the power can do to ${p.actor.id} (USD)`,
              cell: (l) => usd(l.under.damage),
              raw: (l) => l.under.damage,
              numeric: true,
            },
            {
              label: "Its cost to the power (USD)",
              cell: (l) => usd(l.under.cost),
              raw: (l) => l.under.cost,
              numeric: true,
            },
            {
              label: `Net, ${p.actor.id}'s favour (USD)`,
              cell: (l) => usd(l.over.damage - l.under.damage),
              raw: (l) => l.over.damage - l.under.damage,
              numeric: true,
            },
          ]}
        />
      </section>
    </>
  );
}
