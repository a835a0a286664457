import { z } from '../zod';
import { atLeastOneChange, dossierCode, filled, id, idNumber, isoDateTime, phone, text, zSignature } from '../schemas';
import { ACTION_REQUIREMENTS, CHANNELS, HAND_OVER, TRANSITION_ACTIONS, type ActionField } from './lifecycle';

const documents = z.array(filled(300)).check(z.maxLength(50));
const applicant = z.object({
  name: filled(200),
  idNumber: z.optional(idNumber),
  phone: z.optional(phone),
  address: z.optional(text(500)),
});

export const zDossierReceived = z.object({
  code: dossierCode,
  procedureId: id,
  applicant,
  channel: z.enum(CHANNELS),
  receivedAt: isoDateTime,
  dueAt: isoDateTime,
  documents,
  writtenByStaff: z.boolean(),
  staffId: id,
  /** 1.1: the citizen signed the declaration (on the screen, or a fingerprint on paper). */
  signature: z.optional(zSignature),
});

const MISSING: Record<ActionField, (action: string) => string> = {
  reason: (action) => `${action} needs a reason`,
  missingDocuments: () => 'a supplement request lists the missing documents',
  newDueAt: () => 'an extension sets the new due date',
};

export const zDossierTransitioned = z
  .object({
    action: z.enum(TRANSITION_ACTIONS),
    staffId: id,
    reason: z.optional(filled(2000)),
    missingDocuments: z.optional(documents),
    newDueAt: z.optional(isoDateTime),
    // 1.1: a hand-over names who or which agency receives the dossier (a row of form 06).
    toStaffId: z.optional(id),
    toAgency: z.optional(filled(300)),
    // Contract note: an early return records that the citizen was told first (Decree 118).
    citizenInformed: z.optional(z.boolean()),
    /** 1.1: who received the result (action return-result). */
    signature: z.optional(zSignature),
    /** 1.1: where it happened, for work done outside the office (a certification at home). */
    place: z.optional(filled(500)),
  })
  .check(
    z.superRefine((d, ctx) => {
      if (d.action === HAND_OVER) {
        if (!d.toStaffId && !d.toAgency) ctx.addIssue({ code: 'custom', path: ['toStaffId'], message: 'a hand-over names toStaffId or toAgency' });
        return;
      }
      for (const field of ACTION_REQUIREMENTS[d.action]) {
        const value = d[field];
        if (Array.isArray(value) ? value.length : value) continue;
        ctx.addIssue({ code: 'custom', path: [field], message: MISSING[field](d.action) });
      }
    }),
  );

export const zDossierUpdated = z.object({
  staffId: id,
  /** 1.1, optional: why the receipt was corrected (the counter always asks for one). */
  reason: z.optional(filled(2000)),
  changes: z
    .object({
      'applicant.name': z.optional(filled(200)),
      'applicant.idNumber': z.optional(idNumber),
      'applicant.phone': z.optional(phone),
      'applicant.address': z.optional(text(500)),
      documents: z.optional(documents),
    })
    .check(atLeastOneChange),
});

export type DossierReceivedData = z.infer<typeof zDossierReceived>;
export type DossierTransitionedData = z.infer<typeof zDossierTransitioned>;
export type DossierUpdatedData = z.infer<typeof zDossierUpdated>;
