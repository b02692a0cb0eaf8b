/**
 * Loads the engine of a checkout (this one or an earlier revision's worktree) and compiles an
 * example on it, for `compare.ts` (results) and `versus.ts` (times, in the same run).
 * @module
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

type Tree = Record<string, Record<string, (...args: never[]) => unknown>>;

// biome-ignore lint/suspicious/noExplicitAny: two checkouts' modules, typed by neither
export type Any = any;

export async function loadCheckout(root: string): Promise<Tree> {
  const at = (p: string) => import(join(root, p));
  const tree: Tree = {
    io: await at("src/io/world-files.ts"),
    cw: await at("src/network/compile-world.ts"),
    sc: await at("src/scenario/compile.ts"),
    ls: await at("src/scenario/load.ts"),
    run: await at("src/simulate/run.ts"),
    lw: await at("src/world/load.ts"),
  };
  // Checkouts since issue 10 compile only realised worlds.
  tree.realise = await at("src/run/realise.ts").catch(() => ({}));
  return tree;
}

/** The example `file` (relative to `root`) compiled on checkout `t`: its network and controls. */
export function compileExample(t: Any, root: string, file: string, months: number) {
  const { world } = t.lw.loadWorld(t.io.fileReader(root));
  const { loaded } = t.ls.loadScenario(readFileSync(join(root, file), "utf8"), file, world, {
    horizon: months,
  });
  const w = t.realise.realise ? t.realise.realise(loaded.world.world) : loaded.world.world;
  const net = t.cw.compileWorld(w, { extraNodes: t.sc.extraNodes(loaded.scenario) });
  const controls = t.sc.compileScenario(loaded.scenario, w, net);
  return { net, controls };
}
