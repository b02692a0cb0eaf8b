/**
 * The game layer's additions for conditional access (by hand, with a stand-in simulator):
 * strategies that adopt rules pay their compliance cost (× the economic weight), joint stakes
 * apply to the profiles they match, bargaining over every profile with n players is the Nash
 * product of gains (the two-player solver's answer when n = 2), and a leverage level rewrites
 * the goods of the player's conditional_access measures.
 */
import { describe, expect, it } from "vitest";
import { adoptionSets, buildGame } from "../../src/gamebuild/build.js";
import { atLeverage } from "../../src/gamebuild/leverage.js";
import type { GameSpec } from "../../src/gamebuild/schema.js";
import { nashBargainingFinite } from "../../src/strategy/bargaining/nash-bargaining.js";
import { nashBargainingFiniteN } from "../../src/strategy/bargaining/nash-bargaining-n.js";
import { Rational } from "../../src/strategy/rational.js";

const cond = (from: string, to: string[], rule: string) => ({
  type: "conditional_access" as const,
  from: [from],
  to,
  goods: ["g"],
  rule,
});

/** Three players choose none or commit; a common commitment is worth 3 to each. */
const spec: GameSpec = {
  name: "commit",
  horizon: 12,
  players: ["AA", "BB", "CC"].map((actor, i) => ({
    actor,
    weights: { economic: i === 2 ? 2 : 1, security: 0 },
    strategies: [
      { id: "none", measures: [] },
      {
        id: "commit",
        adopts: ["r"],
        measures: [
          cond(
            actor,
            ["AA", "BB", "CC"].filter((x) => x !== actor),
            "r",
          ),
        ],
      },
    ],
  })),
  jointStakes: [
    { when: { AA: ["commit"], BB: ["commit"], CC: ["commit"] }, stakes: { AA: 3, BB: 3, CC: 3 } },
  ],
  bargaining: { disagreement: ["none", "none", "none"], profiles: true },
};

describe("games with rules, joint stakes and n-player bargaining", () => {
  // The stand-in: a committed player's condition costs each player who has not committed 1.
  const sets = adoptionSets(spec);
  const built = buildGame(
    spec,
    (measures, index) => {
      const adopters = new Set(sets[index]!.keys());
      const loss = new Map(["AA", "BB", "CC"].map((a) => [a, 0]));
      for (const m of measures)
        if (m.type === "conditional_access")
          for (const t of m.to) if (!adopters.has(t)) loss.set(t, loss.get(t)! + 1e9);
      return new Map([...loss].map(([a, l]) => [a, { loss: l, securityIndexLoss: 0 }]));
    },
    (actor, rule) => (rule === "r" ? (actor === "CC" ? 0.5e9 : 1e9) : 0),
  );

  it("charges the compliance cost of what a strategy adopts and adds the joint stakes", () => {
    const at = (s: string) => built.profiles.find((p) => p.strategies.join("/") === s)!;
    expect(at("none/none/none").payoffs).toEqual([0, 0, 0]);
    // AA commits alone: pays 1; BB and CC are each cut off by AA's condition.
    expect(at("commit/none/none").payoffs).toEqual([-1, -1, -2]);
    expect(at("commit/none/none").compliance).toEqual([1e9, 0, 0]);
    // All commit: no one is cut off; each gets 3 less its cost (CC's cost 0.5 × weight 2).
    expect(at("commit/commit/commit").payoffs).toEqual([2, 2, 2]);
    expect(at("commit/commit/commit").jointStakes).toEqual([3, 3, 3]);
  });

  it("bargains over every profile with the Nash product of three gains", () => {
    expect(built.deals!.deals).toHaveLength(8);
    expect(built.deals!.disagreement).toEqual([0, 0, 0]);
    const q = (x: number) => Rational.of(Math.round(1000 * x), 1000);
    const r = nashBargainingFiniteN(
      built.deals!.deals.map((d) => ({ label: d.id, payoffs: d.payoffs.map(q) })),
      built.deals!.disagreement.map(q),
    );
    expect(r.agreement).toBe(true);
    if (r.agreement) {
      expect(r.maximisers.map((m) => m.label)).toEqual(["commit/commit/commit"]);
      expect(r.product.toNumber()).toBe(8);
    }
  });

  it("is the two-player Nash solution when there are two players", () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return (seed % 21) - 10;
    };
    for (let t = 0; t < 200; t++) {
      const deals = Array.from({ length: 1 + (t % 6) }, (_, i) => ({
        label: `d${i}`,
        payoffs: [Rational.of(next(), 1), Rational.of(next(), 1)] as [Rational, Rational],
      }));
      const d: [Rational, Rational] = [Rational.of(next(), 2), Rational.of(next(), 2)];
      const two = nashBargainingFinite(deals, d);
      const n = nashBargainingFiniteN(deals, d);
      expect(n.agreement).toBe(two.agreement);
      if (two.agreement && n.agreement) {
        expect(n.product.eq(two.product)).toBe(true);
        expect(n.maximisers.map((m) => m.label)).toEqual(two.maximisers!.map((m) => m.label));
      }
    }
  });

  it("rewrites the goods a player withholds at each leverage level", () => {
    const s = { ...spec, leverage: { actor: "CC", levels: [] } } as GameSpec;
    const more = atLeverage(s, { id: "more", goods: ["g", "h"], cap: 0.5 });
    expect(more.leverage).toBeUndefined();
    expect(more.players[2]!.strategies[1]!.measures[0]).toMatchObject({
      goods: ["g", "h"],
      cap: 0.5,
    });
    expect(more.players[0]).toBe(spec.players[0]);
    const none = atLeverage(s, { id: "none", goods: [] });
    expect(none.players[2]!.strategies[1]!.measures).toEqual([]);
    expect(none.players[2]!.strategies[1]!.adopts).toEqual(["r"]);
  });
});
