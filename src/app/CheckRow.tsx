import type { ReactNode } from 'react';

/**
 * A yes/no row: a checkbox and its words in one label, so the whole row (`.choice`, at least 48 px)
 * takes the touch and the words name the box for screen readers and tests. `asSwitch` draws it as
 * a switch (role "switch") for a setting rather than a fact.
 */
export function CheckRow({
  checked,
  onChange,
  asSwitch,
  disabled,
  children,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  asSwitch?: boolean;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <label className={asSwitch ? 'choice switch' : 'choice'}>
      <input type="checkbox" role={asSwitch ? 'switch' : undefined} checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      <span>{children}</span>
    </label>
  );
}
