import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldVietnamese, searchTokens, matchesQuery, type Procedure } from '../../domain';
import { feeLabel, processingTimeLabel } from './format';

/** Pick a procedure by typing any part of its name, with or without diacritics. */
export function ProcedurePicker({
  procedures,
  value,
  onChange,
  error,
}: {
  procedures: Procedure[];
  value: string;
  onChange: (id: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const indexed = useMemo(
    () => procedures.map((p) => ({ procedure: p, tokens: searchTokens(p.name, p.field, p.code) })),
    [procedures],
  );
  const folded = foldVietnamese(query);
  const shown = indexed.filter(({ procedure, tokens }) => procedure.id === value || !folded || matchesQuery(tokens, folded));

  return (
    <fieldset className="procedure-picker" aria-invalid={Boolean(error)} aria-describedby={error ? 'procedure-error' : undefined}>
      <legend>{t('intake.procedure')}</legend>
      <input
        type="search"
        aria-label={t('intake.searchProcedure')}
        placeholder={t('intake.searchProcedurePlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <div className="procedure-options">
        {shown.length === 0 && <p>{t('intake.noProcedure')}</p>}
        {shown.map(({ procedure }) => (
          <label key={procedure.id} className="choice procedure-option">
            <input
              type="radio"
              name="procedure"
              value={procedure.id}
              checked={value === procedure.id}
              onChange={() => onChange(procedure.id)}
            />
            <span>
              <strong>{procedure.name}</strong>
              <small>
                {procedure.field} · {processingTimeLabel(t, procedure.processingTime)} · {feeLabel(t, procedure.fee)}
              </small>
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p id="procedure-error" className="error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
