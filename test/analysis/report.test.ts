/**
 * Report blocks: "where the EU is indispensable" and the profile report, rendered through the
 * shared Markdown writer.
 */
import { describe, expect, it } from "vitest";
import { entityOf } from "../../src/analysis/entities.js";
import { runTasks } from "../../src/analysis/leverage/run-tasks.js";
import { profile, profilePlan, profileTasks } from "../../src/analysis/profile.js";
import { indispensableBlocks } from "../../src/report/indispensable.js";
import { toMarkdown } from "../../src/report/markdown.js";
import { profileReport } from "../../src/report/profile.js";
import { indispensability } from "../../src/run/indispensability.js";
import { defaultContext, fixtureContext } from "./world.js";

describe("indispensableBlocks", () => {
  it("on the chain world, shows the bloc's tools and chips and who depends on them", async () => {
    const chain = fixtureContext("chain");
    const ind = await indispensability(chain.world, {
      horizon: 12,
      bloc: "AB",
      powers: ["CC", "DD"],
    });
    expect(ind.chokepoints.map((r) => r.good)).toEqual(["tool", "chip"]);
    expect(ind.chokepoints[0]!.makers).toEqual([{ actor: "AA", share: 1 }]);
    // CC makes chips from tools, all of which come from the bloc; DD buys no tools.
    const cc = ind.dependence.find((d) => d.good === "tool" && d.power === "CC")!;
    expect(cc.shareFromBloc).toBe(1);
    expect(cc.loss).toBeGreaterThan(0);
    expect(ind.dependence.some((d) => d.good === "tool" && d.power === "DD")).toBe(false);
    const md = toMarkdown({ title: "t", blocks: indispensableBlocks(ind), data: ind }, (id) => id);
    expect(md).toMatch(/^## Where Union of AA and BB is indispensable/);
    expect(md).toMatch(/\| tool \| 100\.00% \| AA 100\.00% \|/);
    expect(md).toMatch(/### Who depends on Union of AA and BB's strongest goods/);
  });

  it("on the default world, puts the Netherlands' lithography first and Taiwan among its dependents", async () => {
    const ind = await indispensability(defaultContext().world);
    expect(ind.bloc.id).toBe("EU");
    expect(
      ind.chokepoints
        .slice(0, 2)
        .map((r) => r.good)
        .sort(),
    ).toEqual(["duv_lithography", "euv_lithography"]);
    const euv = ind.chokepoints.find((r) => r.good === "euv_lithography")!;
    expect(euv.makers[0]).toEqual({ actor: "NL", share: 1 });
    const tw = ind.dependence.find((d) => d.good === "euv_lithography" && d.power === "TW")!;
    expect(tw.shareFromBloc).toBe(1);
    // Shares are of Taiwan's whole economy (the chain and the sectors downstream of it).
    expect(tw.lossShare).toBeGreaterThan(0.005);
    const md = toMarkdown({ title: "t", blocks: indispensableBlocks(ind), data: ind }, (id) => id);
    expect(md).toMatch(/^## Where the EU is indispensable/);
  });
});

describe("profileReport", () => {
  it("has the three sections, three charts and the profile as its data", () => {
    const chain = fixtureContext("chain");
    const opts = { horizon: 12, exposureThreshold: 0, powers: ["CC", "DD"] };
    const plan = profilePlan(chain, entityOf(chain.world, chain.net, "AA"), opts);
    const p = profile(chain, opts, plan, runTasks(chain.net, profileTasks(plan)));
    expect(p.chokepoints[0]).toMatchObject({ good: "tool", rank: 1 });
    expect(p.leverage.map((l) => l.power)).toEqual(["CC", "DD"]);
    const over = p.leverage[0]!.over;
    expect(over.asymmetry).toBeCloseTo(over.damage - p.leverage[0]!.under.damage, 9);
    const r = profileReport(p);
    expect(r.data).toBe(p);
    const headings = r.blocks.flatMap((b) =>
      b.kind === "heading" && b.level <= 2 ? [b.text] : [],
    );
    expect(headings).toEqual([
      "Profile: Toolmaker (AA)",
      "Its chokepoints",
      "Its exposure",
      "Its leverage over and under each major power",
    ]);
    // Each chart under its own title.
    const charts = r.blocks.flatMap((b, i) =>
      b.kind === "chart" ? [[r.blocks[i - 1], b.chart.title]] : [],
    );
    for (const [before, title] of charts)
      expect(before).toEqual({ kind: "heading", level: 3, text: title });
    // Three charts, each drawn or replaced by the sentence that says why it is not.
    const undrawn = r.blocks.filter(
      (b) => b.kind === "paragraph" && b.text.startsWith("Not drawn"),
    );
    expect(r.blocks.filter((b) => b.kind === "chart").length + undrawn.length).toBe(3);
  });
});
