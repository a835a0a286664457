/** A labelled choice among `[value, label]` options; `none` adds an empty first choice. */
export function SelectField<V extends string>(props: { id: string; label: string; value: V; onChange: (value: V) => void; options: [V, string][]; none?: string }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value as V)}>
        {props.none !== undefined && <option value="">{props.none}</option>}
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
