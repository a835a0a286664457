import { describe, expect, it } from 'vitest';
import {
  BLANK,
  letterFigures,
  letterValues,
  letterDoneAt,
  longevityAge,
  longevityDue,
  stripLetterPersonalData,
  vnYear,
  whyNotWithoutDossier,
  mergeLetter,
  MERGE_FIELDS,
  suggestedKinds,
  triggeredKinds,
  validateOp,
  vnDateTime,
  zCommuneConfig,
  type CalendarData,
} from '../../../../src/domain';
import seed from '../../../../src/domain/demo/demo-commune.json';
import { demoConfig } from '../../../support/fixtures';
import { makeOp } from '../../../support/ops';

const cal: CalendarData = demoConfig.calendar;
const vn = (day: string, hhmm = '09:00') => vnDateTime(day, hhmm).toISOString();

describe('merge fields', () => {
  const dossier = {
    code: '000.00.12.H26-260310-01001',
    applicant: { name: 'Nguyễn Thị Hòa' },
    receivedAt: vn('2026-03-10', '09:00'),
    dueAt: vn('2026-03-20', '17:00'),
    originalDueAt: vn('2026-03-13', '17:00'),
    extended: true,
    history: [
      { action: 'apologize-extend', reason: 'chờ xác minh của Công an xã', flagged: 'second-extension' },
      { action: 'apologize-extend', reason: 'cần xác minh thêm' },
    ],
  };
  const values = letterValues({
    communeName: 'UBND xã Tân Lập',
    signer: { name: 'Trần Văn Minh', title: 'Phó Chủ tịch UBND xã' },
    dossier,
    procedureName: 'Đăng ký khai tử',
    now: new Date(vn('2026-03-12', '10:00')),
  });

  it('fills every field, dates as dd/mm/yyyy in Vietnam time, keeping the diacritics', () => {
    const body = MERGE_FIELDS.map((f) => `${f}={{${f}}}`).join('|');
    const { text, missing } = mergeLetter(body, values);
    expect(missing).toEqual(['occasion']);
    expect(text).toBe(
      [
        'applicantName=Nguyễn Thị Hòa',
        'recipientName=Nguyễn Thị Hòa',
        'dossierCode=000.00.12.H26-260310-01001',
        'procedureName=Đăng ký khai tử',
        'receivedDate=10/03/2026',
        // After the extension: the slip's date, and the new one.
        'dueDate=13/03/2026',
        'newDueDate=20/03/2026',
        // The reason of the applied extension, not of a flagged one.
        'reason=cần xác minh thêm',
        `occasion=${BLANK}`,
        'communeName=UBND xã Tân Lập',
        'signerTitle=Phó Chủ tịch UBND xã',
        'signerName=Trần Văn Minh',
        'staffName=Trần Văn Minh',
        'today=12/03/2026',
      ].join('|'),
    );
  });

  it('takes the Vietnam date, not the UTC one, at the edges of the day', () => {
    const late = letterValues({ communeName: 'x', now: new Date('2026-03-12T17:30:00Z') });
    expect(late.today).toBe('13/03/2026');
  });

  it('prints missing, empty and unknown fields as a dotted blank and lists them once', () => {
    const { text, missing } = mergeLetter('Kính gửi {{recipientName}}, {{ reason }}; {{nope}} {{reason}} {{__proto__}}', { recipientName: '  ', reason: '' });
    expect(text).toBe(`Kính gửi ${BLANK}, ${BLANK}; ${BLANK} ${BLANK} {{__proto__}}`);
    expect(missing).toEqual(['recipientName', 'reason', 'nope']);
    expect(mergeLetter('no fields at all', {})).toEqual({ text: 'no fields at all', missing: [] });
  });

  it('leaves the due date alone before an extension', () => {
    const v = letterValues({ communeName: 'x', now: new Date(), dossier: { ...dossier, extended: false, dueAt: vn('2026-03-13', '17:00') } });
    expect(v.dueDate).toBe('13/03/2026');
    expect(v.newDueDate).toBeUndefined();
  });

  it('merges each demo template with no unknown field', () => {
    for (const t of demoConfig.letterTemplates) {
      const known = new Set<string>(MERGE_FIELDS);
      const used = [...t.body.vi.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]);
      expect(used.filter((f) => !known.has(f)), t.id).toEqual([]);
    }
  });
});

describe('templates from config', () => {
  it('are versioned (version 1 when a config leaves it out) and include longevity', () => {
    expect(demoConfig.letterTemplates.map((t) => t.kind).sort()).toEqual(['apology', 'condolence', 'congratulation', 'longevity', 'thanks']);
    const withoutVersion = { ...demoConfig, letterTemplates: [{ ...seed.letterTemplates[0], version: undefined }] };
    expect(zCommuneConfig.parse(withoutVersion).letterTemplates[0].version).toBe(1);
  });
});

