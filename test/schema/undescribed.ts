/**
 * What a JSON Schema leaves without words: the root's title and description, each `$defs`
 * entry's title and description, and each property's own description, found by walking the
 * schema through properties, items, prefixItems, anyOf/oneOf/allOf, additionalProperties and
 * $defs. Returns the JSON pointers of what is missing, so a test can say where.
 */
type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null && !Array.isArray(v);
const hasText = (n: Node, key: string) => typeof n[key] === "string" && (n[key] as string) !== "";

export function undescribed(schema: Node): string[] {
  const missing: string[] = [];
  for (const key of ["title", "description"])
    if (!hasText(schema, key)) missing.push(`#: no ${key}`);
  walk(schema, "#", missing);
  return missing;
}

function walk(node: Node, at: string, missing: string[]): void {
  const props = node.properties;
  if (isNode(props)) {
    for (const [name, sub] of Object.entries(props)) {
      const here = `${at}/properties/${name}`;
      if (!isNode(sub) || !hasText(sub, "description")) missing.push(`${here}: no description`);
      if (isNode(sub)) walk(sub, here, missing);
    }
  }
  const defs = node.$defs;
  if (isNode(defs)) {
    for (const [name, sub] of Object.entries(defs)) {
      const here = `${at}/$defs/${name}`;
      if (!isNode(sub)) continue;
      for (const key of ["title", "description"])
        if (!hasText(sub, key)) missing.push(`${here}: no ${key}`);
      walk(sub, here, missing);
    }
  }
  for (const key of ["items", "additionalProperties"]) {
    const sub = node[key];
    if (isNode(sub)) walk(sub, `${at}/${key}`, missing);
  }
  for (const key of ["prefixItems", "anyOf", "oneOf", "allOf"]) {
    const list = node[key];
    if (Array.isArray(list))
      list.forEach((sub, i) => {
        if (isNode(sub)) walk(sub, `${at}/${key}/${i}`, missing);
      });
  }
}
