/**
 * The conditional-access examples of examples/reach/ through `levier run`: each writes a report
 * with the adoption timeline chart, and its --json document says for every candidate whether
 * it adopted, when (the round and its month) and under which condition; the adopters are those
 * whose access value and partners' pull exceed their compliance cost (docs/model.md §9).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const ROOT = resolve(import.meta.dirname, "../..");
const out = mkdtempSync(join(tmpdir(), "levier-reach-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

interface Candidate {
  id: string;
  adopted: boolean;
  condition: string;
  cost: number;
  value: number;
  pull: number;
  round?: number;
  month?: number;
}

describe.each(["eu-data-for-code-of-practice", "eu-manufacturing-for-co-production"])(
  "examples/reach/%s.yaml through levier run",
  (name) => {
    it("reports the adoption timeline, and says per candidate whether, when and on what condition it adopted", async () => {
      const r = await runCli(
        ["run", `examples/reach/${name}.yaml`, "--json", "--out", out, "--format", "html"],
        ROOT,
      );
      expect(r.code, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout) as {
        adoption: {
          rule: { id: string; name: string };
          start: number;
          roundMonths: number;
          actors: Candidate[];
          final: { adopters: string[] };
        };
      };
      const a = doc.adoption;
      expect(a.actors.length).toBeGreaterThan(0);
      for (const c of a.actors) {
        expect(c.condition.startsWith(a.rule.name), c.id).toBe(true);
        if (c.adopted) {
          // Round r adopts in month start + (r − 1) · roundMonths.
          expect(c.round, c.id).toBeGreaterThanOrEqual(1);
          expect(c.month, c.id).toBe(a.start + (c.round! - 1) * a.roundMonths);
        } else {
          expect(c.month, c.id).toBeUndefined();
        }
      }
      expect(a.final.adopters.sort()).toEqual(
        a.actors
          .filter((c) => c.adopted)
          .map((c) => c.id)
          .sort(),
      );
      const html = readFileSync(join(out, `${name}.html`), "utf8");
      expect(html).toContain('id="chart-adoption-timeline"');
    }, 180_000);
  },
);
