import { describe, expect, it } from 'vitest';
import { zCommune, zCommuneConfig, zProcedure, zStaff, zSurveyDefinition, type CalendarData } from '../../../src/domain';

const calendar: CalendarData = {
  officeHours: { morning: ['07:30', '11:30'], afternoon: ['13:30', '17:00'] },
  sameDayCutoff: '15:00',
  holidays: [{ date: '2026-11-24', name: 'Ngày Văn hóa Việt Nam' }],
  workingWeekends: [],
};
const procedure = {
  id: 'khai-sinh',
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  field: 'Hộ tịch',
  processingTime: { unit: 'same-day' },
  fee: 0,
  documents: [{ name: 'Tờ khai đăng ký khai sinh', required: true }],
  resultPlace: 'Bộ phận một cửa',
  letterKind: 'congratulation',
};
const staff = { id: 'staff-lan', name: 'Trần Thị Lan', title: 'Công chức Tư pháp - Hộ tịch', pinSalt: 'a1b2c3d4e5f6a7b8', pinHash: 'f'.repeat(64), active: true };
const commune = { id: 'c-1', code: '000.00.12.H26', name: 'Xã Yên Sơn', province: 'Tuyên Quang' };
const survey = {
  version: 1,
  levels: ['very-satisfied', 'satisfied', 'not-satisfied'],
  criteria: [{ id: 'attitude', label: { vi: 'Thái độ', en: 'Attitude' } }],
  questions: [{ id: 'listened', label: { vi: 'Được lắng nghe?', en: 'Listened to?' } }],
};
const config = { version: 3, commune, procedures: [procedure], calendar, checklistTemplates: [], letterTemplates: [], staff: [staff], survey };

describe('config schemas', () => {
  it('accept a complete commune config', () => {
    const r = zCommuneConfig.safeParse(config);
    expect(r.success).toBe(true);
    expect(r.success && r.data.procedures[0].processingTime).toEqual({ unit: 'same-day' });
  });

  it('accept each processing-time kind and a fee in whole VND', () => {
    expect(zProcedure.safeParse({ ...procedure, processingTime: { unit: 'working-days', value: 3 }, fee: 8000, feeNote: 'Miễn cho hộ nghèo' }).success).toBe(true);
    expect(zProcedure.safeParse({ ...procedure, processingTime: { unit: 'working-hours', value: 4 } }).success).toBe(true);
    expect(zProcedure.safeParse({ ...procedure, fee: -1 }).success).toBe(false);
    expect(zProcedure.safeParse({ ...procedure, fee: 1.5 }).success).toBe(false);
    expect(zProcedure.safeParse({ ...procedure, processingTime: { unit: 'working-days', value: 0 } }).success).toBe(false);
    expect(zProcedure.safeParse({ ...procedure, letterKind: 'apology' }).success).toBe(false);
    expect(zProcedure.safeParse({ ...procedure, documents: [{ name: 'x' }] }).success).toBe(false);
    expect(zProcedure.safeParse({ ...procedure, name: '' }).success).toBe(false);
  });

  it('keep staff PINs as salted SHA-256 hex hashes only', () => {
    expect(zStaff.safeParse(staff).success).toBe(true);
    expect(zStaff.safeParse({ ...staff, pinHash: '1234' }).success).toBe(false);
    expect(zStaff.safeParse({ ...staff, pinSalt: 'short' }).success).toBe(false);
    const defaults = zStaff.safeParse({ id: 's', name: 'N', pinSalt: staff.pinSalt, pinHash: staff.pinHash });
    expect(defaults.success && defaults.data).toMatchObject({ title: '', active: true });
  });

  it('know a commune by id, code, name and province, with no district level', () => {
    expect(zCommune.safeParse(commune).success).toBe(true);
    expect(zCommune.safeParse({ ...commune, code: '' }).success).toBe(false);
    const r = zCommune.safeParse({ ...commune, district: 'Huyện X' });
    expect(r.success && 'district' in r.data).toBe(false);
  });

  it('make survey criteria and questions slugs the survey op accepts as keys', () => {
    expect(zSurveyDefinition.safeParse(survey).success).toBe(true);
    expect(zSurveyDefinition.safeParse({ ...survey, criteria: [{ id: 'Thái độ', label: survey.criteria[0].label }] }).success).toBe(false);
    expect(zSurveyDefinition.safeParse({ ...survey, questions: [{ id: 'constructor', label: survey.criteria[0].label }] }).success).toBe(false);
    expect(zSurveyDefinition.safeParse({ ...survey, levels: ['satisfied'] }).success).toBe(false);
  });

  it('reject a config whose calendar is broken', () => {
    expect(zCommuneConfig.safeParse({ ...config, calendar: { ...calendar, sameDayCutoff: '25:00' } }).success).toBe(false);
    expect(zCommuneConfig.safeParse({ ...config, calendar: { ...calendar, holidays: [{ date: '2026-02-30', name: 'x' }] } }).success).toBe(false);
    expect(zCommuneConfig.safeParse({ ...config, version: -1 }).success).toBe(false);
  });
});
