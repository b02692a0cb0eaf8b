/**
 * The scenario as a form: its name, horizon and draws, and each measure as a row whose figures
 * can be edited; every change is written into the YAML (comments kept), which stays the text
 * that is validated, saved and run.
 */
import { type ReactNode, useId } from "react";
import {
  type Field,
  type FieldValue,
  fieldsAt,
  measureCount,
  type Parsed,
  withField,
} from "./yaml-doc.js";

function FieldInput(props: { field: Field; label: string; onChange: (v: FieldValue) => void }) {
  const id = useId();
  const { field } = props;
  if (field.complex)
    return (
      <div className="field">
        <span className="label" id={id}>
          {props.label}
        </span>
        <span className="complex">(edit in the YAML)</span>
      </div>
    );
  const common = { id, "aria-label": props.label };
  let input: ReactNode;
  if (typeof field.value === "number")
    input = (
      <input
        {...common}
        type="number"
        step="any"
        value={field.value}
        onChange={(e) => {
          const n = e.target.valueAsNumber;
          if (Number.isFinite(n)) props.onChange(n);
        }}
      />
    );
  else if (typeof field.value === "boolean")
    input = (
      <input
        {...common}
        type="checkbox"
        checked={field.value}
        onChange={(e) => props.onChange(e.target.checked)}
      />
    );
  else if (Array.isArray(field.value))
    input = (
      <input
        {...common}
        type="text"
        value={field.value.join(", ")}
        onChange={(e) =>
          props.onChange(
            e.target.value
              .split(",")
              .map((s) => s.trim())
              .filter(Boolean),
          )
        }
      />
    );
  else
    input = (
      <input
        {...common}
        type="text"
        value={field.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    );
  return (
    <div className="field">
      <label htmlFor={id}>{field.key}</label>
      {input}
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
            label={f.key === "horizon" ? "horizon (months)" : f.key}
            onChange={set([f.key])}
          />
        ))}
        {options.map((f) => (
          <FieldInput
            key={f.key}
            field={f}
            label={`options: ${f.key}`}
            onChange={set(["options", f.key])}
          />
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
                      label={`measure ${String(mid)}: ${f.key}`}
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
