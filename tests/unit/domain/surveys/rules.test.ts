import { describe, expect, it } from 'vitest';
import { buildSurveyData, DEFAULT_SURVEY_RULES, emptyAnswers, judgeSubmission, surveyRules, surveySteps, validateOp } from '../../../../src/domain';
import { demoConfig } from '../../../support/fixtures';
import { makeOp } from '../../../support/ops';

const def = demoConfig.survey!;

describe('survey rules', () => {
  it('lays out one question per screen: rating, criteria, questions, comment, dossier', () => {
    const steps = surveySteps(def);
    expect(steps[0]).toEqual({ kind: 'rating' });
    expect(steps.filter((s) => s.kind === 'criterion')).toHaveLength(def.criteria.length);
    expect(steps.slice(-2)).toEqual([{ kind: 'comment' }, { kind: 'dossier' }]);
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
