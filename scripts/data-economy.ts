/**
 * Regenerates the default world's economy downstream of the chain (data/economy.yaml and
 * data/economy-*.csv) from WIOD's 2011 table: `npm run data:economy [-- DIR]`, DIR defaulting
 * to ../shared/data/wiod (the three CSV files of ORIGIN.md there). Same as
 * `levier data import mrio DIR --layout wiod`.
 */
import { main } from "../src/cli/main.js";

const dir = process.argv[2] ?? "../shared/data/wiod";
process.exitCode = await main(["data", "import", "mrio", dir, "--layout", "wiod"]);
