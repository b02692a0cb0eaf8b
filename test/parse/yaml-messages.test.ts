/**
 * YAML syntax errors in levier's words (src/parse/yaml.ts): each bad snippet gets one located
 * message that names what is wrong and what was expected, with none of the parser library's
 * wording (its API advice, its error codes).
 */
import { describe, expect, it } from "vitest";
import { parseYaml } from "../../src/parse/yaml.js";

const CASES: [string, string, number, number, string][] = [
  ["two documents", "a: 1\n---\nb: 2\n", 2, 1, "a second document starts here"],
  ["a duplicate key", "a: 1\na: 2\n", 2, 1, "given twice"],
  ["a tab as indentation", "a:\n\t- 1\n", 2, 1, "a tab indents this line"],
  ["an unclosed list", "a: [1, 2\nb: 3\n", 2, 1, "a [ list above is not closed; expected ]"],
  ["an unclosed mapping", "a: { b: 1\nc: 3\n", 2, 1, "a { mapping above is not closed; expected }"],
  ["a key on a key", "a: b: c\n", 1, 4, "a second `key:` on one line"],
  ["an unclosed quote", 'a: "text\n', 2, 1, "quote is missing"],
];

describe("YAML syntax errors", () => {
  it.each(CASES)("%s: located, in levier's words", (_, text, line, col, fragment) => {
    const { doc, issues } = parseYaml(text, "f.yaml");
    expect(doc).toBeUndefined();
    expect(issues.length).toBeGreaterThanOrEqual(1);
    const first = issues[0]!;
    expect(first.at).toMatchObject({ file: "f.yaml", line });
    if (col > 0) expect(first.at?.col).toBeGreaterThanOrEqual(1);
    expect(first.message).toContain(fragment);
    for (const i of issues) {
      expect(i.message).not.toMatch(/YAML\.|please use|\([A-Z_]{4,}\)$/);
      expect(i.message.length).toBeGreaterThan(10);
    }
  });
});
