import { describe, expect, it } from 'vitest';
import { ACTION_REQUIREMENTS, DOSSIER_ACTIONS, opDataSchemas, OP_TYPES, RATINGS, validateOp, zOp, type OpType } from '../../../src/domain';
import { actionNeeds, makeOp, T0 } from '../../support/ops';

const UUID = '9b2f6c1e-3d4a-4e5b-8c7d-1a2b3c4d5e6f';
const UUID2 = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

const received = {
  code: '000.00.01.H29-260310-01001',
  procedureId: 'khai-sinh',
  applicant: { name: 'Nguyễn Văn An', idNumber: '001085123456', phone: '0912345678', address: 'Thôn 3, xã Yên Sơn' },
  channel: 'counter',
  receivedAt: '2026-03-10T02:00:00.000Z',
  dueAt: '2026-03-13T17:00:00+07:00',
  documents: ['Tờ khai', 'Giấy chứng sinh'],
  writtenByStaff: true,
  staffId: 'staff-lan',
};

/** One valid data sample per op type. */
const samples: Record<OpType, Record<string, unknown>> = {
  'dossier.received': received,
  'dossier.transitioned': { action: 'start-processing', staffId: 'staff-lan' },
  'dossier.updated': { staffId: 'staff-lan', changes: { 'applicant.phone': '0987654321' } },
  'survey.submitted': {
    rating: 'very-satisfied',
    criteria: { attitude: 'satisfied', access: 'normal' },
    answers: { listened: true, thanked: false },
    comment: 'Cán bộ nhiệt tình',
    dossierCode: '000.00.01.H29-260310-01001',
    surveyVersion: 2,
    flags: ['burst'],
  },
  'checklist.recorded': { templateId: '5-knows', templateVersion: 1, staffId: 'staff-lan', date: '2026-03-10', items: { listen: true, thank: false }, note: 'ok' },
  'letter.issued': { kind: 'apology', templateId: 'apology-v1', dossierId: UUID, recipientName: 'Ông An', body: 'Kính gửi…', staffId: 'staff-lan' },
  'letter.delivered': { letterId: UUID, staffId: 'staff-lan', deliveredAt: '2026-03-11T09:00:00+07:00' },
  'home.client-registered': { name: 'Bà Tư', address: 'Thôn 1', phone: '0912345678', idNumber: '001085123456', reason: 'elderly', note: 'Đi lại khó' },
  'home.client-updated': { changes: { phone: '0987654321' } },
  'home.visit-planned': { clientId: UUID, date: '2026-03-12', procedureId: 'chung-thuc', staffId: 'staff-lan' },
  'home.visit-completed': { visitId: UUID, dossierId: UUID2, outcome: 'Đã nhận hồ sơ', staffId: 'staff-lan' },
};

const op = (type: string, data: unknown, extra: Record<string, unknown> = {}) => ({
  ...makeOp(type, data as Record<string, unknown>, { opId: UUID2, entityId: UUID, wall: T0 }),
  ...extra,
});
const check = (type: OpType, data: unknown) => validateOp(op(type, data));
const messageOf = (r: ReturnType<typeof validateOp>) => (r.ok ? '' : r.message);

describe('op types', () => {
  it('are the 11 of the v1 contract, each with a data schema', () => {
    expect([...OP_TYPES]).toEqual([
      'dossier.received',
      'dossier.transitioned',
      'dossier.updated',
      'survey.submitted',
      'checklist.recorded',
      'letter.issued',
      'letter.delivered',
      'home.client-registered',
      'home.client-updated',
      'home.visit-planned',
      'home.visit-completed',
    ]);
    expect(Object.keys(opDataSchemas).sort()).toEqual([...OP_TYPES].sort());
    expect(DOSSIER_ACTIONS).toHaveLength(9);
    expect([...RATINGS]).toEqual(['very-satisfied', 'satisfied', 'normal', 'not-satisfied']);
  });

  it('accepts a valid sample of every type and returns its data', () => {
    for (const type of OP_TYPES) {
      const r = check(type, samples[type]);
      expect(r, type).toMatchObject({ ok: true });
      expect(r.ok && r.op.type).toBe(type);
    }
  });

  it('rejects an empty data object for every type', () => {
    for (const type of OP_TYPES) expect(check(type, {}), type).toMatchObject({ ok: false, code: 'invalid-op' });
  });
});

