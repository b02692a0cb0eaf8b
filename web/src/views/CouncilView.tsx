/**
 * The Council calculator: each member's vote (yes, no, abstain) toggled by hand or taken from a
 * run's gains (a member votes by the sign of its gain); whether the measure passes under each
 * voting rule, with the member and population counts against each threshold, the blocking
 * minority, the members whose switch would change the outcome, and, given gains, the least
 * compensation that makes it pass.
 */
import { useEffect, useMemo, useState } from "react";
import { pct, usd } from "../../../src/format/number.js";
import { messageOf, send } from "../api.js";
import { ErrorBox, Loading } from "../components/Status.js";
import { Table } from "../components/Table.js";
import { href, setParams } from "../route.js";
import { useFetch } from "../use-fetch.js";
import { actorName, useWorld } from "../world.js";

type Ballot = "yes" | "no" | "abstain";
const BALLOTS: Ballot[] = ["yes", "no", "abstain"];

interface Thresholds {
  members: number;
  population: number;
  minYes: number;
  populationQuota?: number;
  deemedAttainedAt?: number;
}
interface RulesDoc {
  year: number;
  rules: { id: string; name: string; requirement: string; thresholds: Thresholds }[];
}
interface VoteDoc {
  pass: boolean;
  outcomes: { rule: string; pass: boolean; reason: string; thresholds: Thresholds }[];
  tally: {
    yes: number;
    no: number;
    abstain: number;
    yesPopulation: number;
    abstainPopulation: number;
    yesPopulationShare: number;
  };
  pivotal: { member: string; ballot: Ballot; switchTo: Ballot[] }[];
  members?: { id: string; gain?: number; ballot: Ballot }[];
}
interface Compensation {
  status: "optimal" | "infeasible";
  passesWithoutTransfers: boolean;
  total: number;
  fromMembers: number;
  fromBudget: number;
  shortfall?: number;
  transfers: { member: string; gain: number; transfer: number; finalGain: number }[];
}
interface RunCouncil {
  name: string;
  members: { member: string; gain: number }[];
}

/** `DE:no,FR:abstain` ⇄ ballots (members not named vote yes). */
export function parseVotes(s: string | undefined): Record<string, Ballot> {
  const out: Record<string, Ballot> = {};
  for (const part of (s ?? "").split(",")) {
    const [m, b] = part.split(":");
    if (m && (b === "no" || b === "abstain" || b === "yes")) out[m] = b;
  }
  return out;
}
function formatVotes(v: Record<string, Ballot>): string {
  return Object.entries(v)
    .filter(([, b]) => b !== "yes")
    .map(([m, b]) => `${m}:${b}`)
    .join(",");
}

