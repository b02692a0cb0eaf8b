/**
 * Plain-text tables for the terminal: columns padded to their widest cell, numbers right-aligned.
 * @module
 */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  const cells = [
    header.map(String),
    ...rows.map((r) => r.map((c) => (typeof c === "number" ? formatNumber(c) : c))),
  ];
  const numeric = header.map(
    (_, j) => rows.length > 0 && rows.every((r) => typeof r[j] === "number"),
  );
  const widths = header.map((_, j) => Math.max(...cells.map((r) => (r[j] ?? "").length)));
  const line = (r: readonly string[]) =>
    r
      .map((c, j) => (numeric[j] ? c.padStart(widths[j]!) : c.padEnd(widths[j]!)))
      .join("  ")
      .trimEnd();
  return [
    line(cells[0]!),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...cells.slice(1).map(line),
  ].join("\n");
}

/** Up to 4 significant digits, thousands grouped; no exponent for everyday magnitudes. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const abs = Math.abs(x);
  if (abs >= 1e15 || abs < 1e-4) return x.toExponential(3);
  const digits = Math.max(0, 3 - Math.floor(Math.log10(abs)));
  return x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export function percent(x: number, digits = 1): string {
  return `${(x * 100).toFixed(digits)}%`;
}
