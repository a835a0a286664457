import { describe, expect, it } from 'vitest';
import { applicantFromDraft, checkIntake, emptyDraft, missingRequiredDocuments } from '../../../../src/features/dossiers/intakeRules';
import { demoConfig } from '../../../support/fixtures';

const procedure = demoConfig.procedures.find((p) => p.documents.some((d) => d.required))!;
const required = procedure.documents.filter((d) => d.required).map((d) => d.name);

describe('intake rules', () => {
  it('needs a procedure, a name and every required document', () => {
    expect(checkIntake(emptyDraft, undefined)).toMatchObject({
      procedureId: 'intake.errors.pickProcedure',
      name: 'intake.errors.nameRequired',
    });
    const draft = { ...emptyDraft, procedureId: procedure.id, name: 'Lê Văn Tám' };
    expect(checkIntake(draft, procedure).documents).toBe('intake.errors.missingDocuments');
    expect(missingRequiredDocuments(draft, procedure)).toEqual(required);
    expect(checkIntake({ ...draft, documents: required }, procedure)).toEqual({});
  });

  it('translates ID and phone problems into messages', () => {
    const draft = { ...emptyDraft, name: 'A', idNumber: '99920301234', phone: '0112345678' };
    const errors = checkIntake(draft, procedure);
    expect(errors.idNumber).toMatch(/^validation\./);
    expect(errors.phone).toBe('validation.phone-bad-prefix');
  });

  it('normalises the applicant: trims, folds spaces, +84 phones, drops empty fields', () => {
    expect(applicantFromDraft({ ...emptyDraft, name: '  Nguyễn   Văn  An ', phone: '+84 912 345 678' })).toEqual({
      name: 'Nguyễn Văn An',
      idNumber: undefined,
      phone: '0912345678',
      address: undefined,
    });
  });
});