export function CouncilView({ params }: { params: Record<string, string> }) {
  const world = useWorld();
  const rules = useFetch<RulesDoc>("/api/council/rules");
  const runCouncil = useFetch<RunCouncil>(
    params.run && params.votes === undefined
      ? `/api/runs/${encodeURIComponent(params.run)}/council`
      : undefined,
  );
  const members = world.data?.actors.find((a) => a.kind === "bloc" && a.id === "EU")?.members ?? [];
  const gains = useMemo(
    () =>
      runCouncil.data
        ? Object.fromEntries(runCouncil.data.members.map((m) => [m.member, m.gain]))
        : undefined,
    [runCouncil.data],
  );
  const votes = useMemo(() => parseVotes(params.votes), [params.votes]);
  const [results, setResults] = useState<Record<string, VoteDoc>>({});
  const [error, setError] = useState<string>();
  const ruleIds = (rules.data?.rules ?? []).map((r) => r.id);
  const chosen = params.rule && ruleIds.includes(params.rule) ? params.rule : ruleIds[0];
  const waitingForGains = !!params.run && params.votes === undefined && !gains;

  const ruleKey = ruleIds.join(",");
  const memberKey = members.join(",");
  useEffect(() => {
    if (!ruleKey || !memberKey || waitingForGains) return;
    const ids = ruleKey.split(",");
    const everyone = memberKey.split(",");
    let gone = false;
    const body = (rule: string) =>
      gains
        ? { rule, gains }
        : { rule, votes: Object.fromEntries(everyone.map((m) => [m, votes[m] ?? "yes"])) };
    Promise.all(
      ids.map((rule) =>
        send<VoteDoc>("/api/council/vote", { body: body(rule) }).then((v) => [rule, v] as const),
      ),
    ).then(
      (all) => {
        if (!gone) {
          setResults(Object.fromEntries(all));
          setError(undefined);
        }
      },
      (e) => !gone && setError(messageOf(e)),
    );
    return () => {
      gone = true;
    };
  }, [ruleKey, memberKey, votes, gains, waitingForGains]);

  if (world.error || rules.error) return <ErrorBox error={world.error ?? rules.error ?? ""} />;
  if (!world.data || !rules.data) return <Loading what="the Council's rules" />;
  const w = world.data;
  const pop = new Map(w.actors.map((a) => [a.id, a.population ?? 0]));
  const total = members.reduce((s, m) => s + (pop.get(m) ?? 0), 0);
  const anyResult = chosen ? results[chosen] : undefined;
  // Ballots set by hand are the URL's; from gains, the server's (its abstention band applies).
  const ballotOf = (m: string): Ballot =>
    gains
      ? ((anyResult?.members?.find((x) => x.id === m)?.ballot as Ballot | undefined) ??
        ((gains[m] ?? 0) >= 0 ? "yes" : "no"))
      : (votes[m] ?? "yes");
  const toggle = (m: string, b: Ballot) => {
    const next = Object.fromEntries(members.map((x) => [x, ballotOf(x)])) as Record<string, Ballot>;
    next[m] = b;
    setParams(
      "council",
      { rule: params.rule, run: params.run, votes: formatVotes(next) || "-" },
      true,
    );
  };

  return (
    <div className="council">
      <p className="lead">
        {gains
          ? `Ballots from the gains of run ${params.run} (${runCouncil.data?.name ?? ""}): a member votes yes when it gains. Change any ballot to try another outcome.`
          : "Choose each member's ballot; the outcome under every rule updates at once."}{" "}
        {params.run && !gains ? (
          <a href={href("council", { run: params.run, rule: params.rule })}>
            Take the ballots from run {params.run}'s gains again
          </a>
        ) : null}
      </p>
      {runCouncil.error ? <ErrorBox error={runCouncil.error} /> : null}
      {error ? <ErrorBox error={error} /> : null}
      <div className="side-by-side">
        <section aria-labelledby="ballots">
          <h2 id="ballots">Members' ballots</h2>
          <div className="buttons">
            {BALLOTS.map((b) => (
              <button
                key={b}
                type="button"
                className="small"
                onClick={() =>
                  setParams(
                    "council",
                    {
                      rule: params.rule,
                      run: params.run,
                      votes: members.map((m) => `${m}:${b}`).join(","),
                    },
                    true,
                  )
                }
              >
                Everyone {b}
              </button>
            ))}
          </div>
          <table className="ballots">
            <caption>
              Each member's ballot and its share of the EU's population ({rules.data.year})
            </caption>
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col" className="num">
                  Population (%)
                </th>
                {gains ? (
                  <th scope="col" className="num">
                    Gain (USD)
                  </th>
                ) : null}
                <th scope="col">Ballot</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m} className={`b-${ballotOf(m)}`}>
                  <th scope="row">{actorName(w, m)}</th>
                  <td className="num">{total ? pct((pop.get(m) ?? 0) / total) : "—"}</td>
                  {gains ? <td className="num">{usd(gains[m] ?? 0)}</td> : null}
                  <td>
                    <fieldset className="ballot">
                      <legend className="visually-hidden">{actorName(w, m)}'s ballot</legend>
                      {BALLOTS.map((b) => (
                        <label key={b}>
                          <input
                            type="radio"
                            name={`ballot-${m}`}
                            value={b}
                            checked={ballotOf(m) === b}
                            onChange={() => toggle(m, b)}
                            aria-label={`${actorName(w, m)}: ${b}`}
                          />
                          {b}
                        </label>
                      ))}
                    </fieldset>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="outcomes" aria-live="polite">
          <h2 id="outcomes">Outcome under each rule</h2>
          {!Object.keys(results).length ? <Loading what="the outcome" /> : null}
          {rules.data.rules.map((r) => {
            const v = results[r.id];
            const o = v?.outcomes.find((x) => x.rule === r.id) ?? v?.outcomes[0];
            if (!v || !o) return null;
            const t = o.thresholds;
            const against = v.tally.no + v.tally.abstain;
            const againstPop = t.population - v.tally.yesPopulation;
            return (
              <article
                key={r.id}
                className={`outcome ${o.pass ? "pass" : "fail"}`}
                data-rule={r.id}
              >
                <h3>
                  {r.name}:{" "}
                  <strong data-outcome={o.pass ? "passes" : "fails"}>
                    {o.pass ? "passes" : "fails"}
                  </strong>
                </h3>
                <p>{o.reason}</p>
                <dl>
                  <dt>Members for</dt>
                  <dd>
                    {v.tally.yes} of {t.members} (needs {t.minYes})
                  </dd>
                  <dt>Population for</dt>
                  <dd>
                    {pct(v.tally.yesPopulationShare)}
                    {t.populationQuota ? ` (needs ${pct(t.populationQuota / t.population)})` : ""}
                  </dd>
                  <dt>Against or abstaining</dt>
                  <dd>
                    {against} members, {pct(againstPop / t.population)} of the population
                    {t.populationQuota
                      ? `; a blocking minority needs more than ${pct(1 - t.populationQuota / t.population)}${t.deemedAttainedAt ? ` and at least ${t.members - t.deemedAttainedAt + 1} members` : ""}`
                      : ""}
                  </dd>
                  <dt>Members whose switch changes the outcome</dt>
                  <dd>
                    {v.pivotal.length
                      ? v.pivotal
                          .map(
                            (p) =>
                              `${actorName(w, p.member)} (${p.ballot} → ${p.switchTo.join(" or ")})`,
                          )
                          .join(", ")
                      : "none alone"}
                  </dd>
                </dl>
                <p className="requirement">{r.requirement}</p>
              </article>
            );
          })}
        </section>
      </div>
      <section aria-labelledby="comp">
        <h2 id="comp">The least compensation</h2>
        <form className="pick" onSubmit={(e) => e.preventDefault()}>
          <label htmlFor="comp-rule">Rule</label>
          <select
            id="comp-rule"
            value={chosen ?? ""}
            onChange={(e) => setParams("council", { ...params, rule: e.target.value }, true)}
          >
            {rules.data.rules.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </form>
        {gains && chosen ? (
          <CompensationTable rule={chosen} gains={gains} w={w} />
        ) : (
          <p>
            The least compensation needs each member's gain: open the Council from a run with an EU
            measure ( <a href={href("scenarios")}>runs</a>).
          </p>
        )}
      </section>
    </div>
  );
}

