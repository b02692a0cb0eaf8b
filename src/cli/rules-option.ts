/**
 * The rule book of conditional_access measures: data/diffusion/rules.yaml of the package, or the
 * file `--rules` names; read only when the scenario needs it.
 * @module
 */
import { relative } from "node:path";
import { InputError } from "../diagnostics/errors.js";
import { type RuleBook, readRuleBook } from "../diffusion/rules.js";
import { DEFAULT_RULES } from "../io/rules-files.js";
import type { CliContext } from "./context.js";
import { readInputText } from "./read-input.js";

export function loadRulesFor(ctx: CliContext, file?: string): RuleBook {
  const path = file ?? relative(ctx.cwd, DEFAULT_RULES);
  const text = readInputText(
    ctx,
    path,
    "no such rule book; expected a YAML file of rules (see data/diffusion/rules.yaml)",
  );
  const { book, issues } = readRuleBook(text, path);
  if (!book) throw new InputError(issues);
  return book;
}
