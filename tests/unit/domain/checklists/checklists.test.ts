import { describe, expect, it } from 'vitest';
import {
  checklistFigures,
  checklistRecord,
  citizenItemAnswers,
  currentTemplates,
  gap,
  isWideGap,
  itemLabel,
  parseItemRef,
  rate,
  recordScore,
  templatesFor,
  templateVersion,
  validateOp,
  weekOf,
  zChecklistTemplate,
  zCommuneConfig,
  zStaff,
  type ChecklistRecord,
  type ChecklistTemplate,
} from '../../../../src/domain';
import { makeOp } from '../../../support/ops';
import { demoConfig } from '../../../support/fixtures';

const label = (vi: string) => ({ vi, en: vi });
const fiveKnows = (version: number, itemIds: string[]): ChecklistTemplate =>
  zChecklistTemplate.parse({ id: '5-biet', version, name: label('5 biết'), items: itemIds.map((id) => ({ id, label: label(`${id} v${version}`) })) });

let seq = 0;
const rec = (over: Partial<ChecklistRecord>): ChecklistRecord => ({
  id: `r${++seq}`,
  at: '2026-03-10T02:00:00.000Z',
  templateId: '5-biet',
  templateVersion: 1,
  staffId: 'lan',
  checkedBy: 'lan',
  mode: 'self',
  date: '2026-03-10',
  items: {},
  skipped: false,
  ...over,
});

const checkOp = (data: Record<string, unknown>) => validateOp(makeOp('checklist.recorded', data));
const base = { templateId: '5-biet', templateVersion: 1, staffId: 'lan', date: '2026-03-10', items: { listen: true } };

describe('checklist templates', () => {
  it('are versioned data: staff tick the newest, a record keeps the version it was made with', () => {
    const v1 = fiveKnows(1, ['listen', 'thank']);
    const v2 = fiveKnows(2, ['listen', 'explain']);
    const templates = [v1, v2];
    expect(currentTemplates(templates)).toEqual([v2]);
    // A version-1 record stays version 1 after the template changed.
    const checked = validateOp(makeOp('checklist.recorded', { ...base, templateVersion: v1.version, items: { listen: true, thank: true } }));
    if (!checked.ok) throw new Error(checked.message);
    const record = checklistRecord(checked.op.entityId, checked.op.at, checked.op.data as never);
    expect(record.templateVersion).toBe(1);
    expect(templateVersion(templates, record.templateId, record.templateVersion)).toBe(v1);
    // An item the new version dropped still has its words for the figures.
    expect(itemLabel(templates, '5-biet', 'thank')?.vi).toBe('thank v1');
    expect(itemLabel(templates, '5-biet', 'listen')?.vi).toBe('listen v2');
    expect(itemLabel(templates, '5-biet', 'nope')).toBeUndefined();
  });

  it('say when they are used; a template from before uses exists serves every use', () => {
    const old = fiveKnows(1, ['listen']);
    expect(old.usedFor).toEqual(['interaction', 'daily', 'spot-check']);
    expect(templatesFor(demoConfig.checklistTemplates, 'interaction').map((t) => t.id)).toEqual(['5-biet']);
    expect(templatesFor(demoConfig.checklistTemplates, 'spot-check').map((t) => t.id)).toEqual(['5-biet', '3-the-hien', '4-xin-4-luon']);
    expect(zChecklistTemplate.safeParse({ ...old, usedFor: ['sometimes'] }).success).toBe(false);
    expect(zChecklistTemplate.safeParse({ ...old, usedFor: [] }).success).toBe(false);
  });
});

describe('staff roles', () => {
  it('are clerk unless the config says leader', () => {
    const { role: _r, ...lan } = demoConfig.staff[0];
    expect(zStaff.parse(lan).role).toBe('clerk');
    expect(demoConfig.staff.filter((s) => s.role === 'leader').map((s) => s.name)).toEqual(['Lê Văn Hùng']);
    expect(zStaff.safeParse({ ...lan, role: 'boss' }).success).toBe(false);
  });
});

describe('checklist.recorded', () => {
  it('accepts a 1.0 record (no mode, no checkedBy) and the 1.1 fields', () => {
    expect(checkOp(base).ok).toBe(true);
    expect(checkOp({ ...base, mode: 'self', checkedBy: 'lan', dossierId: crypto.randomUUID() }).ok).toBe(true);
    expect(checkOp({ ...base, mode: 'leader', checkedBy: 'hung' }).ok).toBe(true);
    expect(checkOp({ ...base, mode: 'peer', checkedBy: 'minh' }).ok).toBe(true);
  });

  it('refuses a spot check of oneself, a self-check by someone else and a skipped check with answers', () => {
    expect(checkOp({ ...base, mode: 'leader', checkedBy: 'lan' })).toMatchObject({ ok: false, message: expect.stringContaining('data.checkedBy') });
    expect(checkOp({ ...base, mode: 'leader' }).ok).toBe(false);
    expect(checkOp({ ...base, mode: 'self', checkedBy: 'minh' }).ok).toBe(false);
    expect(checkOp({ ...base, skipped: true })).toMatchObject({ ok: false, message: expect.stringContaining('data.items') });
    expect(checkOp({ ...base, skipped: true, items: {} }).ok).toBe(true);
    expect(checkOp({ ...base, mode: 'boss', checkedBy: 'x' }).ok).toBe(false);
  });

  it('fills the 1.0 gaps: no mode is a self-check by the officer, not skipped', () => {
    const r = checklistRecord('id', '2026-03-10T02:00:00.000Z', base);
    expect(r).toMatchObject({ mode: 'self', checkedBy: 'lan', skipped: false });
    expect(r).not.toHaveProperty('dossierId');
  });
});

