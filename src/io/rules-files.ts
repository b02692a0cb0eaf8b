/**
 * The file-system side of the rule book that conditional_access measures and `adopts` name:
 * data/diffusion/rules.yaml of the package. The CLI (which may name another with `--rules`),
 * the server and its job threads read it through here.
 * @module
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { InputError } from "../diagnostics/errors.js";
import { type RuleBook, readRuleBook } from "../diffusion/rules.js";
import { PACKAGE_ROOT } from "./world-files.js";

export const DEFAULT_RULES = resolve(PACKAGE_ROOT, "data/diffusion/rules.yaml");

let shipped: RuleBook | undefined;

/** The package's rule book, read once per process, or an InputError with its issues. */
export function loadShippedRules(): RuleBook {
  if (shipped) return shipped;
  const { book, issues } = readRuleBook(
    readFileSync(DEFAULT_RULES, "utf8"),
    "data/diffusion/rules.yaml",
  );
  if (!book) throw new InputError(issues);
  shipped = book;
  return book;
}
