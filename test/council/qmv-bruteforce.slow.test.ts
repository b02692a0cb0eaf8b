// EU-27 qualified majority: the fast exact count against a visit of all 2^27 = 134,217,728
// coalitions (Gray-code order, typed arrays; a few seconds). Slow but part of the normal run.
import { describe, expect, it } from "vitest";
import { findRule } from "../../src/council/council.js";
import { gameOf } from "../../src/council/game.js";
import { countByEnumeration } from "../../src/council/power/enumeration.js";
import { countByMeetInTheMiddle } from "../../src/council/power/meet-in-the-middle.js";
import { defaultCouncil } from "./data.js";

describe("EU-27 QMV over all 2^27 coalitions", () => {
  it("enumeration and meet in the middle give the same swings by size and winning count", () => {
    const council = defaultCouncil();
    const qmv = findRule(council, "qmv");
    if (!qmv) throw new Error("qmv");
    const game = gameOf(qmv, council.members);
    const brute = countByEnumeration(game);
    const fast = countByMeetInTheMiddle(game);
    expect(brute.winning).toBe(17_729_938);
    expect(fast.winning).toBe(brute.winning);
    expect(Array.from(fast.swingsBySize)).toEqual(Array.from(brute.swingsBySize));
  });
});