describe('triggers', () => {
  const base = { status: 'returned' as const, dueAt: vn('2026-03-13', '17:00'), extended: false, processedAt: vn('2026-03-10', '10:00'), supplementPeriods: [] };
  const now = new Date(vn('2026-03-11'));

  it('suggests what the procedure carries once the registration is done', () => {
    expect(triggeredKinds(base, 'condolence', cal, now)).toEqual(['condolence']);
    expect(triggeredKinds({ ...base, status: 'result-ready' }, 'congratulation', cal, now)).toEqual(['congratulation']);
    expect(triggeredKinds({ ...base, status: 'processing', processedAt: undefined }, 'congratulation', cal, now)).toEqual([]);
    expect(triggeredKinds({ ...base, status: 'refused' }, 'congratulation', cal, now)).toEqual([]);
    expect(triggeredKinds(base, undefined, cal, now)).toEqual([]);
  });

  it('suggests the apology for an extended, overdue or late-settled dossier', () => {
    expect(triggeredKinds({ ...base, status: 'processing', processedAt: undefined, extended: true }, undefined, cal, now)).toEqual(['apology']);
    expect(triggeredKinds({ ...base, status: 'processing', processedAt: undefined }, undefined, cal, new Date(vn('2026-03-16')))).toEqual(['apology']);
    expect(triggeredKinds({ ...base, processedAt: vn('2026-03-16') }, 'condolence', cal, now)).toEqual(['condolence', 'apology']);
    expect(triggeredKinds({ ...base, supplementRequests: 2 }, undefined, cal, now)).toEqual(['apology']);
  });

  it('leaves out what was already issued', () => {
    expect(suggestedKinds(['condolence', 'apology'], ['condolence'])).toEqual(['apology']);
    expect(suggestedKinds(['condolence'], [])).toEqual(['condolence']);
  });

  it('celebrates a home client turning 70, 75 … 95, and every year from 100', () => {
    expect([69, 70, 71, 75, 80, 85, 90, 95, 96, 99, 100, 101, 104].map((age) => longevityAge(2026 - age, 2026))).toEqual([
      null, 70, null, 75, 80, 85, 90, 95, null, null, 100, 101, 104,
    ]);
    expect(longevityAge(undefined, 2026)).toBeNull();
  });
});

describe('longevity letters for the home list (suggested, not issued)', () => {
  const tho = { id: 'c-tho', birthYear: 1946 }; // 80 in 2026
  const tu = { id: 'c-tu', birthYear: 1945 }; // 81
  const cuong = { id: 'c-cuong', birthYear: 1924 }; // 102
  const noYear = { id: 'c-none' };
  it('lists the people turning 70, 75 … 95 or 100+ in the year, with their age', () => {
    expect(longevityDue([tho, tu, cuong, noYear], [], 2026)).toEqual([
      { clientId: 'c-tho', age: 80 },
      { clientId: 'c-cuong', age: 102 },
    ]);
  });

  it('drops a person once a longevity letter names them in that Vietnam year; last year’s letter, another kind or another person do not count', () => {
    const letters = [
      { kind: 'longevity' as const, clientId: 'c-tho', issuedAt: '2025-12-31T16:59:00Z' }, // 31/12/2025 in Vietnam
      { kind: 'thanks' as const, clientId: 'c-cuong', issuedAt: '2026-03-01T01:00:00Z' },
      { kind: 'longevity' as const, issuedAt: '2026-03-01T01:00:00Z' }, // typed by hand, no client
    ];
    expect(longevityDue([tho, cuong], letters, 2026).map((d) => d.clientId)).toEqual(['c-tho', 'c-cuong']);
    // 17:00 UTC on 31/12/2025 is already 1 January 2026 in Vietnam.
    const greeted = [...letters, { kind: 'longevity' as const, clientId: 'c-tho', issuedAt: '2025-12-31T17:00:00Z' }];
    expect(longevityDue([tho, cuong], greeted, 2026).map((d) => d.clientId)).toEqual(['c-cuong']);
    expect(vnYear('2025-12-31T17:00:00Z')).toBe(2026);
  });

  it('leaves letters without a dossier to a leader, and says why to anyone else', () => {
    expect(whyNotWithoutDossier('leader')).toBeNull();
    expect(whyNotWithoutDossier('clerk')).toBe('leaderOnly');
    expect(whyNotWithoutDossier(undefined)).toBe('leaderOnly');
  });
});