function CompensationTable({
  rule,
  gains,
  w,
}: {
  rule: string;
  gains: Record<string, number>;
  w: NonNullable<ReturnType<typeof useWorld>["data"]>;
}) {
  const [c, setC] = useState<Compensation>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    setC(undefined);
    send<Compensation>("/api/council/compensate", { body: { rule, gains } }).then(setC, (e) =>
      setError(messageOf(e)),
    );
  }, [rule, gains]);
  if (error) return <ErrorBox error={error} />;
  if (!c) return <Loading what="the least compensation" />;
  if (c.passesWithoutTransfers) return <p>The measure passes without any transfer.</p>;
  if (c.status === "infeasible")
    return (
      <p>
        No transfer among the members makes it pass
        {c.shortfall ? `; the EU budget would have to add ${usd(c.shortfall)}` : ""}.
      </p>
    );
  return (
    <>
      <p>
        {usd(c.total)} in all: {usd(c.fromMembers)} from the members who gain
        {c.fromBudget ? `, ${usd(c.fromBudget)} from the EU budget` : ""}.
      </p>
      <Table
        caption="Transfers that make the measure pass at least cost"
        rows={c.transfers.filter((t) => Math.abs(t.transfer) > 0)}
        rowKey={(t) => t.member}
        columns={[
          { label: "Member", cell: (t) => actorName(w, t.member), raw: (t) => t.member },
          { label: "Gain (USD)", cell: (t) => usd(t.gain), raw: (t) => t.gain, numeric: true },
          {
            label: "Receives (+) or pays (−) (USD)",
            cell: (t) => usd(t.transfer),
            raw: (t) => t.transfer,
            numeric: true,
          },
          {
            label: "Gain after (USD)",
            cell: (t) => usd(t.finalGain),
            raw: (t) => t.finalGain,
            numeric: true,
          },
        ]}
      />
    </>
  );
}
