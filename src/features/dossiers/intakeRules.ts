import { normalizePhone, validateCitizenId, validatePhone, type Procedure } from '../../domain';

export interface IntakeDraft {
  procedureId: string;
  name: string;
  idNumber: string;
  phone: string;
  address: string;
  documents: string[];
  writtenByStaff: boolean;
  channel: 'counter' | 'home' | 'online';
}

export const emptyDraft: IntakeDraft = {
  procedureId: '',
  name: '',
  idNumber: '',
  phone: '',
  address: '',
  documents: [],
  writtenByStaff: false,
  channel: 'counter',
};

/** Field → i18n key of what is wrong with it. Empty when the dossier can be received. */
export type IntakeErrors = Partial<Record<'procedureId' | 'name' | 'idNumber' | 'phone' | 'address' | 'documents', string>>;

/** The one-stop rule: a dossier is received only when it is complete and its data are well-formed. */
export function checkIntake(draft: IntakeDraft, procedure: Procedure | undefined): IntakeErrors {
  const errors: IntakeErrors = {};
  if (!procedure) errors.procedureId = 'intake.errors.pickProcedure';
  const name = draft.name.trim();
  if (!name) errors.name = 'intake.errors.nameRequired';
  else if (name.length > 200) errors.name = 'intake.errors.nameTooLong';
  if (draft.idNumber.trim()) {
    const id = validateCitizenId(draft.idNumber);
    if (!id.ok) errors.idNumber = `validation.${id.code}`;
  }
  if (draft.phone.trim()) {
    const phone = validatePhone(draft.phone);
    if (!phone.ok) errors.phone = `validation.${phone.code}`;
  }
  if (draft.address.length > 500) errors.address = 'intake.errors.addressTooLong';
  if (procedure) {
    const missing = procedure.documents.filter((d) => d.required && !draft.documents.includes(d.name));
    if (missing.length > 0) errors.documents = 'intake.errors.missingDocuments';
  }
  return errors;
}

export function missingRequiredDocuments(draft: IntakeDraft, procedure: Procedure | undefined): string[] {
  return procedure?.documents.filter((d) => d.required && !draft.documents.includes(d.name)).map((d) => d.name) ?? [];
}

/** The applicant as it goes into `dossier.received`: trimmed, normalised, empty fields left out. */
export function applicantFromDraft(draft: IntakeDraft) {
  return {
    name: draft.name.trim().replace(/\s+/g, ' '),
    idNumber: draft.idNumber.replace(/\s/g, '') || undefined,
    phone: draft.phone.trim() ? normalizePhone(draft.phone) : undefined,
    address: draft.address.trim() || undefined,
  };
}