describe('letters under the retention rule', () => {
  const letter = { recipientName: 'Lê Thị Mai', body: 'Kính gửi bà Lê Thị Mai, thôn Đông', occasion: 'mừng thọ' };
  const closed = { status: 'returned' as const, history: [{ at: '2026-03-01T02:00:00Z' }, { at: '2026-03-05T02:00:00Z' }] as never };
  it('counts from the delivery, else from the closing of its dossier; never while it may still be needed or once stripped', () => {
    expect(letterDoneAt({ ...letter, delivered: { at: '2026-03-10T02:00:00Z' } }, closed)).toBe('2026-03-10T02:00:00Z');
    expect(letterDoneAt(letter, closed)).toBe('2026-03-05T02:00:00Z');
    expect(letterDoneAt(letter, { ...closed, status: 'processing' })).toBeUndefined();
    expect(letterDoneAt(letter)).toBeUndefined();
    expect(letterDoneAt({ delivered: { at: '2026-03-10T02:00:00Z' } })).toBeUndefined();
  });

  it('takes the recipient, the occasion and the text off letter.issued, and nothing off other ops', () => {
    const data = { kind: 'longevity', templateId: 'longevity', clientId: 'c1', staffId: 's1', ...letter };
    expect(stripLetterPersonalData('letter.issued', data)).toEqual({ kind: 'longevity', templateId: 'longevity', clientId: 'c1', staffId: 's1' });
    expect(stripLetterPersonalData('letter.issued', { kind: 'thanks', templateId: 't', staffId: 's1' })).toBeUndefined();
    expect(stripLetterPersonalData('letter.delivered', { letterId: 'l', staffId: 's1', deliveredAt: '2026-03-10T02:00:00Z' })).toBeUndefined();
  });
});

describe('letter ops (1.1)', () => {
  const issued = { kind: 'longevity', templateId: 'longevity', templateVersion: 1, recipientName: 'Cụ Lê Văn Thọ', occasion: 'mừng thọ 80 tuổi', body: 'Kính gửi cụ', staffId: 's1' };
  it('accept longevity letters without a dossier, with the template version and occasion', () => {
    expect(validateOp(makeOp('letter.issued', issued))).toMatchObject({ ok: true, op: { data: issued } });
  });

  it('accept the home client a longevity letter is for (an addition of this app), and refuse one that is not an id', () => {
    const clientId = crypto.randomUUID();
    expect(validateOp(makeOp('letter.issued', { ...issued, clientId }))).toMatchObject({ ok: true, op: { data: { clientId } } });
    expect(validateOp(makeOp('letter.issued', { ...issued, clientId: 'cụ Thọ' }))).toMatchObject({ ok: false, message: expect.stringContaining('clientId') });
  });

  it('accept a delivery with or without its method (1.0 clients send none), and refuse an unknown method', () => {
    const letterId = crypto.randomUUID();
    const d = { letterId, staffId: 's1', deliveredAt: '2026-03-12T10:00:00+07:00' };
    expect(validateOp(makeOp('letter.delivered', d))).toMatchObject({ ok: true });
    expect(validateOp(makeOp('letter.delivered', { ...d, method: 'at-home' }))).toMatchObject({ ok: true, op: { data: { method: 'at-home' } } });
    expect(validateOp(makeOp('letter.delivered', { ...d, method: 'pigeon' }))).toMatchObject({ ok: false, code: 'invalid-op', message: expect.stringContaining('method') });
  });
});

describe('the letters block of a report', () => {
  it('counts letters issued in the period (Vietnam dates), delivered ones, by kind, and suggested ones not issued', () => {
    const f = letterFigures({
      letters: [
        { kind: 'condolence', issuedAt: '2026-03-01T01:00:00Z', deliveredAt: '2026-03-02T01:00:00Z' },
        // 23:30 UTC on 31 March is 1 April in Vietnam: outside a March report.
        { kind: 'condolence', issuedAt: '2026-03-31T17:30:00Z' },
        { kind: 'apology', issuedAt: '2026-03-10T01:00:00Z' },
        // 28 February 23:30 in Vietnam: outside.
        { kind: 'thanks', issuedAt: '2026-02-28T16:30:00Z', deliveredAt: '2026-03-01T01:00:00Z' },
        { kind: 'longevity', issuedAt: '2026-03-31T16:59:00Z', deliveredAt: '2026-04-02T01:00:00Z' },
      ],
      suggested: ['congratulation', 'congratulation', 'apology'],
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(f).toEqual({
      issued: 3,
      delivered: 2,
      suggested: 3,
      deliveredRate: 2 / 3,
      // DESIGN.md's letter settlement rate: the 3 suggested and never issued count as not delivered.
      settlementRate: 2 / 6,
      byKind: {
        apology: { issued: 1, delivered: 0, suggested: 1 },
        thanks: { issued: 0, delivered: 0, suggested: 0 },
        congratulation: { issued: 0, delivered: 0, suggested: 2 },
        condolence: { issued: 1, delivered: 1, suggested: 0 },
        longevity: { issued: 1, delivered: 1, suggested: 0 },
      },
    });
    expect(letterFigures({ letters: [], suggested: [], from: '2026-03-01', to: '2026-03-31' }).deliveredRate).toBeNull();
  });
});
