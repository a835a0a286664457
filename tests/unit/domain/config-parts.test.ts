import { describe, expect, it } from 'vitest';
import { checkPart } from '../../../src/domain/config-parts';
import { BLANK, mergeLetter, unknownMergeFields } from '../../../src/domain/letters/merge';

describe('config parts, one check for server and dashboard', () => {
  it('says where, what and the limit of the first problem', () => {
    expect(checkPart('settings', { retentionDays: 90, idleLockMinutes: 500 })).toMatchObject({ ok: false, path: ['idleLockMinutes'], code: 'too_big', limit: 120 });
    expect(checkPart('procedures', [{ id: 'p', name: ' ', field: '', processingTime: { unit: 'same-day' }, fee: 0, documents: [] }])).toMatchObject({ ok: false, path: [0, 'name'], code: 'too_small', limit: 1 });
    expect(checkPart('settings', {})).toEqual({ ok: true, value: { retentionDays: 90, idleLockMinutes: 5 } });
  });

  it('takes staff with a PIN, with a stored hash, or with neither (keeps the stored PIN); refuses a bad PIN and a repeated id', () => {
    const hashed = { id: 'a', name: 'An', pinSalt: 'e1d06bc1364d49f4', pinHash: 'a'.repeat(64) };
    expect(checkPart('staff', [hashed, { id: 'b', name: 'Bình', pin: '123456', role: 'leader' }, { id: 'c', name: 'Chi', title: '', active: false }]).ok).toBe(true);
    expect(checkPart('staff', [{ id: 'b', name: 'Bình', pin: '12' }])).toMatchObject({ ok: false, path: [0] });
    // A PIN sent with the old hash (a config fetched from a tablet and edited) is a reset.
    expect(checkPart('staff', [{ ...hashed, pin: '654321' }])).toMatchObject({ ok: true, value: [{ id: 'a', pin: '654321' }] });
    expect((checkPart('staff', [{ ...hashed, pin: '654321' }]) as { value: object[] }).value[0]).not.toHaveProperty('pinHash');
    expect(checkPart('staff', [{ id: 'b', name: 'Bình', role: 'boss' }]).ok).toBe(false);
    expect(checkPart('staff', [hashed, { ...hashed, name: 'Another' }])).toMatchObject({ ok: false, code: 'custom' });
  });

  it("checks a survey question's link to a checklist item", () => {
    const survey = { version: 1, levels: ['satisfied', 'not-satisfied'], criteria: [], questions: [{ id: 'q1', label: { vi: 'a', en: 'a' }, checklistItem: '5-biet/lang-nghe' }] };
    expect(checkPart('survey', survey).ok).toBe(true);
    expect(checkPart('survey', { ...survey, questions: [{ ...survey.questions[0], checklistItem: 'lang-nghe' }] })).toMatchObject({ ok: false, path: ['questions', 0, 'checklistItem'] });
  });
});

describe('letter merge fields', () => {
  it('fills known fields, prints a blank for unknown ones and names them', () => {
    const body = 'Kính gửi {{applicantName}}, hồ sơ {{ dossierCode }} — {{tenSai}}';
    // One merge for the editor's preview and the issued letter (src/domain/letters/merge.ts).
    expect(mergeLetter(body, { applicantName: 'Nguyễn Văn An', dossierCode: 'X-1' })).toEqual({ text: `Kính gửi Nguyễn Văn An, hồ sơ X-1 — ${BLANK}`, missing: ['tenSai'] });
    expect(unknownMergeFields(body)).toEqual(['tenSai']);
  });
});
