import type { SurveyAnswers } from '../../domain';

const KEY = 'friendly-desk.survey-draft';

/** What a citizen has answered so far, and when they last touched the screen. */
export interface SurveyDraft {
  answers: SurveyAnswers;
  at: string;
}

/**
 * The answers of the survey in progress, kept in localStorage (written at once, no await): a
 * reload or a power cut between the first face and "Gửi đánh giá" must not lose the first tap.
 * It holds only what the op will hold anyway, and is taken away as soon as it is recorded.
 */
export function saveDraft(draft: SurveyDraft) {
  try {
    localStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    /* storage full or private mode: the answer still counts when the kiosk starts over */
  }
}

/** Read and remove the draft in one step, so it is recorded once even if two callers ask. */
export function takeDraft(): SurveyDraft | null {
  try {
    const raw = localStorage.getItem(KEY);
    localStorage.removeItem(KEY);
    const draft = raw ? (JSON.parse(raw) as SurveyDraft) : null;
    return draft?.answers?.rating && !Number.isNaN(Date.parse(draft.at)) ? draft : null;
  } catch {
    return null;
  }
}
