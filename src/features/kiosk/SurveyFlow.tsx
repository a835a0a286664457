import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  buildSurveyData,
  completeDossierCode,
  emptyAnswers,
  judgeSubmission,
  newId,
  PARTIAL_FLAG,
  stepQuestion,
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
import { saveDraft, takeDraft, type SurveyDraft } from './surveyDraft';

const THANKS_SECONDS = 8;
type Phase = 'asking' | 'thanks' | 'repeat';

/**
 * The citizen's survey: the faces first, then one short question per screen, everything after the
 * face optional. The first tap counts: a citizen who walks away is recorded with what they answered
 * (flagged `partial`) when the kiosk starts over, or after a reload. Ends with a thank-you and
 * starts over by itself for the next person, calling `onNewCitizen` each time.
 */
export function SurveyFlow({
  definition,
  communeCode,
  onNewCitizen,
  now = () => new Date(),
}: {
  definition: SurveyDefinition;
  /** Lets a citizen type only the last digits of the receipt's code. */
  communeCode?: string;
  onNewCitizen?: () => void;
  now?: () => Date;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const steps = useMemo(() => surveySteps(definition), [definition]);
  const rules = useMemo(() => surveyRules(definition), [definition]);
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<SurveyAnswers>(emptyAnswers);
  const [phase, setPhase] = useState<Phase>('asking');
  const [busy, setBusy] = useState(false);
  // The same draft as in localStorage, for when storage refuses to keep it.
  const draft = useRef<SurveyDraft | null>(null);
  const step = steps[index];
  const last = index === steps.length - 1;
  const clock = useRef(now);
  clock.current = now;

  /** Store one answer (state, memory and localStorage at once) and return the answers with it. */
  const answer = (change: Partial<SurveyAnswers>): SurveyAnswers => {
    const next = { ...(draft.current?.answers ?? answers), ...change };
    draft.current = { answers: next, at: clock.current().toISOString() };
    saveDraft(draft.current);
    setAnswers(next);
    return next;
  };

  /** Record answers as one survey.submitted, unless the rules see a repeat tap. */
  const record = useCallback(
    async (final: SurveyAnswers, at: Date, flags: string[]) => {
      const { db, recentSurveyTimes, hasSurveyForDossier, recordOp } = await surveyStore();
      const previous = await recentSurveyTimes(db, at.getTime() - rules.burstWindowSeconds * 1000);
      const decision = judgeSubmission(previous, at.getTime(), rules);
      if (!decision.accept) return false;
      const dossierCode = final.dossierCode && !(await hasSurveyForDossier(db, final.dossierCode)) ? final.dossierCode : undefined;
      await recordOp(db, 'survey.submitted', newId(), buildSurveyData({ ...final, dossierCode }, definition, [...flags, ...decision.flags]), at);
      return true;
    },
    [definition, rules],
  );

  /** Whatever the last citizen answered but did not send counts, flagged partial. */
  const recordAbandoned = useCallback(() => {
    const left = takeDraft() ?? draft.current;
    draft.current = null;
    // Storage not ready (a tablet being set up again): keep the draft for the next start to record.
    if (left?.answers.rating) record(left.answers, new Date(left.at), [PARTIAL_FLAG]).catch(() => saveDraft(left));
  }, [record]);

  const newCitizen = useRef(onNewCitizen);
  newCitizen.current = onNewCitizen;
  const restart = useCallback(() => {
    recordAbandoned();
    setIndex(0);
    setAnswers(emptyAnswers());
    setPhase('asking');
    newCitizen.current?.();
  }, [recordAbandoned]);
  // Load the storage now, not at the first answer; and a survey cut short by a reload counts now
  // (on mount only: a config update arriving mid-survey must not cut the citizen short).
  const atMount = useRef(recordAbandoned);
  useEffect(() => {
    void surveyStore();
    atMount.current();
  }, []);
  const countdown = useInactivity(phase === 'asking' && answers.rating !== undefined, rules.inactivitySeconds, rules.countdownSeconds, restart);
  useEffect(() => {
    if (phase === 'asking') return;
    const timer = setTimeout(restart, THANKS_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [phase, restart]);

  const next = () => setIndex((i) => Math.min(i + 1, steps.length - 1));
  const back = () => setIndex((i) => Math.max(i - 1, 0));
  /** After an answer: the next screen, or sending when this was the last one. */
  const advance = (final: SurveyAnswers) => (last ? void submit(final) : next());

  async function submit(final: SurveyAnswers) {
    if (busy) return;
    setBusy(true);
    try {
      takeDraft();
      draft.current = null;
      setPhase((await record(final, clock.current(), [])) ? 'thanks' : 'repeat');
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

  const sendOrContinue = (
    <button type="button" className="kiosk-big primary send" disabled={busy} onClick={() => advance(answers)}>
      {last ? t('kiosk.send') : t('kiosk.continue')}
    </button>
  );
  let question = '';
  let body: React.ReactNode = null;
  switch (step.kind) {
    case 'rating':
      question = t('kiosk.ratingQuestion');
      body = (
        <RatingChoices
          label={question}
          levels={definition.levels as Rating[]}
          value={answers.rating}
          onPick={(rating) => advance(answer({ rating }))}
        />
      );
      break;
    case 'criterion':
      question = stepQuestion(definition, step, lang);
      body = (
        <RatingChoices
          label={question}
          levels={definition.levels as Rating[]}
          value={answers.criteria[step.id]}
          onPick={(rating) => advance(answer({ criteria: { ...answers.criteria, [step.id]: rating } }))}
        />
      );
      break;
    case 'question':
      question = stepQuestion(definition, step, lang);
      body = (
        <div role="group" aria-label={question} className="yes-no">
          {([true, false] as const).map((yes) => (
            <button
              key={String(yes)}
              type="button"
              className={`kiosk-big ${yes ? 'yes' : 'no'}`}
              aria-pressed={answers.answers[step.id] === yes}
              onClick={() => advance(answer({ answers: { ...answers.answers, [step.id]: yes } }))}
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
          <textarea id="kiosk-comment" maxLength={1000} rows={5} value={answers.comment} onChange={(e) => answer({ comment: e.target.value })} />
          <p className="hint" aria-live="polite">
            {t('kiosk.charsLeft', { count: 1000 - answers.comment.length })}
          </p>
          {sendOrContinue}
        </div>
      );
      break;
    case 'dossier':
      question = t('kiosk.dossierQuestion');
      body = (
        <DossierLink code={answers.dossierCode} communeCode={communeCode} now={now} onCode={(dossierCode) => answer({ dossierCode })}>
          {(last || answers.dossierCode) && sendOrContinue}
        </DossierLink>
      );
      break;
  }
  const canSkip = index > 0 && !last;

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

/**
 * Optionally link the answer to a dossier: scan the QR on the receipt, or type its code — the last
 * digits are enough, the kiosk adds its commune's code and today's date.
 */
function DossierLink({
  code,
  communeCode,
  now,
  onCode,
  children,
}: {
  code?: string;
  communeCode?: string;
  now: () => Date;
  onCode: (code: string | undefined) => void;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'choose' | 'scan' | 'type'>('choose');
  const [typed, setTyped] = useState('');
  const [message, setMessage] = useState<string | null>(code ? t('kiosk.dossierLinked', { code }) : null);

  const accept = useCallback(
    async (raw: string) => {
      setMode('choose');
      const candidate = completeDossierCode(raw, now(), communeCode);
      if (!candidate) return setMessage(t('kiosk.codeNotRecognised'));
      const { db, hasSurveyForDossier } = await surveyStore();
      if (await hasSurveyForDossier(db, candidate)) {
        onCode(undefined);
        return setMessage(t('kiosk.dossierAlreadyRated'));
      }
      onCode(candidate);
      setTyped(''); // a wrong code stays to be corrected; a good one is done with
      setMessage(t('kiosk.dossierLinked', { code: candidate }));
    },
    [t, communeCode, now, onCode],
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
            <input
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoCapitalize="characters"
              inputMode={communeCode ? 'numeric' : undefined}
              maxLength={60}
              aria-describedby={communeCode ? 'kiosk-code-hint' : undefined}
            />
          </label>
          {communeCode && (
            <p id="kiosk-code-hint" className="hint">
              {t('kiosk.typeCodeHint')}
            </p>
          )}
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
      {children}
    </div>
  );
}
