import { describe, expect, it } from 'vitest';
import { validateOp } from '../../../src/domain';

const received = {
  code: 'H29-260310-01001',
  procedureId: 'khai-sinh',
  applicant: { name: 'Nguyễn Văn An', phone: '0912345678' },
  channel: 'counter',
  receivedAt: '2026-03-10T02:00:00.000Z',
  dueAt: '2026-03-10T10:00:00.000Z',
  documents: ['Tờ khai'],
  writtenByStaff: true,
  staffId: 'staff-lan',
};
const op = (type: string, data: unknown, extra: Record<string, unknown> = {}) => ({
  opId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  deviceSeq: 1,
  type,
  entityId: '9b2f6c1e-3d4a-4e5b-8c7d-1a2b3c4d5e6f',
  at: '2026-03-10T02:00:00.000Z',
  hlc: '000001773108000000:000000'.replace(/^0+(?=\d{15}:)/, ''),
  data,
  ...extra,
});

describe('op validation', () => {
  it('accepts dossier.received exactly as DESIGN.md shapes it', () => {
    const r = validateOp(op('dossier.received', received));
    expect(r.ok).toBe(true);
  });

  it('names the failing field', () => {
    const r = validateOp(op('dossier.received', { ...received, applicant: { name: '' } }));
    expect(r).toMatchObject({ ok: false, code: 'invalid-op' });
    expect(!r.ok && r.message).toMatch(/^data\.applicant\.name/);
    const r2 = validateOp(op('dossier.received', received, { deviceSeq: 0 }));
    expect(!r2.ok && r2.message).toMatch(/^deviceSeq/);
  });

  it('tells unknown types apart from invalid ones', () => {
    expect(validateOp(op('dossier.exploded', {}))).toMatchObject({ ok: false, code: 'unknown-op-type' });
    expect(validateOp(op('constructor', {}))).toMatchObject({ ok: false, code: 'unknown-op-type' });
    expect(validateOp(op('__proto__', {}))).toMatchObject({ ok: false, code: 'unknown-op-type' });
  });

  it('requires the reason, documents or new date each action needs', () => {
    const t = (data: object) => validateOp(op('dossier.transitioned', { staffId: 's', ...data }));
    expect(t({ action: 'start-processing' }).ok).toBe(true);
    expect(t({ action: 'refuse' })).toMatchObject({ ok: false, message: expect.stringMatching(/^data\.reason/) });
    expect(t({ action: 'refuse', reason: '   ' }).ok).toBe(false);
    expect(t({ action: 'request-supplement', missingDocuments: [] }).ok).toBe(false);
    expect(t({ action: 'apologize-extend', reason: 'x' }).ok).toBe(false);
    expect(t({ action: 'apologize-extend', reason: 'x', newDueAt: '2026-03-20T10:00:00+07:00' }).ok).toBe(true);
  });

  it('caps sizes and refuses prototype tricks in maps', () => {
    expect(validateOp(op('survey.submitted', { rating: 'satisfied', comment: 'x'.repeat(1001) })).ok).toBe(false);
    expect(validateOp(op('survey.submitted', { rating: 'satisfied', comment: 'x'.repeat(1000) })).ok).toBe(true);
    const polluted = JSON.parse('{"rating":"satisfied","answers":{"__proto__":{"polluted":true},"listened":true}}');
    const checked = validateOp(op('survey.submitted', polluted));
    // The key is dropped, never copied onto a prototype.
    expect(checked.ok && checked.op.data.answers).toEqual({ listened: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(validateOp(op('survey.submitted', { rating: 'satisfied', answers: { Bad: true } })).ok).toBe(false);
    expect(validateOp(op('dossier.received', { ...received, documents: Array(51).fill('x') })).ok).toBe(false);
  });

  it('rejects a malformed envelope', () => {
    for (const bad of [null, 42, 'op', [], { ...op('survey.submitted', { rating: 'satisfied' }), opId: 'nope' }, { ...op('survey.submitted', { rating: 'satisfied' }), hlc: '1' }]) {
      expect(validateOp(bad)).toMatchObject({ ok: false, code: 'invalid-op' });
    }
  });
});

describe('text the database can store', () => {
  it('refuses NUL and lone surrogates anywhere in the data', () => {
    expect(validateOp(op('survey.submitted', { rating: 'satisfied', comment: 'a\u0000b' }))).toMatchObject({ ok: false, code: 'invalid-op' });
    expect(validateOp(op('survey.submitted', { rating: 'satisfied', comment: 'x\ud800y' }))).toMatchObject({ ok: false, code: 'invalid-op' });
    expect(validateOp(op('survey.submitted', { rating: 'satisfied', comment: 'emoji 👵 ok \\u0000 typed' })).ok).toBe(true);
  });
});
