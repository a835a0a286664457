import { describe, expect, it } from 'vitest';
import { buildSurveyData, DEFAULT_SURVEY_RULES, emptyAnswers, judgeSubmission, PARTIAL_FLAG, stepQuestion, surveyRules, surveySteps, validateOp } from '../../../../src/domain';
import { demoConfig, longFlowSurvey } from '../../../support/fixtures';
import { makeOp } from '../../../support/ops';

const def = demoConfig.survey!;

describe('survey rules', () => {
  it('lays out one question per screen as the commune configured it: rating, criteria, questions, comment, dossier', () => {
    const steps = surveySteps(longFlowSurvey);
    expect(steps[0]).toEqual({ kind: 'rating' });
    expect(steps.filter((s) => s.kind === 'criterion')).toHaveLength(def.criteria.length);
    expect(steps.slice(-2)).toEqual([{ kind: 'comment' }, { kind: 'dossier' }]);
  });

  it('by default asks at most three short screens after the faces, then the optional comment', () => {
    expect(surveySteps(def)).toEqual([
      { kind: 'rating' },
      { kind: 'dossier' },
      { kind: 'question', id: def.questions[0].id },
      { kind: 'question', id: def.questions[1].id },
      { kind: 'comment' },
    ]);
    // A commune with no yes/no question: criteria that carry a plain question are asked instead.
    expect(surveySteps({ ...def, questions: [] }).slice(2, 4)).toEqual([
      { kind: 'criterion', id: def.criteria[0].id },
      { kind: 'criterion', id: def.criteria[1].id },
    ]);
    expect(stepQuestion(def, { kind: 'criterion', id: 'attitude' }, 'en')).toBe('How did you find the way the officer treated you?');
    expect(stepQuestion(longFlowSurvey, { kind: 'criterion', id: 'attitude' }, 'vi')).toBe('Thái độ, tinh thần phục vụ của cán bộ');
  });

  it('marks an answer left before sending as partial, counted with its rating', () => {
    const data = buildSurveyData({ ...emptyAnswers(), rating: 'very-satisfied', answers: { listened: true } }, def, [PARTIAL_FLAG]);
    expect(data).toEqual({ rating: 'very-satisfied', answers: { listened: true }, surveyVersion: def.version, flags: ['partial'] });
    expect(validateOp({ opId: crypto.randomUUID(), deviceSeq: 1, type: 'survey.submitted', entityId: crypto.randomUUID(), at: new Date().toISOString(), hlc: '000000000000001:000000', data }).ok).toBe(true);
  });

  it('builds data that passes the shared op schema, leaving out what was skipped', () => {
    const data = buildSurveyData({ ...emptyAnswers(), rating: 'satisfied', comment: '   ' }, def);
    expect(data).toEqual({ rating: 'satisfied', surveyVersion: def.version });
    expect(validateOp(makeOp('survey.submitted', data)).ok).toBe(true);
    expect(() => buildSurveyData(emptyAnswers(), def)).toThrow();
  });

  it('counts a repeat within the window once and flags bursts', () => {
    const rules = { ...DEFAULT_SURVEY_RULES, repeatWindowSeconds: 5, burstLimit: 3, burstWindowSeconds: 60 };
    expect(judgeSubmission([], 0, rules)).toEqual({ accept: true, flags: [] });
    expect(judgeSubmission([10_000], 14_999, rules)).toEqual({ accept: false, reason: 'repeat' });
    expect(judgeSubmission([10_000], 15_000, rules)).toEqual({ accept: true, flags: [] });
    expect(judgeSubmission([0, 10_000, 20_000], 30_000, rules)).toEqual({ accept: true, flags: ['burst'] });
    expect(judgeSubmission([0, 10_000, 20_000], 75_000, rules)).toEqual({ accept: true, flags: [] });
  });

  it('takes the commune’s rules over the defaults', () => {
    expect(surveyRules({ rules: { repeatWindowSeconds: 9 } })).toMatchObject({ repeatWindowSeconds: 9, burstLimit: DEFAULT_SURVEY_RULES.burstLimit });
    expect(surveyRules(null)).toEqual(DEFAULT_SURVEY_RULES);
  });
});