describe('the op envelope', () => {
  it('accepts the wire shape and strips unknown envelope fields', () => {
    const r = validateOp(op('dossier.received', received, { cursor: '42', extra: true }));
    expect(r.ok).toBe(true);
    expect(r.ok && Object.keys(r.op).sort()).toEqual(['at', 'data', 'deviceSeq', 'entityId', 'hlc', 'opId', 'type']);
  });

  it('rejects each malformed field and names it', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ opId: 'nope' }, 'opId'],
      [{ opId: undefined }, 'opId'],
      [{ entityId: '123' }, 'entityId'],
      [{ deviceSeq: 0 }, 'deviceSeq'],
      [{ deviceSeq: -3 }, 'deviceSeq'],
      [{ deviceSeq: 1.5 }, 'deviceSeq'],
      [{ deviceSeq: '1' }, 'deviceSeq'], // no coercion
      [{ deviceSeq: 2 ** 53 }, 'deviceSeq'],
      [{ at: '10/03/2026' }, 'at'],
      [{ at: '2026-02-30T00:00:00Z' }, 'at'],
      [{ at: '2026-03-10T09:00:00' }, 'at'], // no zone
      [{ hlc: '1' }, 'hlc'],
      [{ hlc: '1773108000000:0' }, 'hlc'],
      [{ type: '' }, 'type'],
      [{ type: 'x'.repeat(65) }, 'type'],
      [{ type: 7 }, 'type'],
      [{ data: 'text' }, 'data'],
      [{ data: [1, 2] }, 'data'],
      [{ data: null }, 'data'],
    ];
    for (const [extra, field] of cases) {
      const r = validateOp(op('survey.submitted', { rating: 'satisfied' }, extra));
      expect(r, JSON.stringify(extra)).toMatchObject({ ok: false, code: 'invalid-op' });
      expect(messageOf(r).startsWith(`${field}:`), `${messageOf(r)} for ${JSON.stringify(extra)}`).toBe(true);
    }
  });

  it('rejects things that are not ops at all', () => {
    for (const bad of [null, undefined, 42, 'op', [], true, {}]) expect(validateOp(bad)).toMatchObject({ ok: false, code: 'invalid-op' });
  });

  it('tells unknown types apart from invalid ones, including names objects inherit', () => {
    for (const type of ['dossier.exploded', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'DOSSIER.RECEIVED']) {
      const r = validateOp(op(type, {}));
      expect(r, type).toMatchObject({ ok: false, code: 'unknown-op-type' });
      expect(messageOf(r)).toMatch(/^type:/);
    }
  });

  it('is what the zod envelope schema says', () => {
    expect(zOp.safeParse(op('anything', {})).success).toBe(true);
    expect(zOp.safeParse(op('anything', {}, { hlc: 'x' })).success).toBe(false);
  });
});

describe('dossier.received', () => {
  it('needs exactly the DESIGN.md fields; idNumber, phone and address are optional', () => {
    expect(check('dossier.received', { ...received, applicant: { name: 'An' } }).ok).toBe(true);
    for (const field of ['code', 'procedureId', 'applicant', 'channel', 'receivedAt', 'dueAt', 'documents', 'writtenByStaff', 'staffId']) {
      const data: Record<string, unknown> = { ...received };
      delete data[field];
      const r = check('dossier.received', data);
      expect(r, field).toMatchObject({ ok: false, code: 'invalid-op' });
      expect(messageOf(r).startsWith(`data.${field}:`)).toBe(true);
    }
  });

  it('names the nested failing field', () => {
    const r = check('dossier.received', { ...received, applicant: { name: '' } });
    expect(messageOf(r)).toMatch(/^data\.applicant\.name: /);
    expect(messageOf(check('dossier.received', { ...received, documents: ['ok', 7] }))).toMatch(/^data\.documents\.1: /);
  });

  it('checks channels, booleans and dates strictly', () => {
    for (const channel of ['counter', 'home', 'online']) expect(check('dossier.received', { ...received, channel }).ok).toBe(true);
    expect(check('dossier.received', { ...received, channel: 'post' }).ok).toBe(false);
    expect(check('dossier.received', { ...received, writtenByStaff: 'true' }).ok).toBe(false);
    expect(check('dossier.received', { ...received, dueAt: 'tomorrow' }).ok).toBe(false);
    expect(check('dossier.received', { ...received, applicant: { name: 'An', phone: '+84912345678' } }).ok).toBe(false); // normalized before sending
  });

  it('caps sizes: name 200, address 500, documents 50 × 300', () => {
    const withApplicant = (a: object) => check('dossier.received', { ...received, applicant: { name: 'An', ...a } }).ok;
    expect(withApplicant({ name: 'x'.repeat(200) })).toBe(true);
    expect(withApplicant({ name: 'x'.repeat(201) })).toBe(false);
    expect(withApplicant({ address: 'x'.repeat(500) })).toBe(true);
    expect(withApplicant({ address: 'x'.repeat(501) })).toBe(false);
    expect(check('dossier.received', { ...received, documents: Array(50).fill('x'.repeat(300)) }).ok).toBe(true);
    expect(check('dossier.received', { ...received, documents: Array(51).fill('x') }).ok).toBe(false);
    expect(check('dossier.received', { ...received, documents: ['x'.repeat(301)] }).ok).toBe(false);
    expect(check('dossier.received', { ...received, documents: [] }).ok).toBe(true);
    expect(check('dossier.received', { ...received, documents: [''] }).ok).toBe(false);
    expect(check('dossier.received', { ...received, code: 'x'.repeat(101) }).ok).toBe(false);
  });

  it('trims names and drops unknown fields instead of storing them', () => {
    const r = check('dossier.received', { ...received, applicant: { name: '  An  ', religion: 'x' }, secret: 1 });
    expect(r.ok && r.op.data.applicant).toEqual({ name: 'An' });
    expect(r.ok && 'secret' in r.op.data).toBe(false);
    expect(check('dossier.received', { ...received, applicant: { name: '   ' } }).ok).toBe(false);
  });
});

