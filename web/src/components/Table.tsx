/**
 * A table with a caption, column headers with their units, and a button that downloads it as
 * CSV (the raw values, not the formatted ones).
 */
import type { ReactNode } from "react";
import { saveCsv, slug } from "../download.js";

export interface Column<R> {
  /** Header text, with the unit in parentheses where there is one. */
  label: string;
  /** The cell as shown. */
  cell: (r: R) => ReactNode;
  /** The cell in the CSV (default: the shown cell if it is text or a number). */
  raw?: (r: R) => unknown;
  numeric?: boolean;
}

export function Table<R>(props: {
  caption: string;
  columns: Column<R>[];
  rows: R[];
  rowKey: (r: R, i: number) => string;
  rowClass?: (r: R) => string | undefined;
  filename?: string;
}) {
  const { caption, columns, rows } = props;
  const download = () =>
    saveCsv(
      `${props.filename ?? slug(caption)}.csv`,
      columns.map((c) => c.label),
      rows.map((r) =>
        columns.map((c) => {
          if (c.raw) return c.raw(r);
          const v = c.cell(r);
          return typeof v === "string" || typeof v === "number" ? v : "";
        }),
      ),
    );
  return (
    <figure className="table">
      <div className="table-scroll">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.label} scope="col" className={c.numeric ? "num" : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={props.rowKey(r, i)} className={props.rowClass?.(r)}>
                {columns.map((c) => (
                  <td key={c.label} className={c.numeric ? "num" : undefined}>
                    {c.cell(r)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" className="small" onClick={download}>
        Download “{caption}” as CSV
      </button>
    </figure>
  );
}
