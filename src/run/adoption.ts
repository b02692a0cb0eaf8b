/**
 * Conditional access with the simulator in the loop (docs/model.md, "Conditional access and
 * adoption"): the scenario's conditional_access measures, the rule they name and the cascade
 * of its adoption. Each round simulates the state the round starts from: the loss of every
 * candidate with the current adopters (the others cut off) and with itself added, so that the
 * value of the access it keeps is V_i(S) = L_i(S) − L_i(S ∪ {i}), in the run's loss measure.
 * The simulations of a round run as one batch through the task executor and are kept by
 * adopter set, so that the tipping searches and the courting of seeds reuse them. The result
 * says who adopts, when and under which condition; the shares of world GDP and AI compute
 * under the rule month by month; the conditioning actor's own cost; the tipping conditions;
 * and whom to court first.
 * @module
 */
import type { ControlsTask } from "../analysis/leverage/run-tasks.js";
import { InputError } from "../diagnostics/errors.js";
import { runCascade } from "../diffusion/cascade.js";
import { complianceCost, type Rule, type RuleBook } from "../diffusion/rules.js";
import { greedySeeds } from "../diffusion/seeding.js";
import { tradeTies } from "../diffusion/ties.js";
import { leastCostCut, leastGoods } from "../diffusion/tipping.js";
import { type LossMeasure, measureByActor } from "../losses/measure.js";
import type { Network } from "../network/network.js";
import type { LocatedDoc } from "../parse/located.js";
import { type Adoptions, compileScenario } from "../scenario/compile.js";
import type { ConditionalAccess } from "../scenario/conditional-access-schema.js";
import { resolveRefs } from "../scenario/refs.js";
import type { Scenario } from "../scenario/schema.js";
import { figure, type RealWorld } from "../world/realised.js";
import type { AdoptionActor, AdoptionResult } from "./adoption-schema.js";
import { inThreadExecutor, type TaskExecutor } from "./executor.js";

export const DEFAULT_INFLUENCE = 0.0003;
export const DEFAULT_ROUND_MONTHS = 6;
export const DEFAULT_TARGET = 0.5;

export interface AdoptionInput {
  scenario: Scenario;
  world: RealWorld;
  net: Network;
  rules?: RuleBook;
  doc: LocatedDoc;
  measure: LossMeasure;
  execute?: TaskExecutor;
}

/** The conditional_access measures of a scenario with their indices. */
export function conditionalMeasures(s: Scenario): [ConditionalAccess, number][] {
  return s.measures.flatMap((m, i) =>
    m.type === "conditional_access" ? [[m, i] as [ConditionalAccess, number]] : [],
  );
}

/** Runs the cascade of the scenario's rule; undefined when it has no conditional_access. */
export async function adoptionCascade(
  input: AdoptionInput,
): Promise<{ result: AdoptionResult; adopted: Adoptions } | undefined> {
  const { scenario, doc } = input;
  const measures = conditionalMeasures(scenario);
  if (measures.length === 0) return undefined;
  const [first, firstIndex] = measures[0]!;
  const fail = (path: PropertyKey[], code: string, message: string): never => {
    throw InputError.single(code, message, doc.locate(path), path.join("."));
  };
  for (const [m, i] of measures)
    if (m.rule !== first.rule)
      fail(
        ["measures", i, "rule"],
        "one-rule",
        `expected every conditional_access measure to name one rule (${JSON.stringify(first.rule)}), found ${JSON.stringify(m.rule)}`,
      );
  if (!input.rules)
    fail(
      ["measures", firstIndex, "rule"],
      "no-rules",
      "conditional_access needs a rule book (data/diffusion/rules.yaml, or --rules FILE)",
    );
  const rule = input.rules!.rules.find((r) => r.id === first.rule);
  if (!rule)
    fail(
      ["measures", firstIndex, "rule"],
      "unknown-id",
      `unknown rule ${JSON.stringify(first.rule)}; expected one of ${input.rules!.rules.map((r) => r.id).join(", ")}`,
    );
  return cascadeOf({ ...input, rule: rule! }, measures);
}