describe('scoring', () => {
  it('counts answered items and those held; a skipped check scores nothing, not zero held', () => {
    expect(recordScore({ items: { a: true, b: false, c: true }, skipped: false })).toEqual({ checks: 3, yes: 2 });
    expect(recordScore({ items: {}, skipped: true })).toEqual({ checks: 0, yes: 0 });
    expect(rate({ checks: 4, yes: 3 })).toBe(0.75);
    expect(rate({ checks: 0, yes: 0 })).toBeNull();
  });

  it('keeps skipped checks apart from done ones, per officer and per week', () => {
    const f = checklistFigures(
      [
        rec({ items: { listen: true, thank: true } }),
        rec({ skipped: true }),
        rec({ staffId: 'minh', checkedBy: 'minh', items: { listen: false }, date: '2026-03-16' }),
        rec({ mode: 'leader', checkedBy: 'hung', items: { listen: false, thank: true } }),
      ],
      [],
    );
    expect(f.total).toMatchObject({ records: 3, skipped: 1 });
    expect(f.total.by.self).toEqual({ checks: 3, yes: 2 });
    expect(f.total.by.leader).toEqual({ checks: 2, yes: 1 });
    const lan = f.officers.find((o) => o.staffId === 'lan')!;
    expect(lan).toMatchObject({ records: 2, skipped: 1 });
    expect(lan.by.self).toEqual({ checks: 2, yes: 2 });
    expect(lan.by.leader).toEqual({ checks: 2, yes: 1 });
    // 10/03/2026 is a Tuesday: its week starts on Monday 9/3; 16/3 is the next Monday.
    expect(f.weeks.map((w) => [w.week, w.records, w.skipped])).toEqual([
      ['2026-03-09', 2, 1],
      ['2026-03-16', 1, 0],
    ]);
    const listen = f.items.find((i) => i.itemId === 'listen')!;
    expect(listen.by.self).toEqual({ checks: 2, yes: 1 });
    expect(listen.by.leader).toEqual({ checks: 1, yes: 0 });
  });

  it('puts self, leader and citizens side by side and flags a wide gap', () => {
    const f = checklistFigures(
      [rec({ items: { listen: true } }), rec({ items: { listen: true } })],
      [
        { templateId: '5-biet', itemId: 'listen', yes: false, date: '2026-03-10', staffId: 'lan' },
        { templateId: '5-biet', itemId: 'listen', yes: true, date: '2026-03-10' },
      ],
    );
    const listen = f.items[0];
    expect(listen.by.citizen).toEqual({ checks: 2, yes: 1 });
    expect(gap(listen.by.self, listen.by.citizen)).toBe(0.5);
    expect(isWideGap(gap(listen.by.self, listen.by.citizen))).toBe(true);
    expect(isWideGap(gap(listen.by.self, listen.by.self))).toBe(false);
    expect(gap(listen.by.self, listen.by.leader)).toBeNull();
    // A citizen's answer about a known officer's dossier lands on that officer.
    expect(f.officers.find((o) => o.staffId === 'lan')!.by.citizen).toEqual({ checks: 1, yes: 0 });
    expect(f.total).toMatchObject({ records: 2, skipped: 0 });
  });

  it('starts weeks on Monday', () => {
    expect(weekOf('2026-03-15')).toBe('2026-03-09'); // Sunday
    expect(weekOf('2026-03-09')).toBe('2026-03-09');
  });
});

describe("citizens' answers", () => {
  it('count as checks of the item their question names, and only those', () => {
    const def = demoConfig.survey!;
    expect(citizenItemAnswers(def, { listened: true, thanked: false, unknown: true })).toEqual([
      { templateId: '5-biet', itemId: 'listen', yes: true },
      { templateId: '5-biet', itemId: 'thank', yes: false },
    ]);
    expect(citizenItemAnswers(def, undefined)).toEqual([]);
    const unlinked = { questions: def.questions.map(({ checklistItem: _c, ...q }) => q) };
    expect(citizenItemAnswers(unlinked, { listened: true })).toEqual([]);
  });

  it('name an item as template/item; anything else is refused by the survey config', () => {
    expect(parseItemRef('5-biet/listen')).toEqual({ templateId: '5-biet', itemId: 'listen' });
    expect(parseItemRef('listen')).toBeNull();
    expect(parseItemRef('5-biet/')).toBeNull();
    const survey = demoConfig.survey!;
    const bad = { ...survey, questions: [{ ...survey.questions[0], checklistItem: 'listen' }] };
    expect(zCommuneConfig.safeParse({ ...demoConfig, survey: bad }).success).toBe(false);
  });
});
