/**
 * Saving what the page shows: a blob or a data URL downloaded under a file name, and tables as
 * CSV (RFC 4180: fields with commas, quotes or line breaks quoted, quotes doubled).
 * @module
 */

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  saveUrl(url, filename);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function saveUrl(url: string, filename: string): void {
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
}

function field(v: unknown): string {
  const s = v === undefined || v === null ? "" : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvOf(columns: string[], rows: unknown[][]): string {
  return [columns, ...rows].map((r) => r.map(field).join(",")).join("\r\n") + "\r\n";
}

export function saveCsv(filename: string, columns: string[], rows: unknown[][]): void {
  saveBlob(new Blob([csvOf(columns, rows)], { type: "text/csv;charset=utf-8" }), filename);
}

/** A file name from a title: lower case, words joined by dashes. */
export function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "levier"
  );
}
