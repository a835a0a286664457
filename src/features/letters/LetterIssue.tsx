import { useMemo, useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { letterValues, longevityAge, mergeLetter, newId, vnYear, whyNotWithoutDossier, type CommuneConfig, type LetterKind } from '../../domain';
import { recordOp } from '../../db';
import { db } from '../../app/db';
import { navigate } from '../../app/router';
import { useSession } from '../../app/stores';
import { StaffSelect } from '../../app/StaffSelect';
import { viT } from '../papers';

/**
 * Write a letter from the commune's template: fields merged from the dossier (or from the home
 * client it is for, or typed, for a letter without either), the text adjustable before it is
 * issued; issuing records `letter.issued` with the text as printed and opens the letter to print
 * and deliver. Only a leader issues a letter without a dossier.
 */
export function LetterIssue(props: { dossierId?: string; clientId?: string; kind: LetterKind; config: CommuneConfig }) {
  const { t } = useTranslation();
  const staff = useSession((s) => s.staff)!;
  const why = props.dossierId ? null : whyNotWithoutDossier(props.config.staff.find((s) => s.id === staff.id)?.role);
  if (why)
    return (
      <p role="alert" className="error">
        {t(`letters.why.${why}`)}
      </p>
    );
  return <LetterForm {...props} />;
}

function LetterForm({ dossierId, clientId, kind, config }: { dossierId?: string; clientId?: string; kind: LetterKind; config: CommuneConfig }) {
  const { t } = useTranslation();
  const staff = useSession((s) => s.staff)!;
  const dossier = useLiveQuery(async () => (dossierId ? ((await db.dossiers.get(dossierId)) ?? null) : null), [dossierId]);
  const client = useLiveQuery(async () => (clientId ? ((await db.homeClients.get(clientId)) ?? null) : null), [clientId]);
  const templates = config.letterTemplates.filter((tpl) => tpl.kind === kind);
  const [templateId, setTemplateId] = useState(templates[0]?.id ?? '');
  const [signerId, setSignerId] = useState(staff.id);
  const [recipient, setRecipient] = useState<string | null>(null);
  const [occasion, setOccasion] = useState<string | null>(null);
  const [edited, setEdited] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const template = templates.find((tpl) => tpl.id === templateId);
  const signer = config.staff.find((s) => s.id === signerId);
  const recipientName = recipient ?? dossier?.applicant?.name ?? client?.name ?? '';
  // A longevity letter for a person on the home list: "mừng thọ 80 tuổi", in Vietnamese like the letter.
  const age = client ? longevityAge(client.birthYear, vnYear(new Date())) : null;
  const occasionText = occasion ?? (age !== null ? viT()('letters.longevityOccasion', { age }) : '');

  const merged = useMemo(() => {
    if (!template) return null;
    const procedureName = dossier ? config.procedures.find((p) => p.id === dossier.procedureId)?.name : undefined;
    // Letters are official papers: always the Vietnamese text, whatever the screen's language.
    return mergeLetter(
      template.body.vi,
      letterValues({
        communeName: config.commune.name,
        recipientName: recipientName || undefined,
        occasion: occasionText || undefined,
        signer: signer ? { name: signer.name, title: signer.title } : undefined,
        dossier: dossier ?? undefined,
        procedureName,
        now: new Date(),
      }),
    );
  }, [template, dossier, config, recipientName, occasionText, signer]);

  if (dossier === undefined || client === undefined) return <p role="status">{t('app.loading')}</p>;
  if (!template || !merged) return <p role="alert">{t('letters.noTemplate')}</p>;
  const body = edited ?? merged.text;

  async function issue(e: FormEvent) {
    e.preventDefault();
    if (!recipientName.trim()) return setError(t('letters.recipientRequired'));
    const id = newId();
    try {
      await recordOp(db, 'letter.issued', id, {
        kind,
        templateId: template!.id,
        templateVersion: template!.version,
        ...(dossier ? { dossierId: dossier.id } : {}),
        recipientName: recipientName.trim(),
        ...(occasionText.trim() ? { occasion: occasionText.trim() } : {}),
        ...(client ? { clientId: client.id } : {}),
        body,
        staffId: staff.id,
      });
      navigate(`/letters/${id}`);
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <form className="letter-issue" onSubmit={issue} noValidate aria-labelledby="letter-new-title">
      <h1 id="letter-new-title">
        {dossier ? t('letters.composeFor', { kind: t(`letterKind.${kind}`).toLocaleLowerCase(), code: dossier.code }) : t(`letterKind.${kind}`)}
      </h1>
      <div className="grid-2">
        <label className="field">
          <span>{t('letters.template')}</span>
          <select value={templateId} onChange={(e) => (setTemplateId(e.target.value), setEdited(null))}>
            {templates.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.title.vi}
              </option>
            ))}
          </select>
        </label>
        <StaffSelect
          label={t('letters.signer')}
          staff={config.staff.filter((s) => s.active)}
          value={signerId}
          onChange={(id) => (setSignerId(id), setEdited(null))}
          withTitle
        />
        <label className="field">
          <span>{t('letters.recipient')}</span>
          <input value={recipientName} maxLength={200} onChange={(e) => (setRecipient(e.target.value), setEdited(null))} />
        </label>
        {!dossier && (
          <label className="field">
            <span>{t('letters.occasion')}</span>
            <input value={occasionText} maxLength={300} onChange={(e) => (setOccasion(e.target.value), setEdited(null))} />
          </label>
        )}
      </div>
      <label className="field">
        <span>{t('letters.text')}</span>
        <textarea value={body} rows={12} maxLength={10_000} lang="vi" onChange={(e) => setEdited(e.target.value)} />
      </label>
      {edited === null && merged.missing.length > 0 && (
        <p role="note" className="warning">
          {t('letters.missing', { fields: merged.missing.join(', ') })}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary">
          {t('letters.issue')}
        </button>
      </div>
    </form>
  );
}
