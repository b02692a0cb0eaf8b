/**
 * The scenario's YAML as a document the form can edit without losing the text's comments and
 * layout: the measures as rows of fields, and a field set by its path.
 * @module
 */
import { isMap, isScalar, isSeq, parseDocument } from "yaml";

export type FieldValue = string | number | boolean | string[];

export interface Field {
  key: string;
  value: FieldValue;
  /** A nested value (a distribution, a list of objects) that only the YAML edits. */
  complex?: boolean;
}

export interface Parsed {
  doc?: ReturnType<typeof parseDocument>;
  error?: string;
}

export function parse(text: string): Parsed {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const at = e.linePos?.[0];
    return { error: `${at ? `line ${at.line}:${at.col}: ` : ""}${e.message.split("\n")[0]}` };
  }
  return { doc };
}

function fieldOf(key: string, node: unknown): Field {
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === "number" || typeof v === "boolean" || typeof v === "string")
      return { key, value: v };
    return { key, value: String(v) };
  }
  if (isSeq(node) && node.items.every((i) => isScalar(i)))
    return { key, value: node.items.map((i) => String((i as { value: unknown }).value)) };
  return { key, value: "", complex: true };
}

/** The fields of a map at `path` (scalars and lists of scalars editable, the rest not). */
export function fieldsAt(doc: NonNullable<Parsed["doc"]>, path: (string | number)[]): Field[] {
  const node = path.length ? doc.getIn(path, true) : doc.contents;
  if (!isMap(node)) return [];
  return node.items.map((p) => fieldOf(String(isScalar(p.key) ? p.key.value : p.key), p.value));
}

export function measureCount(doc: NonNullable<Parsed["doc"]>): number {
  const m = doc.get("measures", true);
  return isSeq(m) ? m.items.length : 0;
}

/** The text with the field at `path` set to `value` (the rest of the text kept as it was). */
export function withField(
  doc: NonNullable<Parsed["doc"]>,
  path: (string | number)[],
  value: FieldValue,
): string {
  const copy = doc.clone();
  copy.setIn(path, Array.isArray(value) ? copy.createNode(value, { flow: true }) : value);
  // Written as close to the text as given: flow lists as [EU, CN], long lines folded as the
  // examples fold theirs (at 100 columns).
  return copy.toString({ flowCollectionPadding: false, lineWidth: 100 });
}
