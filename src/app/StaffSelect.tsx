/** What a staff picker shows of an officer. */
interface Officer {
  id: string;
  name: string;
  title?: string;
}

/**
 * A labelled pick of one officer (a spot check's officer, a hand-over's receiver, a letter's
 * signer): the label wraps the select, so the words name it for screen readers and tests.
 * `none` adds an empty first choice with those words; `withTitle` shows "name — title".
 */
export function StaffSelect({
  label,
  staff,
  value,
  onChange,
  none,
  withTitle,
}: {
  label: string;
  staff: readonly Officer[];
  value: string;
  onChange: (id: string) => void;
  none?: string;
  withTitle?: boolean;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {none !== undefined && <option value="">{none}</option>}
        {staff.map((s) => (
          <option key={s.id} value={s.id}>
            {withTitle && s.title ? `${s.name} — ${s.title}` : s.name}
          </option>
        ))}
      </select>
    </label>
  );
}
