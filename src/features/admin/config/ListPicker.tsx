import { useState } from 'react';

/**
 * A part that is a list edited one entry at a time (procedures, checklist and letter templates):
 * the draft list, the entry shown, a patch for it, and a new entry that becomes the one shown.
 */
export function useListDraft<T>(initial: T[]) {
  const [list, setList] = useState<T[]>(initial);
  const [index, setIndex] = useState(0);
  return {
    list,
    index,
    setIndex,
    current: list[index] as T | undefined,
    edit: (patch: Partial<T>) => setList((l) => l.map((x, i) => (i === index ? { ...x, ...patch } : x))),
    add: (entry: T) => {
      setList((l) => [...l, entry]);
      setIndex(list.length);
    },
  };
}

/** Which entry to edit, and a button that adds one. */
export function ListPicker({ label, names, index, onPick, addLabel, onAdd }: { label: string; names: string[]; index: number; onPick: (i: number) => void; addLabel: string; onAdd: () => void }) {
  return (
    <div className="choices-row">
      <label className="field inline">
        <span>{label}</span>
        <select value={index} onChange={(e) => onPick(Number(e.target.value))}>
          {names.map((name, i) => (
            <option key={i} value={i}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={onAdd}>
        {addLabel}
      </button>
    </div>
  );
}
