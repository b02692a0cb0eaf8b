/**
 * Writes docs/validation.md: runs every case of examples/validation/references.yaml through
 * levier and sets its figures beside the published ones, then runs the six examples and checks
 * their headlines against examples/validation/examples.yaml (`npm run validation`). Prints the
 * summary and any scenario warnings on stderr; exit 2 on bad input, with file:line:col.
 * @module
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { InputError } from "../src/diagnostics/errors.js";
import { PACKAGE_ROOT } from "../src/io/world-files.js";
import { runExamples } from "./validation/examples-run.js";
import { renderPage } from "./validation/page.js";
import { PAGE_FILE, runValidation } from "./validation/run-cases.js";

function main(root: string): number {
  try {
    const validation = runValidation(root);
    for (const c of validation.cases) for (const w of c.warnings) console.error(`warning: ${w}`);
    const examples = runExamples(root);
    for (const e of examples.examples) for (const w of e.warnings) console.error(`warning: ${w}`);
    writeFileSync(join(root, PAGE_FILE), renderPage(validation, examples));
    const figures = validation.cases.flatMap((c) => c.figures);
    const within = figures.filter((f) => f.within).length;
    const headlines = examples.examples.flatMap((e) => e.headlines);
    const met = headlines.filter((h) => h.met).length;
    console.error(
      `levier: wrote ${PAGE_FILE}: ${within} of ${figures.length} figures within range; ${met} of ${headlines.length} headlines of the examples as expected`,
    );
    for (const e of examples.examples)
      for (const h of e.headlines)
        if (!h.met) console.error(`  ${e.example.id} / ${h.headline.id}: ${h.verdict}`);
    return 0;
  } catch (err) {
    if (err instanceof InputError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
}

process.exitCode = main(resolve(PACKAGE_ROOT));