describe('dossier.transitioned', () => {
  const t = (data: object) => check('dossier.transitioned', { staffId: 's', ...data });

  it('accepts every action with what it needs', () => {
    for (const action of DOSSIER_ACTIONS) expect(t({ action, ...actionNeeds(action) }), action).toMatchObject({ ok: true });
  });

  it('requires the reason, documents or new date each action needs, naming the field', () => {
    expect(messageOf(t({ action: 'refuse' }))).toMatch(/^data\.reason: /);
    expect(messageOf(t({ action: 'withdraw' }))).toMatch(/^data\.reason: /);
    expect(messageOf(t({ action: 'stop' }))).toMatch(/^data\.reason: /);
    expect(t({ action: 'refuse', reason: '   ' }).ok).toBe(false);
    expect(messageOf(t({ action: 'request-supplement' }))).toMatch(/^data\.missingDocuments: /);
    expect(t({ action: 'request-supplement', missingDocuments: [] }).ok).toBe(false);
    expect(messageOf(t({ action: 'apologize-extend', reason: 'x' }))).toMatch(/^data\.newDueAt: /);
    expect(messageOf(t({ action: 'apologize-extend', newDueAt: '2026-03-20T10:00:00Z' }))).toMatch(/^data\.reason: /);
    expect(t({ action: 'apologize-extend', reason: 'x', newDueAt: 'next week' }).ok).toBe(false);
  });

  it('enforces exactly the action-requirements table the detail form reads', () => {
    const full = { reason: 'Lý do', missingDocuments: ['Giấy chứng sinh'], newDueAt: '2026-03-20T17:00:00+07:00' };
    for (const action of DOSSIER_ACTIONS) {
      const needed = ACTION_REQUIREMENTS[action];
      const given = Object.fromEntries(needed.map((f) => [f, full[f]]));
      expect(t({ action, ...given }), action).toMatchObject({ ok: true });
      for (const field of needed) {
        const without = Object.fromEntries(Object.entries(given).filter(([k]) => k !== field));
        expect(messageOf(t({ action, ...without })), `${action} without ${field}`).toMatch(new RegExp(`^data\\.${field}: `));
      }
    }
  });

  it('rejects unknown actions and a missing staff id', () => {
    expect(messageOf(t({ action: 'teleport' }))).toMatch(/^data\.action: /);
    expect(messageOf(check('dossier.transitioned', { action: 'start-processing' }))).toMatch(/^data\.staffId: /);
  });

  it('caps the reason at 2000 characters', () => {
    expect(t({ action: 'refuse', reason: 'x'.repeat(2000) }).ok).toBe(true);
    expect(t({ action: 'refuse', reason: 'x'.repeat(2001) }).ok).toBe(false);
  });
});

