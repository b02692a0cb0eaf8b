/**
 * Regenerates the default world's semiconductor supplier rows (the rows of the goods in
 * data/crosswalks/eto.yaml, inside data/suppliers.csv) from the ETO Advanced Semiconductor Supply
 * Chain Dataset: `npm run data:eto [-- DIR]`, DIR defaulting to ../shared/data/eto (a copy of
 * the dataset's data/ folder with its licence). Same as `levier data import eto DIR`.
 */
import { main } from "../src/cli/main.js";

const args = process.argv.slice(2);
const dir =
  args[0] !== undefined && !args[0].startsWith("-") ? args.shift()! : "../shared/data/eto";
process.exitCode = await main(["data", "import", "eto", dir, ...args]);
