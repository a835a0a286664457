import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  buildSurveyData,
  emptyAnswers,
  judgeSubmission,
  newId,
  parseDossierCode,
  surveyRules,
  surveySteps,
  type Rating,
  type SurveyAnswers,
  type SurveyDefinition,
} from '../../domain';
import { QrScanner } from '../../app/QrScanner';
import { RatingChoices } from './Faces';
import { ReadAloud } from './ReadAloud';
import { useInactivity } from './useInactivity';
import { surveyStore } from './surveyStore';

const THANKS_SECONDS = 8;
type Phase = 'asking' | 'thanks' | 'repeat';

/**
 * The citizen's survey: one question per screen, big faces with words, everything after the
 * overall rating optional. Ends with a thank-you and starts over by itself for the next person.
 */
export function SurveyFlow({ definition, now = () => new Date() }: { definition: SurveyDefinition; now?: () => Date }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const steps = useMemo(() => surveySteps(definition), [definition]);
  const rules = useMemo(() => surveyRules(definition), [definition]);
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<SurveyAnswers>(emptyAnswers);
  const [phase, setPhase] = useState<Phase>('asking');
  const [busy, setBusy] = useState(false);
  const step = steps[index];

  const restart = useCallback(() => {
    setIndex(0);
    setAnswers(emptyAnswers());
    setPhase('asking');
  }, []);
  useEffect(() => void surveyStore(), []); // load the storage now, not at the first answer
  const countdown = useInactivity(phase === 'asking' && index > 0, rules.inactivitySeconds, rules.countdownSeconds, restart);
  useEffect(() => {
    if (phase === 'asking') return;
    const timer = setTimeout(restart, THANKS_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [phase, restart]);

  const next = () => setIndex((i) => Math.min(i + 1, steps.length - 1));
  const back = () => setIndex((i) => Math.max(i - 1, 0));

  async function submit(final: SurveyAnswers) {
    if (busy) return;
    setBusy(true);
    try {
      const { db, recentSurveyTimes, hasSurveyForDossier, recordOp } = await surveyStore();
      const at = now();
      const previous = await recentSurveyTimes(db, at.getTime() - rules.burstWindowSeconds * 1000);
      const decision = judgeSubmission(previous, at.getTime(), rules);
      if (!decision.accept) {
        setPhase('repeat');
        return;
      }
      const dossierCode = final.dossierCode && !(await hasSurveyForDossier(db, final.dossierCode)) ? final.dossierCode : undefined;
      await recordOp(db, 'survey.submitted', newId(), buildSurveyData({ ...final, dossierCode }, definition, decision.flags), at);
      setPhase('thanks');
    } finally {
      setBusy(false);
    }
  }

  if (phase !== 'asking') {
    return (
      <section className="kiosk-screen thanks" aria-labelledby="thanks-title">
        <h1 id="thanks-title">{phase === 'thanks' ? t('kiosk.thanks') : t('kiosk.alreadyThanks')}</h1>
        <p className="kiosk-lead">{t('kiosk.thanksMore')}</p>
        <button type="button" className="kiosk-big primary" onClick={restart}>
          {t('kiosk.nextPerson')}
        </button>
      </section>
    );
  }

  const labelOf = (list: { id: string; label: { vi: string; en: string } }[], id: string) => list.find((x) => x.id === id)?.label[lang] ?? id;
  let question = '';
  let body: React.ReactNode = null;
  let canSkip = index > 0;
  switch (step.kind) {
    case 'rating':
      question = t('kiosk.ratingQuestion');
      canSkip = false;
      body = (
        <RatingChoices
          label={question}
          levels={definition.levels as Rating[]}
          value={answers.rating}
          onPick={(rating) => {
            setAnswers((a) => ({ ...a, rating }));
            next();
          }}
        />
      );
      break;
    case 'criterion':
      question = labelOf(definition.criteria, step.id);
      body = (
        <RatingChoices
          label={question}
          levels={definition.levels as Rating[]}
          value={answers.criteria[step.id]}
          onPick={(rating) => {
            setAnswers((a) => ({ ...a, criteria: { ...a.criteria, [step.id]: rating } }));
            next();
          }}
        />
      );
      break;
    case 'question':
      question = labelOf(definition.questions, step.id);
      body = (
        <div role="group" aria-label={question} className="yes-no">
          {([true, false] as const).map((yes) => (
            <button
              key={String(yes)}
              type="button"
              className={`kiosk-big ${yes ? 'yes' : 'no'}`}
              aria-pressed={answers.answers[step.id] === yes}
              onClick={() => {
                setAnswers((a) => ({ ...a, answers: { ...a.answers, [step.id]: yes } }));
                next();
              }}
            >
              {yes ? t('kiosk.yes') : t('kiosk.no')}
            </button>
          ))}
        </div>
      );
      break;
    case 'comment':
      question = t('kiosk.commentQuestion');
      body = (
        <div className="kiosk-comment">
          <label htmlFor="kiosk-comment" className="sr-only">
            {question}
          </label>
          <textarea
            id="kiosk-comment"
            maxLength={1000}
            rows={5}
            value={answers.comment}
            onChange={(e) => setAnswers((a) => ({ ...a, comment: e.target.value }))}
          />
          <p className="hint" aria-live="polite">
            {t('kiosk.charsLeft', { count: 1000 - answers.comment.length })}
          </p>
          <button type="button" className="kiosk-big primary" onClick={next}>
            {t('kiosk.continue')}
          </button>
        </div>
      );
      break;
    case 'dossier':
      question = t('kiosk.dossierQuestion');
      canSkip = false;
      body = <DossierLink answers={answers} onSubmit={(code) => void submit({ ...answers, dossierCode: code })} busy={busy} />;
      break;
  }

  return (
    <section className="kiosk-screen" aria-labelledby="kiosk-question">
      <p className="kiosk-progress">{t('kiosk.progress', { step: index + 1, total: steps.length })}</p>
      <h1 id="kiosk-question">{question}</h1>
      {index === 0 && <p className="kiosk-lead">{t('kiosk.ratingHint')}</p>}
      <ReadAloud text={question} />
      {body}
      <div className="kiosk-nav">
        {index > 0 && (
          <button type="button" className="kiosk-big" onClick={back}>
            {t('kiosk.back')}
          </button>
        )}
        {canSkip && (
          <button type="button" className="kiosk-big" onClick={next}>
            {t('kiosk.skip')}
          </button>
        )}
      </div>
      {countdown !== null && (
        <div role="alertdialog" aria-labelledby="countdown-title" className="kiosk-countdown">
          <p id="countdown-title">{t('kiosk.countdown', { seconds: countdown })}</p>
          <button type="button" className="kiosk-big primary">
            {t('kiosk.stillHere')}
          </button>
        </div>
      )}
    </section>
  );
}

/** Optionally link the answer to a dossier: scan the QR on the receipt, or type its code. */
function DossierLink({ answers, onSubmit, busy }: { answers: SurveyAnswers; onSubmit: (code?: string) => void; busy: boolean }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'choose' | 'scan' | 'type'>('choose');
  const [typed, setTyped] = useState(answers.dossierCode ?? '');
  const [message, setMessage] = useState<string | null>(null);
  const [code, setCode] = useState<string | undefined>(answers.dossierCode);

  const accept = useCallback(
    async (raw: string) => {
      const candidate = raw.trim().toUpperCase();
      setMode('choose');
      if (!parseDossierCode(candidate)) return setMessage(t('kiosk.codeNotRecognised'));
      const { db, hasSurveyForDossier } = await surveyStore();
      if (await hasSurveyForDossier(db, candidate)) {
        setCode(undefined);
        return setMessage(t('kiosk.dossierAlreadyRated'));
      }
      setCode(candidate);
      setMessage(t('kiosk.dossierLinked', { code: candidate }));
    },
    [t],
  );

  return (
    <div className="dossier-link">
      {mode === 'scan' && <QrScanner onCode={(text) => void accept(text)} onCancel={() => setMode('choose')} />}
      {mode === 'type' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void accept(typed);
          }}
        >
          <label className="field">
            <span>{t('kiosk.typeCodeLabel')}</span>
            <input value={typed} onChange={(e) => setTyped(e.target.value)} autoCapitalize="characters" maxLength={60} />
          </label>
          <button type="submit" className="kiosk-big">
            {t('kiosk.useCode')}
          </button>
        </form>
      )}
      {mode === 'choose' && (
        <div className="yes-no">
          {'mediaDevices' in navigator && (
            <button type="button" className="kiosk-big" onClick={() => setMode('scan')}>
              {t('kiosk.scanReceipt')}
            </button>
          )}
          <button type="button" className="kiosk-big" onClick={() => setMode('type')}>
            {t('kiosk.typeCode')}
          </button>
        </div>
      )}
      {message && (
        <p role="status" className="kiosk-message">
          {message}
        </p>
      )}
      <button type="button" className="kiosk-big primary send" disabled={busy} onClick={() => onSubmit(code)}>
        {t('kiosk.send')}
      </button>
    </div>
  );
}