describe('dossier.updated', () => {
  const u = (changes: unknown) => check('dossier.updated', { staffId: 's', changes });

  it('takes any of the five correctable fields', () => {
    expect(u({ 'applicant.name': 'Nguyễn Văn Ân' }).ok).toBe(true);
    expect(u({ 'applicant.idNumber': '001085123456' }).ok).toBe(true);
    expect(u({ 'applicant.phone': '0912345678' }).ok).toBe(true);
    expect(u({ 'applicant.address': 'Thôn 4' }).ok).toBe(true);
    expect(u({ documents: ['Tờ khai'] }).ok).toBe(true);
  });

  it('needs at least one change and ignores fields it does not know', () => {
    expect(messageOf(u({}))).toMatch(/^data\.changes: /);
    expect(u({ status: 'returned' }).ok).toBe(false);
    const r = u({ 'applicant.name': 'An', status: 'returned' });
    expect(r.ok && r.op.data.changes).toEqual({ 'applicant.name': 'An' });
  });

  it('takes an optional reason (1.1) and landline phones', () => {
    const r = check('dossier.updated', { staffId: 's', reason: 'Ghi sai tên', changes: { 'applicant.phone': '02438261234' } });
    expect(r.ok && r.op.data).toEqual({ staffId: 's', reason: 'Ghi sai tên', changes: { 'applicant.phone': '02438261234' } });
    expect(check('dossier.updated', { staffId: 's', reason: '', changes: { 'applicant.name': 'An' } }).ok).toBe(false);
  });

  it('checks the values', () => {
    expect(u({ 'applicant.phone': '12' }).ok).toBe(false);
    expect(u({ 'applicant.name': '' }).ok).toBe(false);
    expect(u({ 'applicant.address': 'x'.repeat(501) }).ok).toBe(false);
  });
});

describe('survey.submitted', () => {
  const s = (data: object) => check('survey.submitted', data);

  it('needs only the overall rating, one of four levels', () => {
    for (const rating of RATINGS) expect(s({ rating }).ok).toBe(true);
    expect(s({ rating: 'meh' }).ok).toBe(false);
    expect(messageOf(s({}))).toMatch(/^data\.rating: /);
  });

  it('checks criteria ratings, answers and the comment cap', () => {
    expect(s({ rating: 'satisfied', criteria: { attitude: 'great' } }).ok).toBe(false);
    expect(s({ rating: 'satisfied', answers: { listened: 'yes' } }).ok).toBe(false);
    expect(s({ rating: 'satisfied', comment: 'x'.repeat(1000) }).ok).toBe(true);
    expect(messageOf(s({ rating: 'satisfied', comment: 'x'.repeat(1001) }))).toMatch(/^data\.comment: /);
    expect(s({ rating: 'satisfied', surveyVersion: -1 }).ok).toBe(false);
  });

  it('caps how many criteria and answers a map holds', () => {
    const many = (n: number, v: unknown) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`q${i}`, v]));
    expect(s({ rating: 'satisfied', answers: many(20, true) }).ok).toBe(true);
    expect(s({ rating: 'satisfied', answers: many(21, true) }).ok).toBe(false);
    expect(s({ rating: 'satisfied', criteria: many(21, 'satisfied') }).ok).toBe(false);
  });
});

describe('the other op types', () => {
  it('check their enums and references', () => {
    expect(check('letter.issued', { ...samples['letter.issued'], kind: 'love' }).ok).toBe(false);
    for (const kind of ['apology', 'thanks', 'congratulation', 'condolence']) expect(check('letter.issued', { ...samples['letter.issued'], kind }).ok).toBe(true);
    expect(check('letter.issued', { ...samples['letter.issued'], dossierId: 'D-1' }).ok).toBe(false);
    expect(check('letter.delivered', { ...samples['letter.delivered'], deliveredAt: 'today' }).ok).toBe(false);
    expect(check('home.client-registered', { ...samples['home.client-registered'], reason: 'bored' }).ok).toBe(false);
    for (const reason of ['elderly', 'sick', 'disabled', 'other'])
      expect(check('home.client-registered', { ...samples['home.client-registered'], reason }).ok).toBe(true);
    expect(check('home.client-updated', { changes: {} }).ok).toBe(false);
    expect(check('home.client-updated', { changes: { reason: 'bored' } }).ok).toBe(false);
    expect(check('home.visit-planned', { ...samples['home.visit-planned'], date: '12/03/2026' }).ok).toBe(false);
    expect(check('home.visit-planned', { ...samples['home.visit-planned'], clientId: 'x' }).ok).toBe(false);
    expect(check('home.visit-completed', { ...samples['home.visit-completed'], outcome: '' }).ok).toBe(false);
    expect(check('checklist.recorded', { ...samples['checklist.recorded'], items: { listen: 'yes' } }).ok).toBe(false);
    expect(check('checklist.recorded', { ...samples['checklist.recorded'], templateVersion: 1.5 }).ok).toBe(false);
  });

  it('cap the free texts', () => {
    expect(check('home.client-registered', { ...samples['home.client-registered'], name: 'x'.repeat(201) }).ok).toBe(false);
    expect(check('home.client-registered', { ...samples['home.client-registered'], address: 'x'.repeat(501) }).ok).toBe(false);
    expect(check('checklist.recorded', { ...samples['checklist.recorded'], note: 'x'.repeat(1001) }).ok).toBe(false);
    expect(check('letter.issued', { ...samples['letter.issued'], body: 'x'.repeat(10_001) }).ok).toBe(false);
    const items = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`i${i}`, true]));
    expect(check('checklist.recorded', { ...samples['checklist.recorded'], items }).ok).toBe(false);
  });
});