async function cascadeOf(
  input: AdoptionInput & { rule: Rule },
  measures: [ConditionalAccess, number][],
): Promise<{ result: AdoptionResult; adopted: Adoptions }> {
  const { scenario, world, net, rule, measure } = input;
  const execute = input.execute ?? inThreadExecutor;
  const opts = scenario.adoption ?? {};
  const T = scenario.horizon;
  const groups = scenario.groups ?? [];
  const refs = (r: readonly string[]) => resolveRefs(world, groups, r);
  const by = new Set(measures.flatMap(([m]) => [...refs(m.from)]));
  const candidates = [...new Set(measures.flatMap(([m]) => [...refs(m.to)]))]
    .filter((a) => !by.has(a) && net.actors.includes(a))
    .sort((a, b) => net.actors.indexOf(a) - net.actors.indexOf(b));
  const n = candidates.length;
  const A = net.actors.length;
  const netIndex = candidates.map((a) => net.actors.indexOf(a));
  const actorOf = new Map(world.actors.map((a) => [a.id, a]));
  const gdpOf = (id: string) => {
    const g = actorOf.get(id)?.gdp;
    return g === undefined ? 0 : figure(g);
  };
  const worldGdp = net.actors.reduce((s, a) => s + gdpOf(a), 0);
  const compute = computeCapacity(net);
  const worldCompute = compute.reduce((s, x) => s + x, 0);
  const byGdp = [...by].reduce((s, a) => s + gdpOf(a), 0);
  const byCompute = [...by].reduce((s, a) => s + (compute[net.actors.indexOf(a)] ?? 0), 0);

  const start = Math.min(...measures.map(([m]) => m.start ?? 1));
  const roundMonths = opts.roundMonths ?? DEFAULT_ROUND_MONTHS;
  const fit = Math.max(1, Math.floor((T - start) / roundMonths) + 1);
  const rounds = Math.min(opts.rounds ?? fit, fit);
  const influence = opts.influence ?? DEFAULT_INFLUENCE;
  const costScale = opts.costScale ?? 1;
  const w = tradeTies(net);
  const byIdx = [...by].map((a) => net.actors.indexOf(a));
  const ties = new Float64Array(n * n);
  const base = new Float64Array(n);
  netIndex.forEach((a, i) => {
    netIndex.forEach((b, j) => {
      ties[i * n + j] = w[a * A + b]!;
    });
    for (const b of byIdx) base[i] = base[i]! + w[a * A + b]!;
  });
  const gdp = candidates.map(gdpOf);
  const pull = Float64Array.from(gdp, (g) => influence * g * 1e9 * (T / 12));
  const cost0 = Float64Array.from(candidates, (a, i) => complianceCost(rule, a, gdp[i]!, T));
  const seeds0 = (opts.seeds ?? []).map((s) => candidates.indexOf(s)).filter((i) => i >= 0);

  // Simulations by (extra goods, adopter set): the loss per network actor.
  const memo = new Map<string, Float64Array>();
  let simulations = 0;
  const scenarioWith = (extra: readonly string[]): Scenario =>
    extra.length === 0
      ? scenario
      : {
          ...scenario,
          measures: scenario.measures.map((m) =>
            m.type === "conditional_access"
              ? { ...m, goods: [...new Set([...m.goods, ...extra])] }
              : m,
          ),
        };
  const adoptionsOf = (set: Uint8Array, month = 1): Adoptions =>
    new Map([[rule.id, new Map(candidates.flatMap((a, i) => (set[i] === 1 ? [[a, month]] : [])))]]);
  const keyOf = (extra: readonly string[], set: Uint8Array) => `${extra.join(",")}|${set.join("")}`;
  const lossesFor = async (extra: readonly string[], sets: Uint8Array[]) => {
    const missing = [...new Map(sets.map((s) => [keyOf(extra, s), s]))].filter(
      ([k]) => !memo.has(k),
    );
    if (missing.length > 0) {
      const s = scenarioWith(extra);
      const tasks = missing.map(
        ([, set]): ControlsTask => ({
          controls: compileScenario(s, world, net, [], adoptionsOf(set)),
          months: T,
          measure,
          ...(scenario.options?.refillRate === undefined
            ? {}
            : { refillRate: scenario.options.refillRate }),
        }),
      );
      const out = await execute(net, tasks);
      simulations += tasks.length;
      missing.forEach(([k], j) => memo.set(k, measureByActor(out[j]!.parts, measure)));
    }
    return sets.map((s) => memo.get(keyOf(extra, s))!);
  };
  const valuesFor = (extra: readonly string[]) => async (adopted: Uint8Array) => {
    const withEach = candidates.map((_, i) => {
      const s = adopted.slice();
      s[i] = 1;
      return s;
    });
    const [here, ...added] = await lossesFor(extra, [adopted, ...withEach]);
    return Float64Array.from(candidates, (_, i) =>
      adopted[i] === 1 ? 0 : here![netIndex[i]!]! - added[i]![netIndex[i]!]!,
    );
  };
  const problem = (scale: number) => ({
    ids: candidates,
    cost: Float64Array.from(cost0, (c) => c * scale),
    pull,
    ties,
    base,
    rounds,
  });
  const shareOf = (adoptedRound: Int32Array) =>
    (byGdp + gdp.reduce((s, g, i) => s + (adoptedRound[i]! >= 0 ? g : 0), 0)) / worldGdp;

  const main = await runCascade(problem(costScale), valuesFor([]), seeds0);
  const monthOf = (round: number) => start + Math.max(0, round - 1) * roundMonths;
  const adoptedMonths = new Map<string, number>();
  main.adoptedRound.forEach((r, i) => {
    if (r >= 0) adoptedMonths.set(candidates[i]!, monthOf(r));
  });
  const adopted: Adoptions = new Map([[rule.id, adoptedMonths]]);

  const goodsNamed = [...new Set(measures.flatMap(([m]) => m.goods))];
  const condition = `${rule.name}, for access to ${goodsNamed.join(", ")} from ${[...by].length > 3 ? measures.map(([m]) => m.from.join("+")).join(", ") : [...by].join(", ")}`;
  const actors: AdoptionActor[] = candidates.map((a, i) => {
    const r = main.adoptedRound[i]!;
    const decided =
      main.rounds.find((x) => x.adopters.includes(a)) ?? main.rounds[main.rounds.length - 1];
    const k = candidates.indexOf(a);
    const out: AdoptionActor = {
      id: a,
      name: actorOf.get(a)?.name ?? a,
      adopted: r >= 0,
      condition,
      cost: cost0[i]! * costScale,
      value: decided?.value[k] ?? 0,
      pull: decided?.pullValue[k] ?? 0,
      gdp: gdp[i]!,
    };
    if (r >= 0) {
      out.round = r;
      out.month = monthOf(r);
    }
    return out;
  });

  const timeline: AdoptionResult["timeline"] = [];
  for (let t = 1; t <= T; t++) {
    let g = byGdp;
    let c = byCompute;
    let count = 0;
    candidates.forEach((a, i) => {
      const m = adoptedMonths.get(a);
      if (m !== undefined && m <= t) {
        g += gdp[i]!;
        c += compute[netIndex[i]!]!;
        count++;
      }
    });
    timeline.push({
      month: t,
      gdpShare: worldGdp > 0 ? g / worldGdp : 0,
      computeShare: worldCompute > 0 ? c / worldCompute : 0,
      adopters: count,
    });
  }
  const last = timeline[T - 1]!;

  // The conditioning actors' own loss if nobody adopts (a simulation kept by the cascade).
  const [nobody] = await lossesFor([], [new Uint8Array(n)]);
  const own = (losses: Float64Array) => byIdx.reduce((s, a) => s + losses[a]!, 0);
  const target = opts.target ?? DEFAULT_TARGET;
  const shareAtScale = async (scale: number) =>
    shareOf((await runCascade(problem(scale * costScale), valuesFor([]), seeds0)).adoptedRound);
  const costCut = await leastCostCut(shareAtScale, target);
  const tipping: AdoptionResult["tipping"] = { target, costCut };
  const extraGoods = (opts.tippingGoods ?? []).filter((g) => !goodsNamed.includes(g));
  if (extraGoods.length > 0)
    tipping.goods = await leastGoods(
      async (extra) =>
        shareOf((await runCascade(problem(costScale), valuesFor(extra), seeds0)).adoptedRound),
      extraGoods,
      target,
    );

  const result: AdoptionResult = {
    rule: {
      id: rule.id,
      name: rule.name,
      grants: rule.grants,
      ...(rule.description ? { description: rule.description } : {}),
    },
    by: [...by].sort(),
    goods: goodsNamed,
    start,
    roundMonths,
    influence,
    costScale,
    lossMeasure: measure,
    actors,
    rounds: main.rounds.map(({ value: _v, pullValue: _p, ...r }) => ({
      ...r,
      month: monthOf(r.round),
    })),
    timeline,
    final: {
      gdpShare: last.gdpShare,
      computeShare: last.computeShare,
      adopters: actors.filter((a) => a.adopted).map((a) => a.id),
    },
    ownCost: { nobodyAdopts: own(nobody!), withCascade: Number.NaN },
    tipping,
    simulations: 0,
  };
  const k = opts.court ?? 0;
  if (k > 0) {
    const spread = async (seeds: readonly number[]) =>
      shareOf(
        (await runCascade(problem(costScale), valuesFor([]), [...new Set([...seeds0, ...seeds])]))
          .adoptedRound,
      );
    const g = await greedySeeds(n, k, spread);
    result.courting = {
      k,
      seeds: g.seeds.map((i) => candidates[i]!),
      gdpShare: g.value,
      evaluations: g.evaluations,
    };
  }
  result.simulations = simulations;
  return { result, adopted };
}

/** AI compute capacity per network actor (units a month), 0 where the world has none. */
function computeCapacity(net: Network): number[] {
  const g = net.goods.indexOf("ai_compute");
  const out = new Array<number>(net.actors.length).fill(0);
  if (g < 0) return out;
  for (let k = 0; k < net.nodeCount; k++)
    if (net.nodeGood[k] === g) out[net.nodeActor[k]!] += net.nodeCapacity[k]!;
  return out;
}
