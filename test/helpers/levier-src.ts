/**
 * `levier` from the TypeScript sources, as a process of its own (tests that spawn the CLI, or
 * kill it, without building dist/): `node --import tsx test/helpers/levier-src.ts ARGS…`.
 */
import { main } from "../../src/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
