import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { DELIVERY_METHODS, formatVnDate, type CommuneConfig, type DeliveryMethod } from '../../domain';
import { recordOp, type LetterRow } from '../../db';
import { db } from '../../app/db';
import { useSession } from '../../app/stores';
import { PaperFrame, viT } from '../papers';

/** An issued letter: printed A5 (or A4) in Vietnamese with the shipped font, then delivered. */
export function LetterView({ id, config }: { id: string; config: CommuneConfig }) {
  const { t } = useTranslation();
  const letter = useLiveQuery(() => db.letters.get(id), [id]);
  const [size, setSize] = useState<'a5' | 'a4'>('a5');
  if (letter === undefined) return <p role="status">{t('app.loading')}</p>;
  if (!letter) return <p role="alert">{t('letters.notFound')}</p>;
  const template = config.letterTemplates.find((tpl) => tpl.id === letter.templateId);
  return (
    <div className={size === 'a4' ? 'letter-a4' : undefined}>
      <PaperFrame
        config={config}
        title={(template?.title.vi ?? viT()(`letterKind.${letter.kind}`)).toLocaleUpperCase('vi')}
        date={letter.issuedAt}
        back={letter.dossierId ? `#/d/${letter.dossierId}` : '#/letters'}
        signers={[]}
      >
        {letter.body !== undefined ? (
          <p className="letter-text">{letter.body}</p>
        ) : (
          <p role="note" className="no-print">
            {t('letters.textRemoved')}
          </p>
        )}
      </PaperFrame>
      <div className="no-print letter-after">
        <label className="field">
          <span>{t('letters.paperSize')}</span>
          <select value={size} onChange={(e) => setSize(e.target.value as 'a5' | 'a4')}>
            <option value="a5">A5</option>
            <option value="a4">A4</option>
          </select>
        </label>
        <Delivery letter={letter} />
      </div>
    </div>
  );
}

function Delivery({ letter }: { letter: LetterRow }) {
  const { t } = useTranslation();
  const staff = useSession((s) => s.staff)!;
  const [method, setMethod] = useState<DeliveryMethod>('in-person');
  const [error, setError] = useState<string | null>(null);
  if (letter.delivered)
    return (
      <p role="status">
        {t('letters.deliveredOn', {
          date: formatVnDate(letter.delivered.at),
          method: letter.delivered.method ? t(`delivery.${letter.delivered.method}`) : '',
        })}
      </p>
    );

  async function deliver(e: FormEvent) {
    e.preventDefault();
    try {
      // The delivery carries the letter's id as its entity too, so the letter's ops read together.
      await recordOp(db, 'letter.delivered', letter.id, { letterId: letter.id, staffId: staff.id, deliveredAt: new Date().toISOString(), method });
    } catch (err) {
      setError((err as Error).message);
    }
  }
  return (
    <form onSubmit={deliver} aria-label={t('letters.deliverTitle')}>
      <fieldset>
        <legend>{t('letters.method')}</legend>
        {DELIVERY_METHODS.map((m) => (
          <label key={m} className="choice">
            <input type="radio" name="method" value={m} checked={method === m} onChange={() => setMethod(m)} />
            <span>{t(`delivery.${m}`)}</span>
          </label>
        ))}
      </fieldset>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="primary">
        {t('letters.deliver')}
      </button>
    </form>
  );
}
