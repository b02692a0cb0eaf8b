/**
 * The scenario as a form: its name, horizon and draws, and each measure as a row whose figures
 * can be edited; every change is written into the YAML (comments kept), which stays the text
 * that is validated, saved and run.
 */
import { useEffect, useId, useState } from "react";
import {
  type Field,
  type FieldValue,
  fieldsAt,
  measureCount,
  type Parsed,
  withField,
} from "./yaml-doc.js";

/** The text of a field's value, and the value of a text (undefined while it is not one yet,
 * e.g. "0." on the way to "0.6"). */
function shown(v: FieldValue): string {
  return Array.isArray(v) ? v.join(", ") : String(v);
}
function read(like: FieldValue, text: string): FieldValue | undefined {
  if (typeof like === "number") {
    const n = text.trim() === "" ? Number.NaN : Number(text);
    return Number.isFinite(n) ? n : undefined;
  }
  if (Array.isArray(like))
    return text
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean);
  return text;
}

function FieldInput(props: {
  field: Field;
  /** What the field is, for screen readers, before its key (e.g. "measure cut-cn:"). */
  context?: string;
  unit?: string;
  onChange: (v: FieldValue) => void;
}) {
  const id = useId();
  const { field } = props;
  const [draft, setDraft] = useState(shown(field.value));
  // The YAML changed the value: show it, unless the draft already says the same.
  useEffect(() => {
    setDraft((d) => {
      const r = read(field.value, d);
      return r !== undefined && shown(r) === shown(field.value) ? d : shown(field.value);
    });
  }, [field.value]);
  const label = (
    <label htmlFor={id}>
      {props.context ? <span className="visually-hidden">{props.context} </span> : null}
      {field.key}
      {props.unit ? ` (${props.unit})` : ""}
    </label>
  );
  if (field.complex)
    return (
      <div className="field">
        <span className="label">
          {props.context ? <span className="visually-hidden">{props.context} </span> : null}
          {field.key}
        </span>
        <span className="complex">(edit in the YAML)</span>
      </div>
    );
  if (typeof field.value === "boolean")
    return (
      <div className="field">
        {label}
        <input
          id={id}
          type="checkbox"
          checked={field.value}
          onChange={(e) => props.onChange(e.target.checked)}
        />
      </div>
    );
  return (
    <div className="field">
      {label}
      <input
        id={id}
        type="text"
        inputMode={typeof field.value === "number" ? "decimal" : undefined}
        className={typeof field.value === "number" ? "number" : undefined}
        value={draft}
        aria-invalid={read(field.value, draft) === undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          const v = read(field.value, e.target.value);
          if (v !== undefined) props.onChange(v);
        }}
      />
    </div>
  );
}

const TOP_FIELDS = ["name", "horizon"];

export function ScenarioForm(props: { parsed: Parsed; onText: (text: string) => void }) {
  const { doc, error } = props.parsed;
  if (!doc)
    return (
      <p className="note" role="status">
        The form follows the YAML once it parses again ({error}).
      </p>
    );
  const set = (path: (string | number)[]) => (v: FieldValue) =>
    props.onText(withField(doc, path, v));
  const top = fieldsAt(doc, []).filter((f) => TOP_FIELDS.includes(f.key));
  const options = fieldsAt(doc, ["options"]);
  const n = measureCount(doc);
  return (
    <div className="form">
      <fieldset>
        <legend>Scenario</legend>
        {top.map((f) => (
          <FieldInput
            key={f.key}
            field={f}
            {...(f.key === "horizon" ? { unit: "months" } : {})}
            onChange={set([f.key])}
          />
        ))}
        {options.map((f) => (
          <FieldInput key={f.key} field={f} context="options:" onChange={set(["options", f.key])} />
        ))}
      </fieldset>
      <table className="measures">
        <caption>Measures ({n})</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Figures (edit any; the YAML follows)</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: n }, (_, i) => {
            const fields = fieldsAt(doc, ["measures", i]);
            const mid = fields.find((f) => f.key === "id")?.value ?? String(i + 1);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: a measure is its position in the list
              <tr key={`m${i}`}>
                <th scope="row">{i + 1}</th>
                <td className="row-fields">
                  {fields.map((f) => (
                    <FieldInput
                      key={f.key}
                      field={f}
                      context={`measure ${String(mid)}:`}
                      onChange={set(["measures", i, f.key])}
                    />
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
