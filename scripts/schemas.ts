/**
 * Writes schema/<kind>.json, the JSON Schema of each kind of document (`levier schema KIND`),
 * committed so that the modeline `# yaml-language-server: $schema=../schema/scenario.json`
 * works from a clone without network (`npm run schemas`; test/schema/committed.test.ts fails
 * when a file is stale).
 * @module
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { schemaText } from "../src/cli/schema.js";
import { SCHEMA_KINDS } from "../src/schema/kinds.js";

const dir = resolve(import.meta.dirname, "../schema");
mkdirSync(dir, { recursive: true });
for (const kind of SCHEMA_KINDS) writeFileSync(join(dir, `${kind}.json`), schemaText(kind));
console.error(`levier: wrote ${SCHEMA_KINDS.map((k) => `schema/${k}.json`).join(", ")}`);