describe('prototype pollution and broken text', () => {
  it('never copies "__proto__" anywhere, at any depth', () => {
    const payloads = [
      `{"rating":"satisfied","answers":{"__proto__":{"polluted":true},"listened":true}}`,
      `{"rating":"satisfied","__proto__":{"polluted":true}}`,
      `{"rating":"satisfied","criteria":{"__proto__":"satisfied"}}`,
    ];
    for (const p of payloads) {
      // The key is dropped (the rest of the survey is fine), never assigned as a prototype.
      const r = check('survey.submitted', JSON.parse(p));
      if (!r.ok) throw new Error(r.message);
      expect(Object.getPrototypeOf(r.op.data)).toBe(Object.prototype);
      expect(Object.hasOwn(r.op.data, '__proto__')).toBe(false);
      for (const map of [r.op.data.answers, r.op.data.criteria]) {
        if (map === undefined) continue;
        expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
        expect(Object.hasOwn(map as object, '__proto__')).toBe(false);
      }
      expect((r.op.data as Record<string, unknown>).polluted).toBeUndefined();
    }
    const whole = validateOp(JSON.parse(`{"__proto__":{"type":"survey.submitted"},${JSON.stringify(op('survey.submitted', { rating: 'satisfied' })).slice(1)}`));
    expect(whole.ok && Object.getPrototypeOf(whole.op)).toBe(Object.prototype);
    const nested = check('dossier.received', JSON.parse(JSON.stringify(received).replace('"applicant":{', '"applicant":{"__proto__":{"isAdmin":true},')));
    expect(nested.ok && (nested.op.data.applicant as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('cannot smuggle a field through an inherited "__proto__" either', () => {
    // data = {} whose prototype carries the rating: the schema must not read it.
    const r = check('survey.submitted', JSON.parse('{"__proto__":{"rating":"satisfied"}}'));
    expect(r).toMatchObject({ ok: false, code: 'invalid-op' });
  });

  it('refuses map keys that shadow what objects inherit, and non-slug keys', () => {
    expect(check('survey.submitted', { rating: 'satisfied', answers: { constructor: true } }).ok).toBe(false);
    expect(check('survey.submitted', { rating: 'satisfied', answers: { Bad: true } }).ok).toBe(false);
    expect(check('survey.submitted', { rating: 'satisfied', answers: { 'a b': true } }).ok).toBe(false);
    expect(check('checklist.recorded', { ...samples['checklist.recorded'], items: { constructor: true } }).ok).toBe(false);
  });

  it('refuses NUL and lone surrogates anywhere in the data', () => {
    expect(check('survey.submitted', { rating: 'satisfied', comment: 'a\u0000b' })).toMatchObject({ ok: false, code: 'invalid-op' });
    expect(check('survey.submitted', { rating: 'satisfied', comment: 'x\ud800y' })).toMatchObject({ ok: false, code: 'invalid-op' });
    expect(check('dossier.received', { ...received, documents: ['ok', 'bad\udc00'] })).toMatchObject({ ok: false, code: 'invalid-op' });
    expect(check('survey.submitted', { rating: 'satisfied', comment: 'emoji 👵 ok \\u0000 typed' }).ok).toBe(true);
  });
});
